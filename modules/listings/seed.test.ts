import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createMemoryCache } from '@immo/platform';
import { bulkInsertListings, generateListings, seedListings } from './seed.ts';
import { geo, serviceHarness, type ServiceHarness } from './listings.fixtures.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await serviceHarness();
});
afterAll(() => h.close());

const now = new Date('2026-11-26T00:00:00Z');

describe('seeding', () => {
  it('seeds through the service: same listings for the same seed, with their events', async () => {
    await h.reset();
    const first = await seedListings({ count: 12, seed: 3, now, platform: { db: h.db, events: h.bus, cache: createMemoryCache() }, geo });
    expect(first.created).toBe(12);
    const expected = generateListings({ count: 12, seed: 3, now, communes: geo.communes() });
    expect(first.ids).toEqual(expected.map((l) => l.id));

    const live = await h.service.api.snapshotsForReindex(null, 100);
    const indexable = expected.filter((l) => l.status === 'published' || l.status === 'under_offer');
    expect(live.map((l) => l.id).sort()).toEqual(indexable.map((l) => l.id).sort());
    for (const listing of live) {
      const generated = indexable.find((l) => l.id === listing.id)!;
      expect(listing).toMatchObject({ price: generated.price, status: generated.status, title: generated.title, publishedAt: generated.publishedAt });
    }
    const published = (await h.outbox()).filter((e) => e.name === 'listing.published');
    expect(published.length).toBe(indexable.length);

    const again = await seedListings({ count: 14, seed: 3, now, platform: { db: h.db, events: h.bus, cache: createMemoryCache() }, geo });
    expect([again.created, again.skipped]).toEqual([2, 12]);
  });

  it('bulk-inserts generated snapshots that read back identical', async () => {
    await h.reset();
    const snapshots = generateListings({ count: 1_500, seed: 'bulk', now, communes: geo.communes() });
    const started = Date.now();
    expect(await bulkInsertListings(h.db, snapshots, { geo })).toBe(1_500);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(20_000);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from listings.price_history`.execute(h.db.kysely);
    expect(rows[0]!.n).toBe(1_500);
    const indexable = snapshots.filter((s) => s.status !== 'draft');
    const back = await h.service.api.getMany(indexable.slice(0, 50).map((s) => s.id));
    expect(back).toEqual(indexable.slice(0, 50));
  });
});
