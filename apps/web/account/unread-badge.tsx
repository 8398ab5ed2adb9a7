'use client';
import Link from 'next/link';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { useUnreadCount } from './unread-count.ts';

/** The header's bell: a link to the notifications, with the unread count when there is one. */
export function UnreadBadge() {
  const locale = useLocale();
  const t = useT();
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <Link
      href={`/${locale}/account/notifications`}
      aria-label={`${t('account.notifications.title')} — ${t('account.notifications.unread', { count: unread })}`}
      className="relative rounded-md p-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
      data-testid="unread-badge"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-bold text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
