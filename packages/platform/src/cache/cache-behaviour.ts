import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';

export interface CacheUnderTest {
  cache: Cache;
  /** Lets `ms` of time pass for expiry: a fake clock in memory, a real wait on Redis. */
  elapse(ms: number): Promise<void>;
  dispose?(): Promise<void>;
}

/** What every Cache engine must do; run against memory and Redis alike. */
export function describeCacheBehaviour(engine: string, open: () => Promise<CacheUnderTest>) {
  describe(`${engine} cache`, () => {
    let t: CacheUnderTest;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.cache.close();
      await t.dispose?.();
    });

    it('returns what was stored, as a copy, and undefined for a miss', async () => {
      const value = { id: 'l1', price: 325_000, tags: ['garden'], at: null };
      await t.cache.set('listing:l1', value, 60);
      const got = await t.cache.get<typeof value>('listing:l1');
      expect(got).toEqual(value);
      expect(got).not.toBe(value);
      expect(await t.cache.get('listing:none')).toBeUndefined();
      await t.cache.set('zero', 0, 60);
      expect(await t.cache.get('zero')).toBe(0);
    });

    it('forgets an entry after its time to live', async () => {
      await t.cache.set('short', 'v', 1);
      await t.cache.set('long', 'v', 60);
      await t.elapse(1_100);
      expect(await t.cache.get('short')).toBeUndefined();
      expect(await t.cache.get('long')).toBe('v');
    });

    it('deletes keys and every key under a prefix, and nothing else', async () => {
      await t.cache.set('listing:1:card', 1, 60);
      await t.cache.set('listing:1:detail', 2, 60);
      await t.cache.set('listing:10:card', 3, 60);
      await t.cache.set('user:1', 4, 60);
      await t.cache.deletePrefix('listing:1:');
      expect(await t.cache.get('listing:1:card')).toBeUndefined();
      expect(await t.cache.get('listing:1:detail')).toBeUndefined();
      expect(await t.cache.get('listing:10:card')).toBe(3);
      await t.cache.delete('user:1', 'listing:10:card', 'absent');
      expect(await t.cache.get('user:1')).toBeUndefined();
      expect(await t.cache.get('listing:10:card')).toBeUndefined();
    });

    it('treats glob characters in a prefix literally', async () => {
      await t.cache.set('a*:1', 1, 60);
      await t.cache.set('ab:1', 2, 60);
      await t.cache.deletePrefix('a*:');
      expect(await t.cache.get('a*:1')).toBeUndefined();
      expect(await t.cache.get('ab:1')).toBe(2);
    });

    it('increments a counter atomically within a fixed window', async () => {
      const results = await Promise.all(Array.from({ length: 25 }, () => t.cache.increment('rate:ip', 1)));
      expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      // Later increments do not push the window: it closes one second after the first.
      await t.elapse(600);
      expect(await t.cache.increment('rate:ip', 1)).toBe(26);
      await t.elapse(500);
      expect(await t.cache.increment('rate:ip', 1)).toBe(1);
    });

    it('loads on a miss, then serves from the cache', async () => {
      let loads = 0;
      const load = async () => {
        loads++;
        return { n: loads };
      };
      expect(await t.cache.wrap('k', 60, load)).toEqual({ n: 1 });
      expect(await t.cache.wrap('k', 60, load)).toEqual({ n: 1 });
      expect(loads).toBe(1);
      await t.cache.delete('k');
      expect(await t.cache.wrap('k', 60, load)).toEqual({ n: 2 });
    });

    it('does not cache a load that failed', async () => {
      await expect(t.cache.wrap('k', 60, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(await t.cache.wrap('k', 60, async () => 'ok')).toBe('ok');
    });
  });
}
