import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { describeCacheBehaviour } from './cache-behaviour.ts';
import { createRedisCache } from './redis-cache.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
beforeAll(() => {
  redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
});
afterAll(async () => {
  await redis.quit();
});

describeCacheBehaviour('redis', async () => {
  // A prefix of its own per test: tests never see each other's keys.
  const prefix = `immo-test:${randomUUID()}:`;
  return {
    cache: createRedisCache(redis, prefix),
    elapse: (ms) => new Promise((r) => setTimeout(r, ms)),
    async dispose() {
      await createRedisCache(redis, prefix).deletePrefix('');
    },
  };
});
