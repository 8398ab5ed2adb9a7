import { apiFilters, parseSearchState, searchStateQuery, type SearchState } from '../search/search-state.ts';

export const ALERT_MODES = ['instant', 'daily', 'none'] as const;
export type AlertMode = (typeof ALERT_MODES)[number];

/** What POST /v1/saved-searches keeps of a results page's state: its filters and sort, no paging. */
export function savedQueryOf(state: SearchState): Record<string, string> {
  const query: Record<string, string | undefined> = { ...apiFilters(state), sort: state.sort };
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/**
 * The results page's query string for a saved query. The API answers it
 * parsed (lists as arrays, numbers, the box and the area as coordinates), so
 * it is flattened back to the URL's forms and read like any results URL.
 */
export function savedSearchQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (key === 'polygon' && Array.isArray(value)) params.set(key, value.map((point) => (Array.isArray(point) ? point.join(' ') : String(point))).join(','));
    else if (Array.isArray(value)) params.set(key, value.join(','));
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params.set(key, String(value));
  }
  return searchStateQuery(parseSearchState(params));
}
