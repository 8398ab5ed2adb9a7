import type { Database, EventBus, Mailer } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { ListingsApi } from '@immo/listings';
import { geoQuery, searchQuery, suggestQuery, type SearchApi } from './contract.ts';
import { sendDailyDigests, type ContactLookup } from './alerts.ts';
import { syncCommuneTerms } from './index-store.ts';
import { syncConcepts } from './concepts.ts';
import { runMapSearch } from './map-search.ts';
import { reindex } from './reindex.ts';
import { createSavedSearches } from './saved-searches.ts';
import { runSearch } from './search.ts';
import { suggest } from './suggest.ts';

export interface SearchServiceDeps {
  db: Database;
  geo: GeoApi;
  events: EventBus;
  mail: Mailer;
  /** Taken lazily: the listings module is only needed for a reindex. */
  listings: () => ListingsApi;
  contactOf: ContactLookup;
}

/** Everything the search module does, without HTTP. */
export function createSearchService(deps: SearchServiceDeps) {
  const { db, geo } = deps;
  // PostgreSQL runs the page and the facet counts on two connections at once; PGlite has one
  const concurrent = db.engine === 'postgres';
  const api: SearchApi = {
    search: (query) => runSearch(db.kysely, geo, searchQuery.parse(query), { concurrent }),
    searchGeo: (query) => runMapSearch(db.kysely, geo, geoQuery.parse(query)),
    suggest: (query) => suggest(db.kysely, geo, suggestQuery.parse(query)),
    reindex: (options) => reindex(db, deps.listings, options),
  };
  return {
    ...api,
    api,
    savedSearches: createSavedSearches(db),
    sendDailyDigests: () => sendDailyDigests(db, deps.mail, deps.contactOf),
    /** Writes the communes' names and postal codes for suggestions, and the synonym concepts (idempotent). */
    syncReferenceTerms: async () => {
      await db.kysely.transaction().execute((trx) => syncCommuneTerms(trx, geo.communes()));
      await db.kysely.transaction().execute((trx) => syncConcepts(trx));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
