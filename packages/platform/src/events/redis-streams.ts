import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { EventEnvelope, Subscriber } from './event.ts';
import { consumeEvent, errorText } from './consume.ts';
import { backoffDelay, markDispatched, type OutboxRow } from './outbox.ts';
import { createWakeableLoop, type WakeableLoop } from './wakeable-loop.ts';

/**
 * Redis Streams transport. The outbox dispatcher relays rows to one stream
 * (XADD, then marks them dispatched: a crash in between only duplicates an
 * entry). Every subscriber is a consumer group; it handles entries with the
 * same idempotent bookkeeping as the local transport and XACKs them. Entries a
 * dead process left pending are reclaimed (XAUTOCLAIM) after `claimIdleMs`;
 * failed ones are retried with backoff, then dead-lettered and acknowledged.
 */
export interface RedisStreamsTransport {
  relay(row: OutboxRow): Promise<void>;
  subscribed(subscriber: Subscriber): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  drain(): Promise<void>;
  /** Entries this transport's consumer groups have yet to acknowledge, summed over the groups. */
  unacknowledged(): Promise<number>;
}

interface Options {
  db: Database;
  logger: Logger;
  redis: Redis;
  stream: string;
  claimIdleMs: number;
  consumerName: string;
  batchSize: number;
  pollIntervalMs: number;
  policy: { maxAttempts: number; backoffMs: number };
  subscribers: () => Subscriber[];
}

type Entry = [id: string, fields: string[] | null];
const STREAM_MAX_LENGTH = 100_000;

export function createRedisStreamsTransport(options: Options): RedisStreamsTransport {
  const { db, logger, redis, stream, consumerName, batchSize, policy } = options;
  const groups = new Map<string, { subscriber: Subscriber; loop: WakeableLoop; ready?: Promise<void> }>();
  let started = false;
  let watcher: Redis | undefined;
  let watching: Promise<void> | undefined;

  function ensureGroup(group: string): Promise<void> {
    const state = groups.get(group)!;
    // From the stream's start: a group created after events were relayed still
    // gets them; consumers skip what they have already applied.
    state.ready ??= redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM').then(
      () => undefined,
      (error: unknown) => {
        if (!String(error).includes('BUSYGROUP')) {
          state.ready = undefined;
          throw error;
        }
      },
    );
    return state.ready;
  }

  /**
   * Handles one entry for one group; true when it was settled (acknowledged).
   * `fresh`: first delivery of the entry (read with '>'), so no failure is recorded for it.
   */
  async function handleEntry(
    subscriber: Subscriber,
    [streamId, fields]: Entry,
    fresh = false,
  ): Promise<boolean> {
    const group = subscriber.consumer;
    const envelope = fields ? readEntry(fields) : undefined;
    if (!envelope || envelope.name !== subscriber.event.name) {
      await redis.call('XACK', stream, group, streamId);
      return true;
    }
    const failure = fresh ? undefined : await readFailure(db, group, envelope.id);
    if (failure?.dead) {
      await redis.call('XACK', stream, group, streamId);
      return true;
    }
    if (failure && failure.retryAt > new Date()) return false;
    try {
      await consumeEvent(db, subscriber, envelope);
    } catch (error) {
      const attempts = (failure?.attempts ?? 0) + 1;
      const dead = attempts >= policy.maxAttempts;
      await recordConsumerFailure(
        db,
        group,
        envelope,
        streamId,
        attempts,
        errorText(error),
        dead,
        backoffDelay(attempts, policy.backoffMs),
      );
      const log = {
        eventId: envelope.id,
        event: envelope.name,
        consumer: group,
        attempt: attempts,
        error: errorText(error),
      };
      if (!dead) {
        logger.warn(log, 'event consumer failed; will retry');
        return false;
      }
      logger.error(log, 'event dead-lettered for this consumer');
      await redis.call('XACK', stream, group, streamId);
      return true;
    }
    if (failure)
      await sql`delete from platform.consumer_failures where consumer = ${group} and event_id = ${envelope.id}`.execute(
        db.kysely,
      );
    await redis.call('XACK', stream, group, streamId);
    return true;
  }

  /** One pass for one group: due retries, entries left by dead consumers, new entries. */
  async function groupStep(subscriber: Subscriber, minIdleMs: number): Promise<boolean> {
    const group = subscriber.consumer;
    await ensureGroup(group);
    let settled = 0;
    for (const streamId of await dueRetries(db, group, batchSize)) {
      const claimed = (await redis.call('XCLAIM', stream, group, consumerName, 0, streamId)) as Entry[];
      if (claimed.length === 0) {
        // the entry is gone (trimmed or acknowledged): nothing left to retry
        await sql`delete from platform.consumer_failures where consumer = ${group} and stream_id = ${streamId}`.execute(
          db.kysely,
        );
        continue;
      }
      for (const entry of claimed) if (await handleEntry(subscriber, entry)) settled++;
    }
    let cursor = '0-0';
    do {
      const [next, entries] = (await redis.call(
        'XAUTOCLAIM',
        stream,
        group,
        consumerName,
        minIdleMs,
        cursor,
        'COUNT',
        batchSize,
      )) as [string, Entry[]];
      for (const entry of entries) if (await handleEntry(subscriber, entry)) settled++;
      cursor = next;
    } while (cursor !== '0-0');
    const fresh = entriesOf(
      await redis.call(
        'XREADGROUP',
        'GROUP',
        group,
        consumerName,
        'COUNT',
        batchSize,
        'STREAMS',
        stream,
        '>',
      ),
    );
    for (const entry of fresh) if (await handleEntry(subscriber, entry, true)) settled++;
    return settled > 0 || fresh.length > 0;
  }

  function addGroup(subscriber: Subscriber) {
    const loop = createWakeableLoop({
      name: `event consumer ${subscriber.consumer}`,
      intervalMs: options.pollIntervalMs,
      logger,
      step: () => groupStep(subscriber, options.claimIdleMs),
    });
    groups.set(subscriber.consumer, { subscriber, loop });
    if (started) loop.start();
  }

  /** One blocking reader wakes every group when the stream grows. */
  async function watch(reader: Redis) {
    let lastId = '$';
    while (started) {
      try {
        const entries = entriesOf(await reader.call('XREAD', 'BLOCK', 5000, 'STREAMS', stream, lastId));
        if (entries.length === 0) continue;
        lastId = entries[entries.length - 1]![0];
        for (const { loop } of groups.values()) loop.nudge();
      } catch (error) {
        if (!started) return;
        logger.warn({ err: error }, 'event stream watch failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs));
      }
    }
  }

  return {
    async relay(row) {
      await redis.call(
        'XADD',
        stream,
        'MAXLEN',
        '~',
        STREAM_MAX_LENGTH,
        '*',
        'id',
        row.id,
        'name',
        row.name,
        'version',
        String(row.version),
        'payload',
        JSON.stringify(row.payload),
        'occurredAt',
        row.occurred_at.toISOString(),
      );
      await markDispatched(db.kysely, row.id);
    },

    subscribed(subscriber) {
      addGroup(subscriber);
    },

    async start() {
      if (started) return;
      started = true;
      for (const subscriber of options.subscribers())
        if (!groups.has(subscriber.consumer)) addGroup(subscriber);
      await Promise.all([...groups.keys()].map(ensureGroup));
      watcher = redis.duplicate();
      watching = watch(watcher);
      for (const { loop } of groups.values()) loop.start();
    },

    async stop() {
      if (!started) return;
      started = false;
      watcher?.disconnect();
      await watching;
      await Promise.all([...groups.values()].map(({ loop }) => loop.stop()));
    },

    /** Handles everything deliverable now, taking over entries other consumers left pending. */
    async drain() {
      for (;;) {
        let progress = false;
        for (const { subscriber } of groups.values()) {
          while (await groupStep(subscriber, 0)) progress = true;
        }
        if (!progress) return;
      }
    },

    async unacknowledged() {
      const length = await redis.xlen(stream);
      if (length === 0) return 0;
      const created = new Map(
        ((await redis.call('XINFO', 'GROUPS', stream)) as unknown[][]).map((reply) => {
          const info = fieldsOf(reply);
          return [String(info.name), info] as const;
        }),
      );
      let total = 0;
      for (const group of groups.keys()) {
        const info = created.get(group);
        // a group not created yet starts from the stream's first entry
        if (!info) total += length;
        else total += Number(info.pending) + (await unread(info));
      }
      return total;
    },
  };

  /** Entries not yet delivered to a group: its lag, or, when Redis cannot tell it (after deletions), a count. */
  async function unread(info: Record<string, unknown>): Promise<number> {
    if (typeof info.lag === 'number') return info.lag;
    const after = (await redis.call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+')) as Entry[];
    return after.length;
  }
}

/** XINFO's [field, value, field, value ...] (RESP2) as an object. */
function fieldsOf(reply: unknown[]): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) info[String(reply[i])] = reply[i + 1];
  return info;
}

/** The entries of the one stream read: RESP2 answers [[stream, entries]], RESP3 a map ioredis flattens to [stream, entries]. */
function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const first: unknown = reply[0];
  if (typeof first === 'string' || Buffer.isBuffer(first)) return (reply[1] as Entry[] | undefined) ?? [];
  return ((first as [string, Entry[]])[1] as Entry[] | undefined) ?? [];
}

function readEntry(fields: string[]): EventEnvelope<unknown> | undefined {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const id = map.get('id');
  const name = map.get('name');
  const payload = map.get('payload');
  if (!id || !name || payload === undefined) return undefined;
  return {
    id,
    name,
    version: Number(map.get('version') ?? 1),
    payload: JSON.parse(payload) as unknown,
    occurredAt: new Date(map.get('occurredAt') ?? Date.now()),
  };
}

async function readFailure(db: Database, consumer: string, eventId: string) {
  const { rows } = await sql<{ attempts: number; retry_at: Date; dead_at: Date | null }>`
    select attempts, retry_at, dead_at from platform.consumer_failures
    where consumer = ${consumer} and event_id = ${eventId}`.execute(db.kysely);
  const row = rows[0];
  return row ? { attempts: row.attempts, retryAt: row.retry_at, dead: row.dead_at !== null } : undefined;
}

async function dueRetries(db: Database, consumer: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ stream_id: string }>`
    select stream_id from platform.consumer_failures
    where consumer = ${consumer} and dead_at is null and retry_at <= now()
    order by retry_at limit ${limit}`.execute(db.kysely);
  return rows.map((r) => r.stream_id);
}

async function recordConsumerFailure(
  db: Database,
  consumer: string,
  event: EventEnvelope<unknown>,
  streamId: string,
  attempts: number,
  error: string,
  dead: boolean,
  delayMs: number,
): Promise<void> {
  await sql`
    insert into platform.consumer_failures (consumer, event_id, name, version, payload, stream_id, attempts, last_error, retry_at, dead_at)
    values (${consumer}, ${event.id}, ${event.name}, ${event.version}, ${JSON.stringify(event.payload)}::jsonb, ${streamId},
            ${attempts}, ${error}, now() + ${delayMs} * interval '1 millisecond', ${dead ? sql`now()` : sql`null`})
    on conflict (consumer, event_id) do update
    set attempts = excluded.attempts, last_error = excluded.last_error, retry_at = excluded.retry_at,
        dead_at = excluded.dead_at, stream_id = excluded.stream_id, updated_at = now()`.execute(db.kysely);
}
