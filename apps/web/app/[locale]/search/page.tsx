import type { Metadata } from 'next';
import { Suspense } from 'react';
import { t } from '@immo/i18n';
import { languageAlternates, routeLocale, type LocaleParams } from '../../../i18n/locale-params.ts';
import { SearchView } from '../../../search/search-view.tsx';

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'search.title'), alternates: { canonical: `/${locale}/search`, languages: languageAlternates('/search') } };
}

export default async function SearchPage({ params }: LocaleParams) {
  await routeLocale(params);
  return (
    <Suspense>
      <SearchView />
    </Suspense>
  );
}
