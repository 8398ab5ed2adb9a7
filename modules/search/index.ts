import { fileURLToPath } from 'node:url';
import { defineModule, type ModuleDefinition } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { ListingsApi } from '@immo/listings';
import type { AuthApi } from '@immo/auth';
import type { SearchApi } from './contract.ts';
import { searchSubscribers } from './events.ts';
import { searchJobs } from './jobs.ts';
import { searchRoutes } from './routes.ts';
import { createSearchService } from './service.ts';

export * from './contract.ts';
export { createSearchService, type SearchService } from './service.ts';
export { DAILY_DIGEST_JOB } from './jobs.ts';
// bulk loading for `immo seed` and bench/search.ts (events are the only feed in normal running)
export { bulkLoad, syncCommuneTerms, recountSuggestTerms } from './index-store.ts';
export { syncConcepts } from './concepts.ts';

/**
 * Search: its own index of findable listings (schema `search`), fed only by
 * listing events; full text in French and Dutch, filters, facets, the map,
 * suggestions, saved searches with alerts. See README.md.
 */
export const searchModule: ModuleDefinition<SearchApi> = defineModule<SearchApi>({
  name: 'search',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  dependsOn: ['geo', 'listings'],
  async create(ctx) {
    const geo = ctx.module<GeoApi>('geo');
    const service = createSearchService({
      db: ctx.db,
      geo,
      events: ctx.events,
      mail: ctx.mail,
      listings: () => ctx.module<ListingsApi>('listings'),
      // the address is asked of auth when a digest goes out, never copied here
      contactOf: async (userId) => {
        const account = await ctx.module<AuthApi>('auth').getAccount(userId);
        return account && account.status === 'active' ? { email: account.email, locale: account.locale } : undefined;
      },
    });
    await service.syncReferenceTerms();
    const { jobs, schedules } = searchJobs(() => service.sendDailyDigests());
    return {
      api: service.api,
      routes: (app) => searchRoutes(app, service),
      subscribers: searchSubscribers({ geo, events: ctx.events }),
      jobs,
      schedules,
      exportPersonalData: (userId) => service.savedSearches.exportFor(userId),
    };
  },
});
