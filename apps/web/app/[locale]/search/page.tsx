import type { Metadata } from 'next';
import { Suspense } from 'react';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { t } from '@immo/i18n';
import { serverApi } from '../../../api/server-client.ts';
import { languageAlternates, routeLocale, type LocaleParams } from '../../../i18n/locale-params.ts';
import { fetchResultsPage, resultsQueryKey } from '../../../search/results-query.ts';
import { parseSearchState } from '../../../search/search-state.ts';
import { SearchView } from '../../../search/search-view.tsx';

interface Props extends LocaleParams {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'search.title'), alternates: { canonical: `/${locale}/search`, languages: languageAlternates('/search') } };
}

/** The URL's query as URLSearchParams (a repeated key keeps its first value, as the browser's get() does). */
function urlParams(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

/**
 * Rendered per request: the first page of results for the URL's search is
 * fetched here and written into the HTML (fast Largest Contentful Paint, and
 * readable without JavaScript), then handed to TanStack Query so the browser
 * does not ask for it again. Filters, next pages and the map stay client-side.
 */
export default async function SearchPage({ params, searchParams }: Props) {
  await routeLocale(params);
  const state = parseSearchState(urlParams(await searchParams));
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  // a failed search is not dehydrated: the browser then asks itself and shows its own error
  await client.prefetchInfiniteQuery({
    queryKey: resultsQueryKey(state),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchResultsPage(serverApi(), state, pageParam),
  });
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <Suspense>
        <SearchView />
      </Suspense>
    </HydrationBoundary>
  );
}
