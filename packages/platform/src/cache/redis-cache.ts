import type { Redis } from 'ioredis';
import type { Cache } from './cache.ts';

// INCR, and set the expiry only when the counter was just created: later
// increments keep the window that the first one opened (one round trip, atomic).
const INCREMENT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * The production cache: JSON values in Redis under `prefix`, so several
 * environments or tests can share one server. The caller owns `redis` and
 * closes it; close() here only stops using it.
 */
export function createRedisCache(redis: Redis, prefix = 'immo:'): Cache {
  const k = (key: string) => prefix + key;

  const cache: Cache = {
    async get<T>(key: string) {
      const raw = await redis.get(k(key));
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      if (value === undefined) throw new TypeError('cache: undefined cannot be stored');
      await redis.set(k(key), JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    },
    async delete(...keys) {
      if (keys.length) await redis.del(...keys.map(k));
    },
    async deletePrefix(keyPrefix) {
      // SCAN, never KEYS: it does not block the server on a large keyspace.
      const pattern = `${escapeGlob(k(keyPrefix))}*`;
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        if (found.length) await redis.unlink(...found);
      } while (cursor !== '0');
    },
    async increment(key, ttlSeconds) {
      const n = await redis.eval(INCREMENT_SCRIPT, 1, k(key), Math.max(1, Math.ceil(ttlSeconds)));
      return Number(n);
    },
    async wrap<T>(key: string, ttlSeconds: number, load: () => Promise<T>) {
      const hit = await cache.get<T>(key);
      if (hit !== undefined) return hit;
      const value = await load();
      if (value !== undefined) await cache.set(key, value, ttlSeconds);
      return value;
    },
    async close() {},
  };
  return cache;
}

/** A key prefix is matched literally, even if it holds `*`, `?` or `[`. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
