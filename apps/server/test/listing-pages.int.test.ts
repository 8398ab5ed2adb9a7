import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createLogger } from '@immo/platform';
import { followPageExpiry, listingPageSubscribers, publishPageExpiry } from '../src/listing-pages.ts';
import { until } from './server-processes.ts';

// Cached listing pages live in every process that serves the web app. With
// Redis, the process that consumes listing events (a worker, say, serving no
// web at all) names the listings on a channel, and each web process expires
// its own copy. Here: one consumer and two web processes' followers, over a
// real Redis.

const redisUrl = process.env.REDIS_URL;
const logger = createLogger({ level: 'silent' });
const clients: Redis[] = [];
const closers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const c of closers) await c.close();
  for (const c of clients) c.disconnect();
});

describe.skipIf(!redisUrl)('listing page expiry across processes', () => {
  it('expires the pages of a changed listing in every web process, a burst in a few batches', async () => {
    const web = (expired: string[]) => ({ revalidateListings: async (ids: readonly string[]) => void expired.push(...ids) });
    const onWebA: string[] = [];
    const onWebB: string[] = [];
    for (const expired of [onWebA, onWebB]) {
      const redis = new Redis(redisUrl!);
      clients.push(redis);
      closers.push(await followPageExpiry(redis, 'immo-test', web(expired), logger));
    }
    const consumerRedis = new Redis(redisUrl!);
    clients.push(consumerRedis);
    const published: string[][] = [];
    const publish = publishPageExpiry(consumerRedis, 'immo-test');
    const subscribers = listingPageSubscribers(async (ids) => {
      published.push(ids);
      await publish(ids);
    }, logger);
    const updated = subscribers.find((s) => s.consumer === 'web.listing-page.updated')!;

    // server processes of other integration tests may use the channel at the same time: count only these ids
    const run = randomUUID().slice(0, 8);
    const ids = Array.from({ length: 250 }, (_, i) => `${run}-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const ours = (expired: string[]) => expired.filter((id) => id.startsWith(run)).sort();
    for (const id of ids) await updated.handle({ listing: { id } } as never, {} as never, {} as never);
    await until(() => ours(onWebA).length === 250 && ours(onWebB).length === 250, 'both web processes to expire 250 pages', 5000);
    expect(ours(onWebA)).toEqual(ids);
    expect(ours(onWebB)).toEqual(ids);
    // gathered, not one message per event
    expect(published.map((batch) => batch.length)).toEqual([100, 100, 50]);
  });

  it('ignores a message on the channel that names no listings', async () => {
    const expired: string[] = [];
    const redis = new Redis(redisUrl!);
    clients.push(redis);
    closers.push(await followPageExpiry(redis, 'immo-test', { revalidateListings: async (ids) => void expired.push(...ids) }, logger));
    const other = new Redis(redisUrl!);
    clients.push(other);
    await other.publish('immo-test:web:listing-pages', 'not json');
    await other.publish('immo-test:web:listing-pages', JSON.stringify({ ids: ['x'] }));
    const id = `${randomUUID().slice(0, 8)}-0000-4000-8000-000000000001`;
    await other.publish('immo-test:web:listing-pages', JSON.stringify([id]));
    await until(() => expired.includes(id), 'the one well-formed message', 5000);
    expect(expired.filter((x) => x === 'x' || x === id)).toEqual([id]);
  });
});
