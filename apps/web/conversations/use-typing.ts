'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSocket, useSocketEvent } from '../realtime/use-realtime.ts';

const SHOWN_MS = 5000;
const IDLE_MS = 3000;

/** Typing indicator of a conversation: whether the other side is typing, and `typed()` to call on each keystroke. */
export function useTyping(conversationId: string, myUserId: string) {
  const socket = useSocket();
  const [othersTyping, setOthersTyping] = useState(false);
  const hide = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sentAt = useRef(0);

  useSocketEvent<{ conversationId: string; userId: string; typing: boolean }>('typing', (event) => {
    if (event.conversationId !== conversationId || event.userId === myUserId) return;
    clearTimeout(hide.current);
    setOthersTyping(event.typing);
    if (event.typing) hide.current = setTimeout(() => setOthersTyping(false), SHOWN_MS);
  });
  // a message from the other side ends their typing
  useSocketEvent<{ conversationId: string; senderId: string | null }>('message:new', (message) => {
    if (message.conversationId === conversationId && message.senderId !== myUserId) setOthersTyping(false);
  });

  const stopped = useCallback(() => {
    clearTimeout(idle.current);
    if (sentAt.current) socket?.emit('typing', { conversationId, typing: false });
    sentAt.current = 0;
  }, [socket, conversationId]);

  const typed = useCallback(() => {
    // at most one "typing" every two seconds; "stopped" after three idle seconds
    if (Date.now() - sentAt.current > 2000) {
      socket?.emit('typing', { conversationId, typing: true });
      sentAt.current = Date.now();
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopped, IDLE_MS);
  }, [socket, conversationId, stopped]);

  useEffect(
    () => () => {
      clearTimeout(hide.current);
      clearTimeout(idle.current);
    },
    [conversationId],
  );
  return { othersTyping, typed, stopped };
}
