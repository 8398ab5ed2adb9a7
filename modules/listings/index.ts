// @immo/listings: properties for sale or rent, their lifecycle and price history.
import { fileURLToPath } from 'node:url';
import { defineModule, type ModuleDefinition } from '@immo/platform';
import type { AuthApi } from '@immo/auth';
import type { GeoApi } from '@immo/geo';
import type { UsersApi } from '@immo/users';
import type { ListingsApi } from './contract.ts';
import { createListingsService } from './service.ts';
import { listingRoutes } from './routes.ts';
import { listingJobs } from './jobs.ts';
import { eraseOwnerSubscriber } from './gdpr.ts';
import { followMediaPhotosSubscriber } from './media-photos.ts';

export * from './contract.ts';
export { fakeListing, fakeListingsModule, liegeFlatToRent } from './testing.ts';
export { listingPublished, listingUpdated, listingPriceChanged, listingArchived } from './events.ts';
export { EXPIRE_STALE_JOB } from './jobs.ts';
export { listingPhotosFromMedia, type ListingPhotosFromMedia } from './media-photos.ts';
export { EXPIRY_DAYS } from './service.ts';
// demo data: `immo seed --listings N --seed S` and the search benchmark
export { seedListings, generateListings, generateDemoListings, bulkInsertListings, demoPeople, SeededRandom } from './seed.ts';
export type { SeedListingsOptions, SeedResult, GenerateOptions, DemoListing, DemoPeople } from './seed.ts';

export const listingsModule: ModuleDefinition<ListingsApi> = defineModule<ListingsApi>({
  name: 'listings',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  dependsOn: ['geo', 'auth', 'users'],
  create(ctx) {
    const auth = ctx.module<AuthApi>('auth');
    const users = ctx.module<UsersApi>('users');
    const service = createListingsService({
      db: ctx.db,
      events: ctx.events,
      cache: ctx.cache,
      clock: ctx.clock,
      audit: ctx.audit,
      geo: ctx.module<GeoApi>('geo'),
      accounts: { getAccount: (userId) => auth.getAccount(userId) },
      memberships: {
        isAgencyMember: (userId, agencyId) => users.isAgencyMember(userId, agencyId),
        agencyIdsOf: async (userId) => (await users.agenciesOf(userId)).map((m) => m.agencyId),
      },
    });
    const { jobs, schedules } = listingJobs(service);
    return {
      api: service.api,
      routes: (app) => listingRoutes(app, service),
      subscribers: [eraseOwnerSubscriber(service), followMediaPhotosSubscriber({ events: ctx.events, clock: ctx.clock }, service.forget)],
      jobs,
      schedules,
      exportPersonalData: (userId) => service.exportPersonalData(userId),
    };
  },
});
