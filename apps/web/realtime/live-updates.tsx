'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { noteMessageId } from './socket-client.ts';
import { useSocket } from './use-realtime.ts';

interface MessageEvent {
  id: string;
  conversationId: string;
}
interface NotificationEvent {
  kind?: string;
}

/**
 * Keeps server data fresh while someone is signed in: what the socket says
 * changed is refetched (conversations, a thread, visits, notifications), so
 * every page showing it updates without a reload. Mounted once, in Providers.
 */
export function LiveUpdates() {
  const socket = useSocket();
  const client = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const conversations = () => void client.invalidateQueries({ queryKey: ['conversations'] });
    const onMessage = (message: MessageEvent) => {
      noteMessageId(message.id);
      conversations();
      void client.invalidateQueries({ queryKey: ['messages', message.conversationId] });
    };
    const onReceipt = () => conversations();
    const onNotification = (notification: NotificationEvent) => {
      void client.invalidateQueries({ queryKey: ['notifications'] });
      if (notification.kind?.startsWith('appointment.'))
        void client.invalidateQueries({ queryKey: ['appointments'] });
      if (notification.kind?.startsWith('message.')) conversations();
    };
    // after a reconnection, whatever changed meanwhile is fetched again
    const onConnect = () => {
      conversations();
      void client.invalidateQueries({ queryKey: ['appointments'] });
    };
    socket.on('message:new', onMessage);
    socket.on('conversation:new', conversations);
    // a block set or lifted by the other side: the thread's composer follows
    socket.on('conversation:blocked', conversations);
    socket.on('message:read', onReceipt);
    socket.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      socket.off('message:new', onMessage);
      socket.off('conversation:new', conversations);
      socket.off('conversation:blocked', conversations);
      socket.off('message:read', onReceipt);
      socket.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
  }, [socket, client]);
  return null;
}
