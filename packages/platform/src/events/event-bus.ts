import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { newId } from '../ids.ts';
import type { EventBus, EventDefinition, Executor, Subscriber } from './event.ts';
import { consumeEvent, errorText } from './consume.ts';
import {
  claimOutboxBatch,
  countUndispatched,
  insertOutboxEvent,
  markDispatched,
  recordOutboxFailure,
  type OutboxRow,
} from './outbox.ts';
import { createWakeableLoop } from './wakeable-loop.ts';
import { createCommitWatch } from './commit-watch.ts';
import { createRedisStreamsTransport } from './redis-streams.ts';
import { sql } from 'kysely';

export interface EventBusOptions {
  db: Database;
  logger: Logger;
  /** 'local': the dispatcher calls this process's subscribers; 'redis': through Redis Streams. */
  transport?: 'local' | 'redis';
  /** An ioredis client; required with transport 'redis' (the bus duplicates it for blocking reads). */
  redis?: Redis;
  /** Fallback poll of the outbox when no publish nudged the dispatcher (default 1000). */
  pollIntervalMs?: number;
  /** Rows claimed at once (default 50). */
  batchSize?: number;
  /** How long a claimed row stays invisible to other dispatchers; a dead dispatcher's rows come back after it (default 60 s). */
  leaseMs?: number;
  /** Deliveries tried before an event (local) or an event for one consumer (redis) is dead-lettered (default 10). */
  maxAttempts?: number;
  /** Base delay of the exponential backoff between attempts (default 1000). */
  backoffMs?: number;
  /** Redis stream name (default 'immo:events'). */
  stream?: string;
  /** Redis: a pending message idle this long is reclaimed from its (presumably dead) consumer (default 30 s). */
  claimIdleMs?: number;
  /** Redis: this process's consumer name inside each group (default a random one). */
  consumerName?: string;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
}

/**
 * The event bus: `publish` writes to the outbox in the caller's transaction; a
 * dispatcher delivers committed events at least once to idempotent consumers.
 */
export function createEventBus(options: EventBusOptions): EventBus {
  const { db, logger } = options;
  const transportName = options.transport ?? 'local';
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 10,
    backoffMs: options.backoffMs ?? 1000,
  };
  const subscribers = new Map<string, Subscriber[]>();
  const consumers = new Set<string>();

  if (transportName === 'redis' && !options.redis)
    throw new Error('the redis event transport needs a Redis client');
  const redis =
    transportName === 'redis'
      ? createRedisStreamsTransport({
          db,
          logger,
          redis: options.redis!,
          stream: options.stream ?? 'immo:events',
          claimIdleMs: options.claimIdleMs ?? 30_000,
          consumerName: options.consumerName ?? `c-${newId()}`,
          batchSize,
          pollIntervalMs,
          policy,
          subscribers: () => [...subscribers.values()].flat(),
        })
      : undefined;

  let stopping = false;

  /** Local transport: delivers one claimed row to every subscriber of its name. */
  async function deliverLocally(row: OutboxRow): Promise<void> {
    const envelope = {
      id: row.id,
      name: row.name,
      version: row.version,
      payload: row.payload,
      occurredAt: row.occurred_at,
    };
    const failures: string[] = [];
    for (const subscriber of subscribers.get(row.name) ?? []) {
      try {
        await consumeEvent(db, subscriber, envelope);
      } catch (error) {
        failures.push(`${subscriber.consumer}: ${errorText(error)}`);
      }
    }
    if (failures.length === 0) {
      await markDispatched(db.kysely, row.id);
      return;
    }
    const outcome = await recordOutboxFailure(db.kysely, row, failures.join('\n'), policy);
    const log = { eventId: row.id, event: row.name, attempt: row.attempts, outcome };
    if (outcome === 'dead') logger.error({ ...log, error: failures.join('\n') }, 'event dead-lettered');
    else logger.warn({ ...log, error: failures.join('\n') }, 'event delivery failed; will retry');
  }

  /** Claims a batch and delivers it (local) or moves it to the stream (redis). True if it found rows. */
  async function dispatchBatch(interruptible: boolean): Promise<boolean> {
    const rows = await claimOutboxBatch(db.kysely, batchSize, leaseMs);
    for (const [index, row] of rows.entries()) {
      if (interruptible && stopping) {
        // hand the rest of the batch back at once instead of after the lease
        await releaseClaimed(
          db.kysely,
          rows.slice(index).map((r) => r.id),
        );
        break;
      }
      if (redis) await redis.relay(row);
      else await deliverLocally(row);
    }
    return rows.length > 0;
  }

  const loop = createWakeableLoop({
    name: 'event dispatcher',
    intervalMs: pollIntervalMs,
    logger,
    step: () => dispatchBatch(true),
  });

  // A publish wakes the dispatcher once its transaction has committed.
  const commits = createCommitWatch({
    db: db.kysely,
    logger,
    active: () => loop.running,
    onCommit: () => loop.nudge(),
  });

  return {
    async publish<S extends z.ZodType>(
      trx: Executor,
      event: EventDefinition<S>,
      payload: z.input<S>,
    ): Promise<string> {
      const parsed = event.schema.safeParse(payload);
      if (!parsed.success) {
        throw new Error(
          `event ${event.name} v${event.version} refused: invalid payload: ${z.prettifyError(parsed.error)}`,
        );
      }
      const id = newId();
      const xid = await insertOutboxEvent(trx, {
        id,
        name: event.name,
        version: event.version,
        payload: parsed.data,
      });
      commits.watch(xid);
      return id;
    },

    subscribe<S extends z.ZodType>(subscriber: Subscriber<S>) {
      if (consumers.has(subscriber.consumer))
        throw new Error(`consumer "${subscriber.consumer}" is subscribed twice`);
      consumers.add(subscriber.consumer);
      const list = subscribers.get(subscriber.event.name) ?? [];
      list.push(subscriber);
      subscribers.set(subscriber.event.name, list);
      redis?.subscribed(subscriber);
    },

    async start() {
      stopping = false;
      if (redis) await redis.start();
      loop.start();
    },

    async stop() {
      stopping = true;
      await loop.stop();
      await commits.settle();
      if (redis) await redis.stop();
    },

    async drain() {
      while (await dispatchBatch(false)) {
        // keep going while the outbox still hands out rows
      }
      if (redis) await redis.drain();
    },

    async pending() {
      return (await countUndispatched(db.kysely)) + (redis ? await redis.unacknowledged() : 0);
    },
  };
}

async function releaseClaimed(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    update platform.outbox set available_at = now(), attempts = attempts - 1
    where id in (${sql.join(ids)}) and dispatched_at is null`.execute(db);
}
