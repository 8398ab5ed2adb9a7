'use client';
import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { useSession } from '../account/session-store.ts';
import { socketFor } from './socket-client.ts';

/** The live socket of the signed-in person (null when signed out or before hydration). */
export function useSocket(): Socket | null {
  const userId = useSession((s) => s.session?.userId ?? null);
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    setSocket(socketFor(userId));
  }, [userId]);
  return socket;
}

/** Calls `handler` for each `event` the server sends while the component is mounted. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void) {
  const socket = useSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
