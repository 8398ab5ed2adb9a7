import { t } from '@immo/i18n';

// Rendered for notFound() under /[locale]; the locale is not known here, so French and Dutch both.
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">
        {t('fr', 'web.notFound')} <span lang="nl">/ {t('nl', 'web.notFound')}</span>
      </h1>
      <p className="mt-2">
        {t('fr', 'web.listingNotFound')} <span lang="nl">{t('nl', 'web.listingNotFound')}</span>
      </p>
      <p className="mt-6">
        <a href="/fr" className="underline">
          Immo (FR)
        </a>{' '}
        ·{' '}
        <a href="/nl" className="underline" lang="nl">
          Immo (NL)
        </a>
      </p>
    </div>
  );
}
