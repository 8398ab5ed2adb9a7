import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { sql } from 'kysely';
import { pino } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { migrate } from '../migrations/migrator.ts';
import { defineEvent, type EventBus, type Subscriber } from './event.ts';
import { createEventBus, type EventBusOptions } from './event-bus.ts';
import { eventMigrations } from './outbox.ts';

// Scaffolding of the event-bus tests, shared by every transport (local and
// Redis Streams): one event, a consumer that records what it applied, a fresh
// database, and buses that are stopped after each test.

export const listingPublished = defineEvent(
  'listing.published',
  1,
  z.object({ listingId: z.string(), price: z.number().int().positive() }),
);

/** A consumer that records what it applied in the same transaction, as a real one would. */
export function recorder(
  consumer: string,
  onHandle?: (listingId: string) => void,
): Subscriber<typeof listingPublished.schema> {
  return {
    consumer,
    event: listingPublished,
    async handle(payload, envelope, trx) {
      onHandle?.(payload.listingId);
      await sql`insert into applied (consumer, event_id, listing_id) values (${consumer}, ${envelope.id}, ${payload.listingId})`.execute(
        trx,
      );
    },
  };
}

/** A consumer whose every attempt fails (the mail server says no), noting when each came. */
export function failingConsumer(consumer: string): Subscriber<typeof listingPublished.schema> & { attemptsAt: number[] } {
  const attemptsAt: number[] = [];
  return {
    consumer,
    event: listingPublished,
    attemptsAt,
    async handle() {
      attemptsAt.push(Date.now());
      throw new Error('SMTP said no');
    },
  };
}

/** What one consumer applied: each listing with how many times. */
export async function applied(db: Database, consumer: string) {
  const { rows } = await sql<{ listing_id: string; n: number }>`
    select listing_id, count(*)::int as n from applied where consumer = ${consumer} group by listing_id order by listing_id`.execute(
    db.kysely,
  );
  return rows;
}

/** Listings l-0 … l-(count - 1), each applied once: what a consumer holds after exactly-once delivery. */
export const eachOnce = (count: number) => Array.from({ length: count }, (_, i) => ({ listing_id: `l-${i}`, n: 1 }));

/** A process started after a crash: the search.index and alerts.match recorders, everything deliverable delivered. */
export async function restartWithRecorders(events: EventBus): Promise<void> {
  events.subscribe(recorder('search.index'));
  events.subscribe(recorder('alerts.match'));
  await events.drain();
}

/** A fresh database with the outbox tables and the `applied` table recorder() writes to. */
export async function eventTestDatabase(): Promise<Database> {
  const db = await createTestDatabase();
  await migrate(db, [eventMigrations]);
  await sql`create table applied (consumer text, event_id uuid, listing_id text)`.execute(db.kysely);
  return db;
}

/**
 * Makes buses on one transport, polling every 50 ms, silent; `defaults` is read
 * at each call (the test's current database). `stopAll()` stops every bus made.
 */
export function testBuses(defaults: () => Omit<EventBusOptions, 'logger'>) {
  const logger = pino({ level: 'silent' });
  const made: EventBus[] = [];
  return {
    bus(options: Partial<EventBusOptions> = {}): EventBus {
      const created = createEventBus({ logger, pollIntervalMs: 50, ...defaults(), ...options });
      made.push(created);
      return created;
    },
    async stopAll(): Promise<void> {
      await Promise.all(made.splice(0).map((b) => b.stop()));
    },
  };
}

/**
 * The database as one process sees it, with a switch that cuts it off: after
 * `crash()` every statement the process sends fails as if its connection was
 * lost (open transactions still roll back), so nothing it would have done next
 * reaches the database — the closest in-process stand-in for a killed process.
 */
export function crashable(db: Database): { db: Database; crash(): void } {
  let crashed = false;
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (crashed) throw new Error('connection lost (simulated crash)');
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  return {
    db: { ...db, kysely: db.kysely.withPlugin(plugin) },
    crash() {
      crashed = true;
    },
  };
}

export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
