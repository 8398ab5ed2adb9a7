import { type Cache, type Clock, type Database, type EventBus, type Principal } from '@immo/platform';
import { loadGeo } from '@immo/geo';
import type { GeoLookup } from './geo-lookup.ts';
import type { AccountLookup, MembershipLookup } from './access.ts';
import { createListingsService } from './service.ts';
import { findListing } from './store.ts';
import { demoPeople, generateDemoListings, type GenerateOptions } from './demo-data/generate.ts';

export { generateListings, generateDemoListings, demoPeople, type GenerateOptions, type DemoListing, type DemoPeople } from './demo-data/generate.ts';
export { bulkInsertListings } from './demo-data/bulk-insert.ts';
export { SeededRandom } from './demo-data/random.ts';

export interface SeedListingsOptions extends GenerateOptions {
  /** The platform ports the listings module runs on: the events go to the outbox, as for any listing. */
  platform: { db: Database; events: Pick<EventBus, 'publish'>; cache: Cache };
  geo?: GeoLookup;
}

export interface SeedResult {
  created: number;
  /** Already there from an earlier run with the same seed: left as they are. */
  skipped: number;
  /** The demo advertisers, generated: auth has no API to create accounts outside registration. */
  owners: string[];
  agencies: { agencyId: string; agents: string[] }[];
  ids: string[];
}

/**
 * Demo listings through the listings service, one by one: validated like any
 * listing, with price history, and with their events written to the outbox so
 * the search index (and saved-search alerts) pick them up. Meant for small
 * counts (hundreds); for 100k use `generateListings` + `bulkInsertListings`.
 *
 * Running it again with the same seed adds only the listings not there yet.
 *
 * The owners are generated ids, taken as verified and as members of their
 * demo agencies for the time of the seed; the auth module offers no API to
 * create accounts outside its registration flow.
 */
export async function seedListings(options: SeedListingsOptions): Promise<SeedResult> {
  const geo = options.geo ?? loadGeo();
  const demo = generateDemoListings(options);
  const people = demoPeople(options.seed);
  const agentsOf = new Map(people.agencies.map((a) => [a.agencyId, new Set(a.agents)]));
  const demoOwners = new Set([...people.owners, ...people.agencies.flatMap((a) => a.agents)]);

  const accounts: AccountLookup = {
    async getAccount(userId) {
      return demoOwners.has(userId) ? { emailVerified: true, phoneVerified: true, status: 'active' } : undefined;
    },
  };
  const memberships: MembershipLookup = {
    async isAgencyMember(userId, agencyId) {
      return agentsOf.get(agencyId)?.has(userId) ?? false;
    },
    async agencyIdsOf(userId) {
      return people.agencies.filter((a) => a.agents.includes(userId)).map((a) => a.agencyId);
    },
  };
  // each listing is written at its own moment, so dates look like a live market
  let at = new Date();
  const clock: Clock = { now: () => at };
  const service = createListingsService({ ...options.platform, clock, geo, accounts, memberships });

  const ids: string[] = [];
  let skipped = 0;
  for (const { view, initialPrice } of demo) {
    if (await findListing(options.platform.db.kysely, view.id)) {
      skipped++;
      continue;
    }
    const owner: Principal = { userId: view.ownerId, role: view.agencyId ? 'agency' : 'individual', agencies: [], mfa: true };
    at = new Date(view.createdAt);
    const created = await service.create(owner, {
      transaction: view.transaction,
      type: view.type,
      price: initialPrice ?? view.price,
      charges: view.charges,
      agencyId: view.agencyId,
      address: view.address,
      lat: view.lat,
      lon: view.lon,
      livingArea: view.livingArea,
      landArea: view.landArea,
      rooms: view.rooms,
      bedrooms: view.bedrooms,
      bathrooms: view.bathrooms,
      yearBuilt: view.yearBuilt,
      condition: view.condition,
      epc: view.epc,
      features: view.features,
      availableFrom: view.availableFrom,
      language: view.language,
      title: view.title,
      description: view.description,
    }, { id: view.id });
    ids.push(created.id);
    if (view.status === 'draft') continue;
    at = new Date(view.publishedAt!);
    await service.publish(owner, created.id);
    if (initialPrice !== null) {
      at = new Date(view.refreshedAt ?? view.publishedAt!);
      await service.update(owner, created.id, { price: view.price });
    } else if (view.refreshedAt && view.refreshedAt !== view.publishedAt) {
      at = new Date(view.refreshedAt);
      await service.refresh(owner, created.id);
    }
    if (view.status === 'under_offer') await service.changeStatus(owner, created.id, 'under_offer');
  }
  return { created: ids.length, skipped, owners: people.owners, agencies: people.agencies, ids };
}
