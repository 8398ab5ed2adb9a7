import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCache } from '@immo/platform';
import { createListingsService } from './service.ts';
import { geo, ixellesApartment, person, serviceHarness, type ServiceHarness } from './listings.fixtures.ts';

// Two processes (two services) share one Redis cache: a write acknowledged by
// one is never hidden from the other by a cached copy.

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
let h: ServiceHarness;
const prefix = `immo-test:${randomUUID()}:`;
beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  h = await serviceHarness();
});
afterAll(async () => {
  await createRedisCache(redis, prefix).deletePrefix('');
  await redis.quit();
  await h.close();
});

describe('the listing read cache on Redis', () => {
  it('shows one process\'s acknowledged update to another at once', async () => {
    const processes = [1, 2].map(() =>
      createListingsService({ db: h.db, events: h.bus, cache: createRedisCache(redis, prefix), clock: h.clock, geo, accounts: h.accounts, memberships: h.memberships }),
    );
    const [writer, reader] = processes as [ReturnType<typeof createListingsService>, ReturnType<typeof createListingsService>];
    const alice = person('alice');
    h.accounts.verify('alice');
    const listing = await writer.publish(alice, (await writer.create(alice, ixellesApartment())).id);
    expect((await reader.api.get(listing.id))?.price).toBe(345_000);
    expect(await redis.keys(`${prefix}listing:${listing.id}:*`)).toHaveLength(2);

    for (const price of [340_000, 335_000, 330_000]) {
      await writer.update(alice, listing.id, { price });
      expect((await reader.api.get(listing.id))?.price).toBe(price);
    }
    await writer.changeStatus(alice, listing.id, 'sold');
    expect(await reader.api.get(listing.id)).toBeUndefined();
  });
});
