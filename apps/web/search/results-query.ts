import { ok, type createImmoClient } from '@immo/api-client';
import { apiFilters, searchStateQuery, type SearchState } from './search-state.ts';

type ImmoClient = ReturnType<typeof createImmoClient>;

/**
 * One page of results for a search state: shared by the results page's server
 * component (first page, rendered into the HTML and handed to TanStack Query)
 * and the browser (next pages, new filters), so both ask the same thing
 * under the same key and the browser does not fetch the first page again.
 */
export const resultsQueryKey = (state: SearchState) => ['search', searchStateQuery(state)] as const;

export async function fetchResultsPage(client: ImmoClient, state: SearchState, cursor: string | undefined) {
  const query = { ...apiFilters(state), sort: state.sort, cursor, limit: '20', facets: cursor ? 'false' : 'true' };
  // inside a drawn area: the same query with its corners, by POST (a polygon can be long)
  if (state.polygon) return ok(await client.POST('/v1/search/polygon', { body: { ...query, polygon: state.polygon } }));
  return ok(await client.GET('/v1/search', { params: { query } }));
}
