import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { defineEvent, type EventBus, type Executor } from './event.ts';
import { listFailedEvents } from './failed-events.ts';
import { applied, crashable, eachOnce, eventTestDatabase, failingConsumer, listingPublished, recorder, restartWithRecorders, testBuses, until } from './event-bus.fixtures.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const userDeleted = defineEvent('user.deleted', 1, z.object({ userId: z.string() }));

describe('event bus over Redis Streams', () => {
  let redis: Redis;
  let db: Database;
  let stream: string;
  const { bus, stopAll } = testBuses(() => ({ db, transport: 'redis', redis, stream }));
  const publish = (events: EventBus, trx: Executor, i: number) =>
    events.publish(trx, listingPublished, { listingId: `l-${i}`, price: 1000 + i });

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  });
  afterAll(() => redis.quit());
  beforeEach(async () => {
    stream = `immo:test-events:${randomUUID()}`;
    db = await eventTestDatabase();
  });
  afterEach(async () => {
    await stopAll();
    await redis.del(stream);
    await db.close();
  });

  it('relays committed events only, once per consumer group, and leaves nothing pending', async () => {
    const events = bus();
    events.subscribe(recorder('search.index'));
    events.subscribe(recorder('alerts.match'));
    events.subscribe({ consumer: 'gdpr.erase', event: userDeleted, handle: async () => {} });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await publish(events, trx, 0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await db.kysely.transaction().execute((trx) => publish(events, trx, 1));
    await events.drain();
    expect(await applied(db, 'search.index')).toEqual([{ listing_id: 'l-1', n: 1 }]);
    expect(await applied(db, 'alerts.match')).toEqual([{ listing_id: 'l-1', n: 1 }]);
    expect(await redis.xlen(stream)).toBe(1);
    const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[][];
    for (const group of groups) {
      const info = Object.fromEntries(
        Array.from({ length: group.length / 2 }, (_, i) => [group[2 * i], group[2 * i + 1]]),
      );
      expect(info.pending).toBe(0);
      expect(info.lag).toBe(0);
    }
  });

  it('counts as pending the events in the outbox and each stream entry a consumer group has not acknowledged', async () => {
    const relay = bus(); // no subscribers: it only moves outbox rows to the stream
    const consumers = bus({ maxAttempts: 2, backoffMs: 1500 });
    consumers.subscribe(recorder('search.index'));
    consumers.subscribe(failingConsumer('mail.notify'));
    for (let i = 0; i < 2; i++) await publish(relay, db.kysely, i);
    expect(await consumers.pending()).toBe(2); // in the outbox

    await relay.drain();
    expect(await redis.xlen(stream)).toBe(2);
    expect(await consumers.pending()).toBe(4); // in the stream, for two groups not created yet

    await consumers.drain();
    expect(await applied(db, 'search.index')).toHaveLength(2);
    expect(await consumers.pending()).toBe(2); // read by mail.notify, failed, unacknowledged until the retry

    await until(async () => {
      await consumers.drain();
      return (await listFailedEvents(db.kysely, { deadOnly: true })).length === 2;
    }, 20_000);
    expect(await consumers.pending()).toBe(0); // dead letters are acknowledged

    await publish(relay, db.kysely, 2);
    await relay.drain();
    expect(await consumers.pending()).toBe(2); // one new entry, not yet read by either group
    await consumers.drain();
    expect(await consumers.pending()).toBe(1); // mail.notify failed it again
  });

  it('delivers promptly through the consumer groups once started', async () => {
    const events = bus({ pollIntervalMs: 60_000 });
    events.subscribe(recorder('search.index'));
    await events.start();
    await db.kysely.transaction().execute((trx) => publish(events, trx, 1));
    await until(async () => (await applied(db, 'search.index')).length === 1, 10_000);
  });

  it('refuses an invalid payload at publish', async () => {
    const events = bus();
    await expect(events.publish(db.kysely, listingPublished, { listingId: 'l-1', price: 0 })).rejects.toThrow(
      /listing\.published v1 refused/,
    );
  });

  it('loses no event when a consumer process dies while handling: its pending entries are reclaimed', async () => {
    const first = crashable(db);
    const dying = bus({ claimIdleMs: 60_000, db: first.db });
    let seen = 0;
    dying.subscribe(recorder('search.index'));
    dying.subscribe(
      recorder('alerts.match', () => {
        if (++seen === 4) first.crash();
      }),
    );
    for (let i = 0; i < 10; i++) await db.kysely.transaction().execute((trx) => publish(dying, trx, i));
    await expect(dying.drain()).rejects.toThrow(/connection lost/);
    await dying.stop();
    expect((await applied(db, 'alerts.match')).length).toBe(3);

    await restartWithRecorders(bus());
    expect(await applied(db, 'search.index')).toEqual(eachOnce(10));
    expect(await applied(db, 'alerts.match')).toEqual(eachOnce(10));
  });

  it('loses no event when the relay dies between XADD and marking the row dispatched', async () => {
    const first = crashable(db);
    const dying = bus({ db: first.db });
    dying.subscribe(recorder('search.index'));
    for (let i = 0; i < 3; i++) await db.kysely.transaction().execute((trx) => publish(dying, trx, i));
    // the first XADD reaches Redis, then the process loses its database
    const originalCall = redis.call.bind(redis);
    const spy = (command: string, ...args: unknown[]) => {
      const result = (originalCall as (c: string, ...a: unknown[]) => Promise<unknown>)(command, ...args);
      if (command === 'XADD') first.crash();
      return result;
    };
    (redis as unknown as { call: typeof spy }).call = spy;
    try {
      await expect(dying.drain()).rejects.toThrow(/connection lost/);
    } finally {
      (redis as unknown as { call: typeof originalCall }).call = originalCall;
    }
    await dying.stop();
    await new Promise((resolve) => setTimeout(resolve, 10));

    const restarted = bus({ leaseMs: 60_000 });
    restarted.subscribe(recorder('search.index'));
    // its lease is still running: the rows come back once it runs out
    await sql`update platform.outbox set available_at = now()`.execute(db.kysely);
    await restarted.drain();
    expect(await redis.xlen(stream)).toBe(4);
    expect(await applied(db, 'search.index')).toEqual(eachOnce(3));
  });

  it('retries a failing consumer group with backoff, then dead-letters and acknowledges it', async () => {
    // backoff long enough that a slow drain on a loaded machine cannot reach the second attempt
    const events = bus({ maxAttempts: 3, backoffMs: 1500, claimIdleMs: 50 });
    const { attemptsAt, ...mail } = failingConsumer('mail.notify');
    events.subscribe(recorder('search.index'));
    events.subscribe(mail);
    const id = await publish(events, db.kysely, 1);
    await events.drain();
    const [waiting] = await listFailedEvents(db.kysely);
    expect(waiting).toMatchObject({ id, consumer: 'mail.notify', attempts: 1, deadAt: null });
    expect(waiting!.lastError).toContain('SMTP said no');

    await events.start();
    await until(async () => (await listFailedEvents(db.kysely, { deadOnly: true })).length === 1, 30_000);
    // the entry is acknowledged right after the dead letter is recorded: let the step finish
    await events.stop();
    expect(attemptsAt).toHaveLength(3);
    expect(attemptsAt[1]! - attemptsAt[0]!).toBeGreaterThanOrEqual(1400);
    expect(attemptsAt[2]! - attemptsAt[1]!).toBeGreaterThanOrEqual(2900);
    const [dead] = await listFailedEvents(db.kysely, { deadOnly: true });
    expect(dead).toMatchObject({ id, consumer: 'mail.notify', attempts: 3, name: 'listing.published' });
    const pending = (await redis.call('XPENDING', stream, 'mail.notify')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    expect(await applied(db, 'search.index')).toEqual([{ listing_id: 'l-1', n: 1 }]);
  });
});
