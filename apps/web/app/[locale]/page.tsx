import { t } from '@immo/i18n';
import { routeLocale, type LocaleParams } from '../../i18n/locale-params.ts';
import { SearchBox } from '../../search/search-box.tsx';
import { RecentSearches } from '../../search/recent-searches.tsx';

export default async function HomePage({ params }: LocaleParams) {
  const locale = await routeLocale(params);
  return (
    <div className="bg-gradient-to-b from-brand-50 to-white px-4 pb-16 pt-12 dark:from-slate-900 dark:to-slate-950">
      <div className="mx-auto max-w-3xl">
        <h1 className="mb-6 text-center text-3xl font-bold tracking-tight sm:text-4xl">{t(locale, 'web.tagline')}</h1>
        <SearchBox />
        <RecentSearches />
      </div>
    </div>
  );
}
