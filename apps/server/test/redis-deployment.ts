import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { createDatabase, startServer, type ServerProcess } from './server-processes.ts';

type Role = Parameters<typeof startServer>[1];

export interface RedisDeployment {
  /** DATA_DIR of every process: outbox/ holds the mail and SMS they sent. */
  dataDir: string;
  /** Spawns a process of `role` on `port`; wait for it (waitUntilReady) before spawning the next, the first one migrates the fresh database. */
  spawn(port: number, role?: Role): ServerProcess;
  /** A socket to disconnect when the deployment closes. */
  keep(socket: Socket): Socket;
  /** Disconnects the sockets, stops the processes, drops the database and DATA_DIR. */
  close(): Promise<void>;
}

/**
 * One deployment as production runs several processes of the same build: one
 * fresh PostgreSQL database, one Redis under a key prefix of its own (other
 * test runs share this Redis), one DATA_DIR, and one public address
 * (`publicPort`: access tokens name it as issuer, so every process accepts
 * the tokens of the others). Needs TEST_DATABASE_URL and REDIS_URL, as the
 * integration pass sets them.
 */
export async function redisDeployment(name: string, publicPort: number): Promise<RedisDeployment> {
  // eslint-disable-next-line no-restricted-properties -- test support: the integration pass names its PostgreSQL and Redis here
  const { TEST_DATABASE_URL: adminUrl, REDIS_URL: redisUrl } = process.env;
  if (!adminUrl || !redisUrl) throw new Error(`${name} needs TEST_DATABASE_URL and REDIS_URL (the integration pass sets both)`);
  const database = await createDatabase(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), `immo-${name}-`));
  const prefix = `immo-test-${randomUUID().slice(0, 8)}`; // REDIS_PREFIX takes up to 40 characters
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];
  return {
    dataDir,
    spawn(port, role = 'all') {
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
      return server;
    },
    keep(socket) {
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
