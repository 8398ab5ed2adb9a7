import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { EventBus } from './event.ts';
import { listFailedEvents, pruneDeliveredEvents, redeliverDeadEvent } from './failed-events.ts';
import { applied, crashable, eachOnce, eventTestDatabase, failingConsumer, listingPublished, recorder, restartWithRecorders, testBuses, until } from './event-bus.fixtures.ts';

describe('event bus (outbox, local transport)', () => {
  let db: Database;
  const { bus, stopAll } = testBuses(() => ({ db, transport: 'local' }));

  beforeEach(async () => {
    db = await eventTestDatabase();
    await sql`create table listings (id text primary key)`.execute(db.kysely);
  });
  afterEach(async () => {
    await stopAll();
    await db.close();
  });

  it('delivers nothing from a rolled-back transaction and exactly once from a committed one', async () => {
    const events = bus();
    events.subscribe(recorder('search.index'));
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into listings values ('l-1')`.execute(trx);
        await events.publish(trx, listingPublished, { listingId: 'l-1', price: 250_000 });
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    await db.kysely.transaction().execute(async (trx) => {
      await sql`insert into listings values ('l-2')`.execute(trx);
      await events.publish(trx, listingPublished, { listingId: 'l-2', price: 300_000 });
    });
    await events.drain();
    await events.drain();
    expect(await applied(db, 'search.index')).toEqual([{ listing_id: 'l-2', n: 1 }]);
  });

  it('counts as pending the events owed to a consumer, a failed one waiting for its retry included, a dead letter not', async () => {
    const events = bus({ maxAttempts: 2, backoffMs: 1000 });
    events.subscribe(recorder('search.index'));
    expect(await events.pending()).toBe(0);
    await events.publish(db.kysely, listingPublished, { listingId: 'l-1', price: 1 });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await events.publish(trx, listingPublished, { listingId: 'l-2', price: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await events.pending()).toBe(1);
    await events.drain();
    expect(await events.pending()).toBe(0);

    events.subscribe(failingConsumer('mail.notify'));
    await events.publish(db.kysely, listingPublished, { listingId: 'l-3', price: 1 });
    await events.drain();
    expect(await events.pending()).toBe(1);
    await until(async () => {
      await events.drain();
      return (await listFailedEvents(db.kysely, { deadOnly: true })).length === 1;
    }, 10_000);
    expect(await events.pending()).toBe(0);
  });

  it('delivers promptly once started, without waiting for the poll', async () => {
    const events = bus({ pollIntervalMs: 60_000 });
    events.subscribe(recorder('search.index'));
    await events.start();
    await db.kysely.transaction().execute(async (trx) => {
      await events.publish(trx, listingPublished, { listingId: 'l-1', price: 1 });
    });
    await until(async () => (await applied(db, 'search.index')).length === 1, 10_000);
  });

  it('delivers each event once per consumer when two dispatchers share the outbox', async () => {
    const a = bus({ batchSize: 5 });
    const b = bus({ batchSize: 5 });
    for (const events of [a, b]) {
      events.subscribe(recorder('search.index'));
      events.subscribe(recorder('alerts.match'));
    }
    for (let i = 0; i < 40; i++)
      await a.publish(db.kysely, listingPublished, {
        listingId: `l-${String(i).padStart(2, '0')}`,
        price: 1,
      });
    await Promise.all([a.start(), b.start()]);
    const expected = Array.from({ length: 40 }, (_, i) => ({
      listing_id: `l-${String(i).padStart(2, '0')}`,
      n: 1,
    }));
    await until(
      async () =>
        (await applied(db, 'alerts.match')).length === 40 &&
        (await applied(db, 'search.index')).length === 40,
      20_000,
    );
    await Promise.all([a.stop(), b.stop()]);
    expect(await applied(db, 'search.index')).toEqual(expected);
    expect(await applied(db, 'alerts.match')).toEqual(expected);
  });

  it('refuses an invalid payload at publish, naming the event', async () => {
    const events = bus();
    await expect(
      events.publish(db.kysely, listingPublished, { listingId: 'l-1', price: -5 }),
    ).rejects.toThrow(/listing\.published v1 refused: invalid payload/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from platform.outbox`.execute(
      db.kysely,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('loses no event when the dispatcher dies mid-batch, and a restarted one applies each exactly once', async () => {
    // the first process: its database connection is cut while a consumer is
    // in the middle of the 4th event (after the other consumer applied it)
    const first = crashable(db);
    const dying = bus({ leaseMs: 300, batchSize: 10, db: first.db });
    let seen = 0;
    dying.subscribe(recorder('search.index'));
    dying.subscribe(
      recorder('alerts.match', () => {
        if (++seen === 4) first.crash();
      }),
    );
    for (let i = 0; i < 10; i++) {
      await db.kysely.transaction().execute(async (trx) => {
        await events(trx, i);
      });
    }
    async function events(trx: Parameters<EventBus['publish']>[0], i: number) {
      await sql`insert into listings values (${`l-${i}`})`.execute(trx);
      await dying.publish(trx, listingPublished, { listingId: `l-${i}`, price: 1000 + i });
    }
    await expect(dying.drain()).rejects.toThrow(/connection lost/);
    await dying.stop();
    expect((await applied(db, 'alerts.match')).length).toBe(3);
    expect((await applied(db, 'search.index')).length).toBe(4);

    // a new process on the same database, once the dead one's lease ran out
    await new Promise((resolve) => setTimeout(resolve, 350));
    await restartWithRecorders(bus());
    expect(await applied(db, 'search.index')).toEqual(eachOnce(10));
    expect(await applied(db, 'alerts.match')).toEqual(eachOnce(10));
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from platform.outbox where dispatched_at is null`.execute(db.kysely);
    expect(rows[0]!.n).toBe(0);
  });

  it('retries a failing consumer with backoff, then dead-letters the event with its error visible', async () => {
    const events = bus({ maxAttempts: 3, backoffMs: 100 });
    const { attemptsAt, ...mail } = failingConsumer('mail.notify');
    events.subscribe(recorder('search.index'));
    events.subscribe(mail);
    const id = await events.publish(db.kysely, listingPublished, { listingId: 'l-1', price: 1 });
    const before = Date.now();
    await events.drain();
    const [waiting] = await listFailedEvents(db.kysely);
    expect(waiting).toMatchObject({ id, name: 'listing.published', attempts: 1, deadAt: null });
    expect(waiting!.lastError).toContain('mail.notify: Error: SMTP said no');
    expect(waiting!.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 100 - 5);

    await events.start();
    await until(async () => (await listFailedEvents(db.kysely, { deadOnly: true })).length === 1, 5000);
    expect(attemptsAt).toHaveLength(3);
    // 100 ms then 200 ms between attempts
    expect(attemptsAt[1]! - attemptsAt[0]!).toBeGreaterThanOrEqual(90);
    expect(attemptsAt[2]! - attemptsAt[1]!).toBeGreaterThanOrEqual(190);
    const [dead] = await listFailedEvents(db.kysely, { deadOnly: true });
    expect(dead).toMatchObject({ id, attempts: 3, consumer: null });
    expect(dead!.lastError).toContain('SMTP said no');
    // the consumer that succeeded applied it once, despite the retries
    expect(await applied(db, 'search.index')).toEqual([{ listing_id: 'l-1', n: 1 }]);

    // once the cause is fixed, the dead event can be sent again
    await events.stop();
    expect(await redeliverDeadEvent(db.kysely, id)).toBe(true);
    const fixed = bus();
    fixed.subscribe(recorder('search.index'));
    fixed.subscribe(recorder('mail.notify'));
    await fixed.drain();
    expect(await applied(db, 'mail.notify')).toEqual([{ listing_id: 'l-1', n: 1 }]);
    expect(await applied(db, 'search.index')).toEqual([{ listing_id: 'l-1', n: 1 }]);
    expect(await listFailedEvents(db.kysely)).toEqual([]);
  });

  it('refuses, on consume, a stored payload the consumer cannot read', async () => {
    const events = bus({ maxAttempts: 1 });
    events.subscribe(recorder('search.index'));
    await sql`insert into platform.outbox (id, name, version, payload)
      values ('0190f5d0-0000-7000-8000-000000000001', 'listing.published', 1, '{"listingId": 3}')`.execute(
      db.kysely,
    );
    await events.drain();
    const [dead] = await listFailedEvents(db.kysely, { deadOnly: true });
    expect(dead!.lastError).toMatch(/search\.index cannot read/);
    expect(await applied(db, 'search.index')).toEqual([]);
  });

  it('stops cleanly while a handler is running and hands the rest of its batch back', async () => {
    const events = bus({ batchSize: 10 });
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    events.subscribe(
      recorder('search.index', (listingId) => {
        if (listingId === 'l-0') started();
      }),
    );
    events.subscribe({ consumer: 'slow', event: listingPublished, handle: async () => blocked });
    for (let i = 0; i < 5; i++)
      await events.publish(db.kysely, listingPublished, { listingId: `l-${i}`, price: 1 });
    await events.start();
    await handling;
    const stopped = events.stop();
    release();
    await stopped;
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from platform.outbox where dispatched_at is null and available_at <= now()`.execute(
      db.kysely,
    );
    expect(rows[0]!.n).toBe(4);
  });

  it('prunes long-delivered events and their marks, keeping those of undelivered events', async () => {
    const events = bus({ maxAttempts: 1 });
    events.subscribe(recorder('search.index'));
    events.subscribe({
      consumer: 'mail.notify',
      event: listingPublished,
      handle: async (payload) => {
        if (payload.listingId === 'dead') throw new Error('no');
      },
    });
    const old = await events.publish(db.kysely, listingPublished, { listingId: 'old', price: 1 });
    const recent = await events.publish(db.kysely, listingPublished, { listingId: 'recent', price: 1 });
    const dead = await events.publish(db.kysely, listingPublished, { listingId: 'dead', price: 1 });
    await events.drain();
    await sql`update platform.outbox set dispatched_at = now() - interval '20 days' where id = ${old}`.execute(
      db.kysely,
    );
    await sql`update platform.consumed_events set consumed_at = now() - interval '20 days' where event_id in (${old}, ${dead})`.execute(
      db.kysely,
    );
    expect(await pruneDeliveredEvents(db.kysely)).toEqual({ events: 1, marks: 2 });
    const { rows } = await sql<{
      event_id: string;
    }>`select event_id from platform.consumed_events order by event_id`.execute(db.kysely);
    expect(rows.map((r) => r.event_id)).toEqual([recent, recent, dead].sort());
  });
});
