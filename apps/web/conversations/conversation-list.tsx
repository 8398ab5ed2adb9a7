'use client';
import Link from 'next/link';
import { formatDateTime } from '@immo/i18n';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { listingTitle } from '../listing/listing-title.ts';
import type { Conversation } from './api-shapes.ts';
import { useListingSummary } from './queries.ts';

/** The listing a conversation or a visit is about, by its title in the reader's language. */
export function ListingName({ listingId }: { listingId: string }) {
  const t = useT();
  const locale = useLocale();
  const listing = useListingSummary(listingId);
  return <>{listing.data ? listingTitle(listing.data, locale) : t('conversations.listing')}</>;
}

/** Conversations, latest activity first, with the unread count; the chosen one is marked current. */
export function ConversationList({
  items,
  selected,
  basePath,
}: {
  items: Conversation[];
  selected: string | null;
  basePath: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p className="p-4 text-sm">{t('conversations.empty')}</p>;
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-700">
      {items.map((conversation) => {
        const current = conversation.id === selected;
        return (
          <li key={conversation.id}>
            <Link
              href={`${basePath}?c=${conversation.id}`}
              aria-current={current ? 'page' : undefined}
              className="block px-3 py-3 hover:bg-slate-50 aria-[current=page]:bg-sky-50 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className={`truncate ${conversation.unread ? 'font-bold' : 'font-medium'}`}>
                  <ListingName listingId={conversation.listingId} />
                </span>
                {conversation.unread > 0 && (
                  <span
                    className="shrink-0 rounded-full bg-brand-700 px-2 text-xs font-semibold text-white"
                    data-testid="unread"
                  >
                    {t('conversations.unread', { count: conversation.unread })}
                  </span>
                )}
              </span>
              {conversation.lastMessage && (
                <span className="mt-0.5 block truncate text-sm text-slate-600 dark:text-slate-300">
                  {conversation.lastMessage.text}
                </span>
              )}
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {formatDateTime(conversation.lastMessageAt, locale)}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
