'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useSession } from '../account/session-store.ts';

// Server data of the conversation and visit pages. Keys start with what
// LiveUpdates invalidates: ['conversations'], ['messages', id], ['appointments'].

export function useConversations() {
  const userId = useSession((s) => s.session?.userId);
  return useQuery({
    queryKey: ['conversations', userId],
    enabled: Boolean(userId),
    queryFn: async () => ok(await api.GET('/v1/conversations', { params: { query: { limit: 100 } } })).items,
  });
}

/** The newest page of a thread, shown oldest first. */
export function useMessages(conversationId: string | null) {
  return useQuery({
    queryKey: ['messages', conversationId],
    enabled: Boolean(conversationId),
    queryFn: async () =>
      ok(
        await api.GET('/v1/conversations/{id}/messages', {
          params: { path: { id: conversationId! }, query: { limit: 100 } },
        }),
      )
        .items.slice()
        .reverse(),
  });
}

export function useAppointments() {
  const userId = useSession((s) => s.session?.userId);
  return useQuery({
    queryKey: ['appointments', userId],
    enabled: Boolean(userId),
    queryFn: async () => ok(await api.GET('/v1/appointments', { params: { query: { limit: 100 } } })).items,
  });
}

/** A listing's public card (title, place) to name a conversation or a visit. */
export function useListingSummary(listingId: string) {
  return useQuery({
    queryKey: ['listing', listingId],
    staleTime: 5 * 60_000,
    queryFn: async () => ok(await api.GET('/v1/listings/{id}', { params: { path: { id: listingId } } })),
  });
}

/** Unread messages over all my conversations (for a badge beside a "Messages" link). */
export function useUnreadMessages(): number {
  const conversations = useConversations();
  return (conversations.data ?? []).reduce((sum, c) => sum + c.unread, 0);
}
