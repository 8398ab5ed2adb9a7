import { describe, expect, it } from 'vitest';
import { describeCacheBehaviour } from './cache-behaviour.ts';
import { createMemoryCache } from './memory-cache.ts';

describeCacheBehaviour('memory', async () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const cache = createMemoryCache({ now: () => now });
  return {
    cache,
    async elapse(ms) {
      now += ms;
    },
  };
});

describe('memory cache bounds', () => {
  it('evicts the least recently used entry when full', async () => {
    const cache = createMemoryCache({ maxEntries: 3 });
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.set('c', 3, 60);
    await cache.get('a'); // a is now the most recently used
    await cache.set('d', 4, 60);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
    expect(await cache.get('d')).toBe(4);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = createMemoryCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return 'v';
    };
    expect(await Promise.all([cache.wrap('k', 60, load), cache.wrap('k', 60, load)])).toEqual(['v', 'v']);
    expect(loads).toBe(1);
  });
});
