import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { searchHarness, type SearchHarness } from './fixtures/harness.ts';
import { listingId, makeListing } from './fixtures/listings.ts';
import { applySnapshot } from './index-store.ts';

let h: SearchHarness;
beforeAll(async () => {
  h = await searchHarness();
});
afterAll(() => h.close());

const find = async (id: string) => (await h.service.search({ q: '', limit: 100, facets: false })).items.find((i) => i.id === id);

describe('the index follows listing events', () => {
  it('makes a published listing findable, with its price and its commune in both languages', async () => {
    const listing = makeListing({ n: 1, commune: 'Ixelles', type: 'apartment', price: 320_000, title: { fr: 'Appartement lumineux' } });
    await h.publish('published', listing);
    expect((await find(listing.id))?.price).toBe(320_000);
    const byDutchName = await h.service.search({ q: 'appartement Elsene' });
    expect(byDutchName.items.map((i) => i.id)).toEqual([listing.id]);
  });

  it('applies a newer snapshot and ignores an older one delivered late', async () => {
    const v1 = makeListing({ n: 2, commune: 'Mons', type: 'house', price: 250_000, title: { fr: 'Maison' } });
    await h.publish('published', v1);
    await h.priceChanged({ ...v1, version: 3, price: 230_000 }, 250_000);
    await h.publish('updated', { ...v1, version: 2, price: 240_000 }); // late
    expect((await find(v1.id))?.price).toBe(230_000);
  });

  it('does nothing twice when the same version arrives again', async () => {
    const v1 = makeListing({ n: 3, commune: 'Gent', type: 'studio', price: 600, transaction: 'rent', title: { nl: 'Studio' } });
    await h.publish('published', v1);
    await h.publish('published', v1);
    await h.publish('updated', v1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from search.listings where id = ${v1.id}`.execute(h.db.kysely);
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps an under-offer listing, drops a sold or archived one, and an older snapshot cannot bring it back', async () => {
    const v1 = makeListing({ n: 4, commune: 'Namur', type: 'land', price: 90_000, title: { fr: 'Terrain' } });
    await h.publish('published', v1);
    await h.publish('updated', { ...v1, version: 2, status: 'under_offer' });
    expect((await find(v1.id))?.status).toBe('under_offer');
    await h.publish('updated', { ...v1, version: 3, status: 'sold' });
    expect(await find(v1.id)).toBeUndefined();
    await h.publish('published', v1); // a stale redelivery of the first publish
    expect(await find(v1.id)).toBeUndefined();

    const other = makeListing({ n: 5, commune: 'Namur', type: 'house', price: 190_000, title: { fr: 'Maison' } });
    await h.publish('published', other);
    await h.publish('archived', { ...other, version: 2, status: 'archived' });
    expect(await find(other.id)).toBeUndefined();
  });

  it('keeps the street suggestion counts in step with the index', async () => {
    const a = makeListing({ n: 6, commune: 'Leuven', type: 'house', price: 400_000, title: { nl: 'Huis' }, street: 'Naamsestraat' });
    await h.publish('published', a);
    let streets = await h.service.suggest({ q: 'naamses' });
    expect(streets.find((s) => s.kind === 'street')?.listingCount).toBe(1);
    await h.publish('archived', { ...a, version: 2, status: 'archived' });
    streets = await h.service.suggest({ q: 'naamses' });
    expect(streets.find((s) => s.kind === 'street')).toBeUndefined();
  });

  it('never shows a stale price once a price change is acknowledged, even with racing deliveries and reads', async () => {
    const base = makeListing({ n: 7, commune: 'Liège', type: 'apartment', price: 200_000, title: { fr: 'Appartement' } });
    await h.publish('published', base);
    // versions 2..21 arrive in a scrambled order, each applied by its own transaction, with reads in between
    const versions = Array.from({ length: 20 }, (_, i) => i + 2).sort((a, b) => ((a * 7919) % 23) - ((b * 7919) % 23));
    let acknowledged = 1;
    await Promise.all(
      versions.map(async (version) => {
        await h.db.kysely.transaction().execute((trx) => applySnapshot(trx, { ...base, version, price: 200_000 - version * 1000 }));
        acknowledged = Math.max(acknowledged, version);
        const seen = acknowledged;
        const item = await find(base.id);
        // what a reader sees is at least as new as every change acknowledged before the read began
        expect(item!.price).toBeLessThanOrEqual(200_000 - seen * 1000);
      }),
    );
    expect((await find(base.id))?.price).toBe(200_000 - 21 * 1000);
  });

  it('rebuilds from the listings module, resumes after an interruption, and drops what is no longer findable', async () => {
    for (const n of [1, 2, 3, 6]) h.catalogue.delete(listingId(n));
    const fresh = Array.from({ length: 7 }, (_, i) => makeListing({ n: 100 + i, commune: 'Bruges', type: 'house', price: 300_000 + i, title: { nl: 'Huis' } }));
    for (const l of fresh) h.catalogue.set(l.id, l);
    // a listing still in the index whose archive event was lost
    await h.load([makeListing({ n: 200, commune: 'Bruges', type: 'villa', price: 900_000, title: { nl: 'Villa' } })]);

    let calls = 0;
    const real = h.service;
    // the process dies after the second batch
    const interrupted = real.reindex({ batchSize: 3, onBatch: () => { calls += 1; if (calls === 2) throw new Error('killed'); } });
    await expect(interrupted).rejects.toThrow('killed');
    const { rows } = await sql<{ indexed: number; finished_at: unknown }>`select indexed, finished_at from search.reindex_runs`.execute(h.db.kysely);
    expect(rows[0]).toMatchObject({ indexed: 6, finished_at: null });

    const result = await real.reindex({ batchSize: 3 });
    expect(result).toMatchObject({ resumed: true, indexed: 7 });
    const ids = (await real.search({ limit: 100, facets: false })).items.map((i) => i.id).sort();
    expect(ids).toEqual(fresh.map((l) => l.id).sort());
  });
});
