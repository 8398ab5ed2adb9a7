'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { SaveSearchButton } from '../account/save-search-button.tsx';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { ListingCard } from '../listing/listing-card.tsx';
import { FiltersPanel } from './filters-panel.tsx';
import { fetchResultsPage, resultsQueryKey } from './results-query.ts';
import { useSearchState } from './use-search-state.ts';

// MapLibre needs a browser: the map is loaded on the client only
const ResultsMap = dynamic(() => import('../map/results-map.tsx').then((m) => m.ResultsMap), { ssr: false });

type BBox = [number, number, number, number];

export function SearchView() {
  const locale = useLocale();
  const t = useT();
  const { state, update } = useSearchState();
  const [follow, setFollow] = useState(true);

  // the first page arrives with the HTML (the server component prefetched it under the same key)
  const results = useInfiniteQuery({
    queryKey: resultsQueryKey(state),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchResultsPage(api, state, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];

  // where the results are, so the map can show them when the URL has no bbox
  const focus = useMemo<BBox | null>(() => {
    const points = first?.items ?? [];
    if (!points.length) return null;
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    const pad = 0.01;
    return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
  }, [first]);

  return (
    <div className="mx-auto max-w-7xl px-4 py-4">
      <h1 className="sr-only">{t('search.title')}</h1>
      <FiltersPanel state={state} facets={first?.facets} locale={locale} onChange={(change) => update({ ...change })} />
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p role="status" aria-live="polite" className="text-sm font-semibold" data-testid="result-count">
          {results.isPending ? t('ui.loading') : results.isError ? t('ui.error') : t('search.results', { count: first?.total ?? 0 })}
        </p>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <SaveSearchButton state={state} />
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            {t('web.searchAsMapMoves')}
          </label>
          {(state.bbox || Object.keys(state).length > 1) && (
            <button type="button" className="underline" onClick={() => update({ types: undefined, priceMin: undefined, priceMax: undefined, bedroomsMin: undefined, epcMax: undefined, bbox: undefined, polygon: undefined })}>
              {t('web.filters.reset')}
            </button>
          )}
        </div>
      </div>
      <div className="mt-3 grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-label={t('ui.list')} className="order-2 flex flex-col gap-3 lg:order-1">
          {items.map((card) => (
            <ListingCard key={card.id} card={card} coverUrl={card.coverPhoto?.url} locale={locale} />
          ))}
          {results.hasNextPage && (
            <button type="button" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()} className="rounded-lg border border-slate-300 py-2 font-medium dark:border-slate-600">
              {results.isFetchingNextPage ? t('ui.loading') : t('web.loadMore')}
            </button>
          )}
        </section>
        <div className="order-1 h-[45vh] lg:sticky lg:top-4 lg:order-2 lg:h-[calc(100vh-10rem)]">
          <ResultsMap state={state} follow={follow} focus={focus} onBoundsChange={(bbox) => update({ bbox }, 'replace')} onPolygonChange={(polygon) => update({ polygon, bbox: undefined })} />
        </div>
      </div>
    </div>
  );
}
