import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { lastLinkToken, lastSmsCode } from '@immo/auth';

// Test support for running the real server as child processes: a database of
// their own, free ports, `cli.ts all` spawned and awaited on /readyz, and the
// sign-up of a person through the HTTP API only (verifications read from the
// outbox files the processes write under the shared DATA_DIR).

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A fresh PostgreSQL database on the server of `adminUrl`; `drop()` removes it. */
export async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `immo_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * One deployment of server processes for a test: its own database, DATA_DIR
 * and Redis prefix (other test runs share this Redis), one public address
 * (access tokens name it as issuer, so every process accepts them), and
 * `start(role)` for each process, one after the other (processes opening a
 * fresh database at the same instant race on `create extension`).
 */
export async function createDeployment(tag: string): Promise<{
  dataDir: string;
  publicUrl: string;
  start(role?: 'all' | 'api' | 'worker' | 'realtime', options?: { waitReady?: boolean }): Promise<ServerProcess>;
  stop(): Promise<void>;
}> {
  // eslint-disable-next-line no-restricted-properties -- the integration pass names its PostgreSQL and Redis
  const { TEST_DATABASE_URL: adminUrl, REDIS_URL: redisUrl } = process.env;
  if (!adminUrl || !redisUrl) throw new Error(`${tag} needs TEST_DATABASE_URL and REDIS_URL (the integration pass sets both)`);
  const database = await createDatabase(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), `immo-${tag}-`));
  const prefix = `immo-test-${tag}-${randomUUID().slice(0, 8)}`;
  const publicPort = await freePort();
  const servers: ServerProcess[] = [];
  return {
    dataDir,
    publicUrl: `http://127.0.0.1:${publicPort}`,
    async start(role = 'all', options = {}) {
      const port = servers.length === 0 ? publicPort : await freePort();
      const server = startServer(
        {
          PUBLIC_URL: `http://127.0.0.1:${publicPort}`,
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          REDIS_PREFIX: prefix,
          EVENT_BUS: 'redis',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          AUTO_SEED: 'false',
          DATA_DIR: dataDir,
          NODE_ENV: 'test',
        },
        role,
      );
      servers.push(server);
      // a worker serves no HTTP: it is ready when it consumes (callers allow for its start)
      if (options.waitReady ?? role !== 'worker') await waitUntilReady(server, 120_000);
      return server;
    },
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** `node --import tsx apps/server/src/cli.ts <role>` from the repository root, with `env` over this process's environment. */
export function startServer(env: Record<string, string>, role: 'all' | 'api' | 'worker' | 'realtime' = 'all'): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', role], {
    cwd: repoRoot,
    // eslint-disable-next-line no-restricted-properties -- the child inherits this environment (PATH, NODE_OPTIONS) under the test's settings
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    child,
    output: () => printed,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Resolves once GET /readyz answers 200; fails early if the process exits. */
export async function waitUntilReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.url} exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${server.url} not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** One JSON call; throws with the answer when the status is not `expected`. */
export async function call<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; expected: number }): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  if (res.status !== options.expected) throw new Error(`${method} ${path} answered ${res.status} (expected ${options.expected}): ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Retries `read` (an outbox file lookup) until it stops throwing: mail and SMS may be sent after the answer. */
export async function eventually<T>(read: () => T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export const PASSWORD = 'Test-passphrase-for-immo-42';

/**
 * Registers a person through the HTTP API, confirms the e-mail with the mailed
 * link and, with `phone`, the phone with the texted code; returns a token
 * issued after the verifications.
 */
export async function signUpOverHttp(baseUrl: string, dataDir: string, options: { phone?: string } = {}): Promise<{ userId: string; email: string; accessToken: string }> {
  const email = `person-${randomUUID().slice(0, 8)}@example.test`;
  await call(baseUrl, 'POST', '/v1/auth/register', { body: { email, password: PASSWORD, displayName: 'Test Person' }, expected: 202 });
  const token = await eventually(() => lastLinkToken(dataDir, email, 'verify-email'));
  await call(baseUrl, 'POST', '/v1/auth/verify-email', { body: { token }, expected: 204 });
  const login = () => call<{ accessToken: string }>(baseUrl, 'POST', '/v1/auth/login', { body: { email, password: PASSWORD }, expected: 200 });
  let { accessToken } = await login();
  if (options.phone) {
    const { phone } = await call<{ phone: string }>(baseUrl, 'POST', '/v1/auth/phone', { token: accessToken, body: { phone: options.phone }, expected: 202 });
    const code = await eventually(() => lastSmsCode(dataDir, phone));
    await call(baseUrl, 'POST', '/v1/auth/phone/verify', { token: accessToken, body: { code }, expected: 204 });
    ({ accessToken } = await login());
  }
  const me = await call<{ account: { id: string } }>(baseUrl, 'GET', '/v1/auth/me', { token: accessToken, expected: 200 });
  return { userId: me.account.id, email, accessToken };
}

/** A Socket.IO client at /ws, resolved once the server has joined its rooms (`ready`). */
export function socketClient(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { path: '/ws', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready from ${url} within 10 s`)), 10_000);
    socket.once('ready', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Waits until `condition` holds (a live event arrived), polling; fails naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
