'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationThread } from './conversation-thread.tsx';
import { useConversations } from './queries.ts';
import { useSignedIn } from '../account/use-signed-in.ts';

/**
 * Conversations beside the chosen thread (`?c=<id>`): the seeker's messages
 * at /account/messages, the advertiser's inbox at /desk/inbox (`side`
 * picks which conversations show). Narrow screens show one or the other.
 */
export function InboxView({
  side,
  path,
  title,
  aside,
}: {
  side: 'seeker' | 'owner';
  path: string;
  title: string;
  aside?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const session = useSignedIn(path);
  const selectedId = useSearchParams()?.get('c') ?? null;
  const conversations = useConversations();
  if (!session) return null;
  const items = (conversations.data ?? []).filter((c) => c.side === side);
  const selected = items.find((c) => c.id === selectedId) ?? null;
  const basePath = `/${locale}${path}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-bold">{title}</h1>
      {aside}
      <div className="grid grid-cols-[minmax(0,1fr)] overflow-hidden rounded-xl border border-slate-200 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] dark:border-slate-700">
        <nav
          aria-label={t('conversations.list')}
          className={`md:border-r md:border-slate-200 md:dark:border-slate-700 ${selected ? 'hidden md:block' : ''}`}
        >
          {conversations.isPending ? (
            <p className="p-4">{t('ui.loading')}</p>
          ) : (
            <ConversationList items={items} selected={selected?.id ?? null} basePath={basePath} />
          )}
        </nav>
        <div className={selected ? '' : 'hidden md:block'}>
          {selected ? (
            <>
              <Link href={basePath} className="block px-4 pt-3 text-sm underline md:hidden">
                ← {t('conversations.back')}
              </Link>
              <ConversationThread key={selected.id} conversation={selected} myUserId={session.userId} />
            </>
          ) : (
            <p className="p-6 text-sm text-slate-600 dark:text-slate-300">{t('conversations.choose')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
