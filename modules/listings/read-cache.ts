import { newId, type Cache } from '@immo/platform';
import type { ListingSnapshot } from './contract.ts';

const TOKEN_TTL_S = 24 * 3600;
const ENTRY_TTL_S = 300;

/**
 * The public read cache, safe against a read racing a write. Each listing has
 * a generation token; entries are stored under it. A reader takes the token
 * (or sets a fresh one) BEFORE reading the database; a writer sets a new token
 * AFTER its commit. A reader that loaded the old row therefore stores it under
 * a token nobody asks for any more, and the first read after an acknowledged
 * write always misses and loads the committed row. Random tokens (not a
 * counter) stay correct when a token is evicted or expires.
 */
export function createListingReadCache(cache: Cache) {
  const tokenKey = (id: string) => `listing:${id}:token`;
  const entryKey = (id: string, token: string) => `listing:${id}:public:${token}`;

  async function token(id: string): Promise<string> {
    const current = await cache.get<string>(tokenKey(id));
    if (current) return current;
    const fresh = newId();
    await cache.set(tokenKey(id), fresh, TOKEN_TTL_S);
    return fresh;
  }

  return {
    /** The public snapshot, or null when the listing is not publicly visible. */
    async read(id: string, load: () => Promise<ListingSnapshot | null>): Promise<ListingSnapshot | null> {
      const key = entryKey(id, await token(id));
      const hit = await cache.get<{ v: ListingSnapshot | null }>(key);
      if (hit) return hit.v;
      const value = await load();
      await cache.set(key, { v: value }, ENTRY_TTL_S);
      return value;
    },
    /** Call after the change has committed. */
    async invalidate(...ids: string[]): Promise<void> {
      for (const id of ids) await cache.set(tokenKey(id), newId(), TOKEN_TTL_S);
    },
  };
}

export type ListingReadCache = ReturnType<typeof createListingReadCache>;
