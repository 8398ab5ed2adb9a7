import type { Cache } from './cache.ts';

interface Entry {
  value: unknown;
  expiresAt: number;
}

export interface MemoryCacheOptions {
  /** Entries kept at most; the least recently used go first. */
  maxEntries?: number;
  /** Milliseconds since the epoch; tests pass a clock they can move. */
  now?: () => number;
}

/**
 * The embedded cache: one process, a Map in insertion order used as an LRU
 * (a read moves the entry to the end, eviction takes from the front).
 * Values are copied through JSON so callers see the same thing as with Redis.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<unknown>>();

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  function store(key: string, value: unknown, ttlSeconds: number) {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  }

  const cache: Cache = {
    async get<T>(key: string) {
      const entry = live(key);
      return entry === undefined ? undefined : (JSON.parse(entry.value as string) as T);
    },
    async set(key, value, ttlSeconds) {
      if (value === undefined) throw new TypeError('cache: undefined cannot be stored');
      store(key, JSON.stringify(value), ttlSeconds);
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async deletePrefix(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    async increment(key, ttlSeconds) {
      // The expiry is set when the counter is created and kept on later increments (a fixed window).
      const entry = live(key);
      const next = entry ? Number(JSON.parse(entry.value as string)) + 1 : 1;
      if (entry) entry.value = JSON.stringify(next);
      else store(key, JSON.stringify(next), ttlSeconds);
      return next;
    },
    async wrap<T>(key: string, ttlSeconds: number, load: () => Promise<T>) {
      const hit = await cache.get<T>(key);
      if (hit !== undefined) return hit;
      // Concurrent misses on one key share a single load.
      const pending = loading.get(key);
      if (pending) return pending as Promise<T>;
      const promise = (async () => {
        try {
          const value = await load();
          if (value !== undefined) await cache.set(key, value, ttlSeconds);
          return value;
        } finally {
          loading.delete(key);
        }
      })();
      loading.set(key, promise);
      return promise;
    },
    async close() {
      entries.clear();
    },
  };
  return cache;
}
