'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/**
 * The unread notifications count, asked again when the window regains focus
 * and every 30 s (the live Socket.IO feed, when it comes, can invalidate this key).
 */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    enabled,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    queryFn: async () => ok(await api.GET('/v1/notifications', { params: { query: { limit: 1 } } })).unread,
  });
}
