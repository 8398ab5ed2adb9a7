'use client';
import { useAppointments, useConversations } from '../conversations/queries.ts';
import { useSession } from './session-store.ts';

/** Whether I am the advertiser side of a conversation or a visit (undefined: not known here). */
export type AdvertiserOf = (thing: 'conversation' | 'appointment', id: string) => boolean | undefined;

/**
 * Where a notification leads in the web app. The server's links name the
 * thing, not a page of ours: `/listings/{id}` → the listing page,
 * `/messages/{conversationId}` → the thread in my messages (or in the desk
 * inbox when I am the advertiser), `/appointments/{id}` → my visits (or the
 * desk inbox, where an advertiser answers bookings). Anything else stays on
 * our origin under the locale.
 */
export function notificationHref(url: string, locale: string, advertiserOf: AdvertiserOf = () => undefined): string {
  const [, kind, id] = /^\/(listings|messages|appointments)\/([\w-]+)$/.exec(url) ?? [];
  if (kind === 'listings') return `/${locale}/listing/${id}`;
  if (kind === 'messages') return `/${locale}/${advertiserOf('conversation', id!) ? 'desk/inbox' : 'account/messages'}?c=${id}`;
  if (kind === 'appointments') return advertiserOf('appointment', id!) ? `/${locale}/desk/inbox` : `/${locale}/account/visits`;
  return url.startsWith('/') && !url.startsWith('//') ? `/${locale}${url}` : `/${locale}`;
}

/** My side of my conversations and visits, from the lists the messages and visits pages load too. */
export function useAdvertiserOf(): AdvertiserOf {
  const userId = useSession((s) => s.session?.userId);
  const conversations = useConversations();
  const appointments = useAppointments();
  return (thing, id) => {
    if (thing === 'conversation') {
      const side = conversations.data?.find((c) => c.id === id)?.side;
      return side === undefined ? undefined : side === 'owner';
    }
    const visit = appointments.data?.find((a) => a.id === id);
    return visit === undefined ? undefined : visit.seekerId !== userId;
  };
}
