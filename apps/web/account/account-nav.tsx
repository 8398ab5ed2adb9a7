'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { MessageKey } from '@immo/i18n';
import { useLocale, useT } from '../i18n/use-locale.ts';

const SECTIONS: { path: string; label: MessageKey }[] = [
  { path: '', label: 'account.nav.profile' },
  { path: '/messages', label: 'conversations.messages.title' },
  { path: '/visits', label: 'conversations.visits.title' },
  { path: '/favourites', label: 'ui.favourites' },
  { path: '/searches', label: 'account.nav.searches' },
  { path: '/notifications', label: 'account.nav.notifications' },
  { path: '/privacy', label: 'account.nav.privacy' },
];

/** The account's sections, shared by its pages; the current one is marked for screen readers too. */
export function AccountNav() {
  const locale = useLocale();
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t('account.nav.label')} className="mb-6 border-b border-slate-200 dark:border-slate-700">
      <ul className="flex flex-wrap gap-x-1 text-sm">
        {SECTIONS.map(({ path, label }) => {
          const href = `/${locale}/account${path}`;
          const current = pathname === href;
          return (
            <li key={path}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 ${current ? 'border-brand-700 font-semibold text-brand-800 dark:border-sky-400 dark:text-sky-300' : 'border-transparent hover:border-slate-300 dark:hover:border-slate-600'}`}
              >
                {t(label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
