import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { LiveEmitter, Principal } from '@immo/platform';

// The Socket.IO server at /ws, shared by every module's realtime(io): it
// authenticates each socket with its access token and puts it in the rooms
// every module addresses — `user:<id>` and `agency:<id>` for each agency the
// person belongs to. With a Redis URL, the Redis adapter carries emits and
// room operations to the sockets held by every other node.

export interface SocketServerOptions {
  /** Verifies an access token (AuthApi.verifyAccessToken); throws when invalid. */
  authenticate(token: string): Promise<Principal>;
  redisUrl?: string;
  /** Prefix of the adapter's Redis channels (default "socket.io"); every node of one deployment uses the same. */
  redisKey?: string;
  path?: string;
  corsOrigins?: string[];
}

export interface SocketServer {
  io: Server;
  close(): Promise<void>;
}

export async function createSocketServer(httpServer: HttpServer, options: SocketServerOptions): Promise<SocketServer> {
  const io = new Server(httpServer, {
    path: options.path ?? '/ws',
    serveClient: false,
    cors: options.corsOrigins?.length ? { origin: options.corsOrigins, credentials: true } : undefined,
    // a client that comes back within two minutes keeps its id and rooms (Socket.IO state recovery is
    // not used: messages are resumed from the database by last id, which also survives a node change)
    pingInterval: 25_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 1_000_000,
  });

  let pub: Redis | undefined;
  let sub: Redis | undefined;
  if (options.redisUrl) {
    pub = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    sub = pub.duplicate();
    io.adapter(createAdapter(pub, sub, { key: options.redisKey ?? 'socket.io' }));
  }

  io.use(async (socket, next) => {
    const token = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token.length === 0) return next(Object.assign(new Error('unauthorized'), { data: { status: 401, detail: 'Send the access token in auth.token.' } }));
    try {
      const principal = await options.authenticate(token);
      socket.data.principal = principal;
      socket.join([`user:${principal.userId}`, ...principal.agencies.map((a) => `agency:${a.agencyId}`)]);
      next();
    } catch {
      next(Object.assign(new Error('unauthorized'), { data: { status: 401, detail: 'This access token is not valid: refresh it and reconnect.' } }));
    }
  });

  return {
    io,
    /** Disconnects every socket and stops the adapter; the HTTP server is left to its owner. */
    async close() {
      io.disconnectSockets(true);
      io.engine.close();
      // let the disconnect handlers issue their last adapter calls (presence) before Redis goes
      await new Promise((resolve) => setTimeout(resolve, pub ? 500 : 20));
      await io.of('/').adapter.close();
      await Promise.all([pub?.quit().catch(() => undefined), sub?.quit().catch(() => undefined)]);
    },
  };
}

/**
 * For a process without sockets (roles api and worker): pushes to rooms
 * through Redis, where the socket nodes' adapter (same key) relays them to
 * their sockets — a message sent over HTTP or a notification delivered by a
 * job reaches a person connected to any node.
 */
export function createRedisLiveEmitter(redisUrl: string, redisKey = 'socket.io'): { emitter: LiveEmitter; close(): Promise<void> } {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const emitter = new Emitter(client, { key: redisKey });
  return {
    emitter,
    async close() {
      await client.quit().catch(() => undefined);
    },
  };
}
