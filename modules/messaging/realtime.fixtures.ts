import { io as connect, type Socket } from 'socket.io-client';
import type { AuthApi } from '@immo/auth';
import type { TestApp } from '@immo/server/testing';
import { createSocketServer, type SocketServer } from '@immo/notifications';

// Test support: a listening test app with the /ws Socket.IO server attached
// and every module's realtime(io) and live(io) called, as the composition root does.

export async function listenWithSockets(t: TestApp, options: { redisUrl?: string; redisKey?: string } = {}): Promise<{ url: string; sockets: SocketServer }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const sockets = await createSocketServer(t.app.server, {
    authenticate: (token) => t.modules.api<AuthApi>('auth').verifyAccessToken(token),
    redisUrl: options.redisUrl,
    redisKey: options.redisKey,
  });
  for (const { instance } of t.modules.instances) {
    await instance.realtime?.(sockets.io);
    instance.live?.(sockets.io);
  }
  return { url: `http://127.0.0.1:${address.port}`, sockets };
}

/** A connected client, resolved once the server has joined its rooms (`ready`). */
export function client(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = connect(url, { path: '/ws', auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return ready(socket);
}

export function ready(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
    if (!socket.connected && !socket.active) socket.connect();
  });
}

/** The next `event` on a socket (rejects after a timeout). */
export function next<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export function emitWithAck<T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}
