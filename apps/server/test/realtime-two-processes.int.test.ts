import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ixellesFlat } from './gdpr-fixtures.ts';
import { call, createDatabase, freePort, signUpOverHttp, socketClient, startServer, waitUntilReady, type ServerProcess } from './server-processes.ts';

// Two real server processes (`cli.ts all`) on one PostgreSQL database and one
// Redis: a message sent through node A reaches, live and once, the owner's
// socket held by node B. Nothing is shared between the processes but the
// database, Redis and DATA_DIR (read here for the verification mail and SMS).

interface MessageView {
  id: string;
  conversationId: string;
  text: string;
}

describe('two server processes behind one Redis', () => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let dataDir: string | undefined;
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    const redisUrl = process.env.REDIS_URL;
    if (!adminUrl || !redisUrl) throw new Error('realtime-two-processes needs TEST_DATABASE_URL and REDIS_URL (the integration pass sets both)');
    database = await createDatabase(adminUrl);
    dataDir = mkdtempSync(join(tmpdir(), 'immo-two-nodes-'));
    const [portA, portB] = [await freePort(), await freePort()];
    const prefix = `immo-test-two-nodes-${randomUUID().slice(0, 8)}`;
    const env = (port: number) => ({
      // one deployment, one public address: access tokens name it as issuer, so B accepts A's tokens
      PUBLIC_URL: `http://127.0.0.1:${portA}`,
      DATABASE_URL: database!.url,
      REDIS_URL: redisUrl,
      // its own keys, streams and channels: other test runs share this Redis
      REDIS_PREFIX: prefix,
      EVENT_BUS: 'redis',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AUTO_SEED: 'false',
      DATA_DIR: dataDir!,
      NODE_ENV: 'test',
    });
    // one after the other: two processes opening a fresh database at the same
    // instant race on `create extension if not exists` (openPostgres) and one exits
    nodeA = startServer(env(portA));
    servers.push(nodeA);
    await waitUntilReady(nodeA, 120_000);
    nodeB = startServer(env(portB));
    servers.push(nodeB);
    await waitUntilReady(nodeB, 120_000);
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('delivers messages sent through node A to the owner connected to node B, live and exactly once', async () => {
    const owner = await signUpOverHttp(nodeA.url, dataDir!, { phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` });
    const listing = await call<{ id: string }>(nodeA.url, 'POST', '/v1/listings', { token: owner.accessToken, body: ixellesFlat(), expected: 201 });
    await call(nodeA.url, 'POST', `/v1/listings/${listing.id}/publish`, { token: owner.accessToken, expected: 200 });
    const seeker = await signUpOverHttp(nodeA.url, dataDir!);

    const onB = await socketClient(nodeB.url, owner.accessToken);
    sockets.push(onB);
    const received: MessageView[] = [];
    onB.on('message:new', (message: MessageView) => received.push(message));
    const arrived = (count: number) => until(() => received.length >= count, `${count} message(s) on node B`);

    // the first message starts the conversation over HTTP on node A
    const first = await call<{ conversationId: string; message: MessageView }>(nodeA.url, 'POST', '/v1/messages', {
      token: seeker.accessToken,
      body: { listingId: listing.id, text: 'Bonjour, est-il encore libre ?' },
      expected: 201,
    });
    await arrived(1);
    expect(received[0]).toEqual(first.message);

    // the next one from the seeker's socket on node A, into the room node B's socket joined through Redis
    const onA = await socketClient(nodeA.url, seeker.accessToken);
    sockets.push(onA);
    const sent = (await onA.timeout(5000).emitWithAck('message:send', { conversationId: first.conversationId, text: 'Je peux visiter samedi.' })) as { ok: boolean; message: MessageView };
    expect(sent.ok).toBe(true);
    await arrived(2);
    expect(received[1]).toEqual(sent.message);

    // exactly once: nothing more arrives after a quiet second
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(received.map((m) => m.text)).toEqual(['Bonjour, est-il encore libre ?', 'Je peux visiter samedi.']);
    expect(new Set(received.map((m) => m.id)).size).toBe(2);
  });
});

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
