'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { useRecentSearches } from './recent-searches-store.ts';

export function RecentSearches() {
  const locale = useLocale();
  const t = useT();
  const items = useRecentSearches((s) => s.items);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated || items.length === 0) return null;
  return (
    <section className="mt-8" aria-labelledby="recent-searches">
      <h2 id="recent-searches" className="mb-2 text-sm font-semibold text-slate-600 dark:text-slate-300">
        {t('web.recentSearches')}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.query}>
            <Link href={`/${locale}/search?${item.query}`} className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
