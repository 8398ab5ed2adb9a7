import Link from 'next/link';
import { t, type Locale } from '@immo/i18n';
import { AccountLink } from './account-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

export function SiteHeader({ locale }: { locale: Locale }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href={`/${locale}`} className="text-xl font-bold tracking-tight text-brand-700 dark:text-sky-400">
          Immo<span className="sr-only"> — {t(locale, 'web.home')}</span>
        </Link>
        <nav aria-label={t(locale, 'web.mainNav')} className="flex items-center gap-4 text-sm">
          <Link href={`/${locale}/search?transaction=sale`} className="hover:underline">
            {t(locale, 'transaction.sale.verb')}
          </Link>
          <Link href={`/${locale}/search?transaction=rent`} className="hover:underline">
            {t(locale, 'transaction.rent.verb')}
          </Link>
        </nav>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <LanguageSwitch />
          <ThemeToggle />
          <AccountLink />
        </div>
      </div>
    </header>
  );
}
