'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import type { Locale } from '@immo/i18n';
import { localisedPath, ROUTED_LOCALES } from '../i18n/locale-params.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';

function Links() {
  const current = useLocale();
  const t = useT();
  const pathname = usePathname() ?? '/';
  const query = useSearchParams()?.toString();
  const href = (locale: Locale) => `${localisedPath(pathname, locale)}${query ? `?${query}` : ''}`;
  return (
    <nav aria-label={t('web.language')} className="flex gap-1 text-sm">
      {ROUTED_LOCALES.map((locale) => (
        <Link
          key={locale}
          href={href(locale)}
          hrefLang={`${locale}-BE`}
          lang={locale}
          aria-current={locale === current ? 'true' : undefined}
          onClick={() => (document.cookie = `locale=${locale};path=/;max-age=31536000;samesite=lax`)}
          className={`rounded px-2 py-1 uppercase ${locale === current ? 'bg-brand-700 font-semibold text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
        >
          {locale}
        </Link>
      ))}
    </nav>
  );
}

/** FR | NL | DE | EN, keeping the page and its query (filters survive the switch). */
export function LanguageSwitch() {
  return (
    <Suspense fallback={null}>
      <Links />
    </Suspense>
  );
}
