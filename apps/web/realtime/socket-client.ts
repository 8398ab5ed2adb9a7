'use client';
import { io, type Socket } from 'socket.io-client';
import { currentToken } from '../api/browser-client.ts';

// The web app's one Socket.IO connection (path /ws, same origin), opened for
// the signed-in person and closed when they sign out. The server checks the
// access token once, at connection: every (re)connection asks for a fresh one
// (renewed with the refresh token when needed), and sends the last message id
// we hold so the server replays what we missed while away.

let socket: Socket | null = null;
let boundTo: string | null = null;
let lastMessageId: string | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Remembers the newest message seen, for the resume on reconnection (UUIDv7 ids sort by time). */
export function noteMessageId(id: string) {
  if (!lastMessageId || id > lastMessageId) lastMessageId = id;
}

/** The socket of `userId`'s session, opened on first use; null when signed out. */
export function socketFor(userId: string | null): Socket | null {
  if (boundTo !== userId) closeSocket();
  if (!userId) return null;
  if (socket) return socket;
  boundTo = userId;
  const opened = io({
    path: '/ws',
    transports: ['websocket'],
    auth: (send) => {
      void currentToken().then((token) => send({ token, ...(lastMessageId ? { lastMessageId } : {}) }));
    },
  });
  // a refused handshake (expired token) is not retried by Socket.IO itself: try again with a fresh token
  opened.on('connect_error', () => {
    if (opened.active) return;
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (socket === opened) opened.connect();
    }, 3000);
  });
  socket = opened;
  return socket;
}

export function closeSocket() {
  clearTimeout(retry);
  socket?.disconnect();
  socket = null;
  boundTo = null;
  lastMessageId = undefined;
}
