import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '@immo/platform';
import { createListingReadCache } from './read-cache.ts';
import type { ListingSnapshot } from './contract.ts';

const snap = (price: number) => ({ id: 'l1', price }) as unknown as ListingSnapshot;

describe('the listing read cache', () => {
  it('serves from the cache until invalidated', async () => {
    const cache = createListingReadCache(createMemoryCache());
    let db = snap(100);
    let loads = 0;
    const load = async () => (loads++, db);
    expect((await cache.read('l1', load))?.price).toBe(100);
    db = snap(90);
    expect((await cache.read('l1', load))?.price).toBe(100);
    await cache.invalidate('l1');
    expect((await cache.read('l1', load))?.price).toBe(90);
    expect(loads).toBe(2);
  });

  it('does not keep the old value a read loaded while a write committed', async () => {
    const cache = createListingReadCache(createMemoryCache());
    let db = snap(100);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // a reader loads the row before the write commits and stores it after the writer invalidated
    const slow = cache.read('l1', async () => {
      const seen = db;
      await gate;
      return seen;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    db = snap(80); // commit
    await cache.invalidate('l1'); // acknowledged from here on
    release();
    expect((await slow)?.price).toBe(100); // that read began before the write: fine
    expect((await cache.read('l1', async () => db))?.price).toBe(80);
  });

  it('caches that a listing is not visible', async () => {
    const cache = createListingReadCache(createMemoryCache());
    let loads = 0;
    expect(await cache.read('gone', async () => (loads++, null))).toBeNull();
    expect(await cache.read('gone', async () => (loads++, null))).toBeNull();
    expect(loads).toBe(1);
  });
});
