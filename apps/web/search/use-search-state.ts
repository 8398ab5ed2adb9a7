'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseSearchState, searchStateQuery, type SearchState } from './search-state.ts';

/**
 * The search state read from and written to the URL. Filter changes push a
 * history entry (Back undoes them); map moves replace it (no flood of entries).
 */
export function useSearchState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseSearchState(new URLSearchParams(params?.toString() ?? '')), [params]);
  const update = useCallback(
    (change: Partial<SearchState>, mode: 'push' | 'replace' = 'push') => {
      const next = { ...state, ...change };
      const href = `${pathname}?${searchStateQuery(next)}`;
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [state, pathname, router],
  );
  return { state, update };
}
