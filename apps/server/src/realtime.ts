import type { FastifyInstance } from 'fastify';
import type { Config } from '@immo/platform';
import type { AuthApi } from '@immo/auth';
import { createRedisLiveEmitter, createSocketServer, type SocketServer } from '@immo/notifications';
import type { ComposedModules } from './compose.ts';

export type Realtime = SocketServer;

/**
 * Socket.IO at /ws on the same HTTP server: sockets authenticate with their
 * access token; each module's realtime(io) adds its handlers. With REDIS_URL
 * the Redis adapter fans events out to the sockets of every node.
 */
export async function attachRealtime(app: FastifyInstance, modules: ComposedModules, config: Config): Promise<Realtime | undefined> {
  const handlers = modules.instances.filter((m) => m.instance.realtime);
  if (handlers.length === 0 || !modules.instances.some((m) => m.name === 'auth')) return undefined;
  const auth = modules.api<AuthApi>('auth');
  const socket = await createSocketServer(app.server, {
    authenticate: (token) => auth.verifyAccessToken(token),
    redisUrl: config.REDIS_URL,
    redisKey: `${config.REDIS_PREFIX}:socket.io`,
    corsOrigins: config.CORS_ORIGINS,
  });
  for (const { instance } of handlers) await instance.realtime!(socket.io);
  for (const { instance } of modules.instances) instance.live?.(socket.io);
  return socket;
}

/**
 * A process without sockets (roles api and worker) still pushes live — a
 * message sent over HTTP, a notification delivered by a job — when REDIS_URL
 * is set: through a Redis emitter that the socket nodes' adapter relays. Without
 * Redis, split roles push nothing live (one process, `immo all`, needs no Redis).
 */
export function attachLiveEmitter(modules: ComposedModules, config: Config): { close(): Promise<void> } | undefined {
  if (!config.REDIS_URL || !modules.instances.some((m) => m.instance.live)) return undefined;
  const live = createRedisLiveEmitter(config.REDIS_URL, `${config.REDIS_PREFIX}:socket.io`);
  for (const { instance } of modules.instances) instance.live?.(live.emitter);
  return live;
}
