import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import {
  createEventBus,
  createLogger,
  createMemoryCache,
  createTestDatabase,
  eventMigrations,
  ManualClock,
  migrate,
  type Database,
  type EventBus,
  type Principal,
} from '@immo/platform';
import { loadGeo } from '@immo/geo';
import type { AccountLookup, MembershipLookup } from './access.ts';
import type { CreateListingInput } from './contract.ts';
import { createListingsService, type ListingsService } from './service.ts';

// Test support for the service layer: a real database, event bus, cache and
// geo data; the auth and users modules are stood in for by small in-memory
// fakes of the two calls listings makes (fakeAccounts, fakeMemberships).

export const listingsMigrations = { module: 'listings', dir: fileURLToPath(new URL('./migrations', import.meta.url)) };

export const geo = loadGeo();

/** In-memory stand-in for AuthApi.getAccount. */
export function fakeAccounts() {
  const accounts = new Map<string, { emailVerified: boolean; phoneVerified: boolean; status: string }>();
  const lookup: AccountLookup & { verify(userId: string, v?: Partial<{ emailVerified: boolean; phoneVerified: boolean }>): void } = {
    async getAccount(userId) {
      return accounts.get(userId) ?? { emailVerified: false, phoneVerified: false, status: 'active' };
    },
    verify(userId, v = {}) {
      accounts.set(userId, { emailVerified: v.emailVerified ?? true, phoneVerified: v.phoneVerified ?? true, status: 'active' });
    },
  };
  return lookup;
}

/** In-memory stand-in for UsersApi.isAgencyMember / agenciesOf. */
export function fakeMemberships() {
  const members = new Map<string, Set<string>>();
  const lookup: MembershipLookup & { join(userId: string, agencyId: string): void; leave(userId: string, agencyId: string): void } = {
    async isAgencyMember(userId, agencyId) {
      return members.get(userId)?.has(agencyId) ?? false;
    },
    async agencyIdsOf(userId) {
      return [...(members.get(userId) ?? [])];
    },
    join(userId, agencyId) {
      members.set(userId, new Set([...(members.get(userId) ?? []), agencyId]));
    },
    leave(userId, agencyId) {
      members.get(userId)?.delete(agencyId);
    },
  };
  return lookup;
}

const START = '2026-03-02T09:00:00Z';

export interface ServiceHarness {
  db: Database;
  bus: EventBus;
  clock: ManualClock;
  accounts: ReturnType<typeof fakeAccounts>;
  memberships: ReturnType<typeof fakeMemberships>;
  service: ListingsService;
  /** Events in the outbox, oldest first. */
  outbox(): Promise<{ name: string; payload: Record<string, unknown> }[]>;
  /** Empties the tables, the outbox and the fakes, and puts the clock back. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function serviceHarness(): Promise<ServiceHarness> {
  const db = await createTestDatabase();
  await migrate(db, [eventMigrations, listingsMigrations]);
  const bus = createEventBus({ db, logger: createLogger({ level: 'silent' }) });
  const clock = new ManualClock(START);
  const harness = {
    db,
    bus,
    clock,
    accounts: fakeAccounts(),
    memberships: fakeMemberships(),
    service: undefined as unknown as ListingsService,
    async outbox() {
      const { rows } = await sql<{ name: string; payload: Record<string, unknown> }>`
        select name, payload from platform.outbox order by occurred_at, id`.execute(db.kysely);
      return rows.map((r) => ({ name: r.name, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
    },
    async reset() {
      await sql`truncate listings.price_history, listings.listings, platform.outbox, platform.consumed_events`.execute(db.kysely);
      clock.set(START);
      harness.accounts = fakeAccounts();
      harness.memberships = fakeMemberships();
      harness.service = createListingsService({
        db,
        events: bus,
        cache: createMemoryCache(),
        clock,
        geo,
        accounts: harness.accounts,
        memberships: harness.memberships,
      });
    },
    async close() {
      await db.close();
    },
  };
  await harness.reset();
  return harness;
}
export const person = (userId: string, role: Principal['role'] = 'individual'): Principal => ({ userId, role, agencies: [], mfa: false });

/** A valid apartment for sale in Ixelles (1050). */
export function ixellesApartment(overrides: Partial<CreateListingInput> = {}): CreateListingInput {
  return {
    transaction: 'sale',
    type: 'apartment',
    price: 345_000,
    address: { street: 'Rue du Bailli', number: '42', box: '3', postalCode: '1050', communeNis: '21009' },
    livingArea: 92,
    rooms: 4,
    bedrooms: 2,
    bathrooms: 1,
    yearBuilt: 1935,
    condition: 'good',
    epc: { label: 'C', kwh: 130, certificate: '20250312-0001234567-01' },
    features: ['lift', 'cellar', 'balcony'],
    language: 'fr',
    title: { fr: 'Appartement lumineux 2 chambres près du Châtelain', nl: 'Lichtrijk appartement met 2 slaapkamers' },
    description: { fr: 'Bel appartement rénové avec balcon.' },
    contact: { name: 'Claire Dubois', email: 'claire@example.be', phone: '+32470123456' },
    ...overrides,
  };
}
