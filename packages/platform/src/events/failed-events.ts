import { sql } from 'kysely';
import type { Executor } from './event.ts';

/** An event that failed at least once and is not delivered yet, or is dead-lettered. */
export interface FailedEvent {
  id: string;
  name: string;
  version: number;
  payload: unknown;
  /** Set on the Redis transport, where each consumer group fails on its own. */
  consumer: string | null;
  attempts: number;
  lastError: string;
  /** When it is tried again (null once dead). */
  retryAt: Date | null;
  deadAt: Date | null;
  occurredAt: Date | null;
}

/**
 * Events whose delivery failed, newest first: those waiting for a retry and the
 * dead-lettered ones (`deadOnly`). For the back office and `immo events:failed`.
 */
export async function listFailedEvents(
  db: Executor,
  options: { deadOnly?: boolean; limit?: number } = {},
): Promise<FailedEvent[]> {
  const limit = options.limit ?? 100;
  const deadOnly = options.deadOnly ?? false;
  const { rows } = await sql<{
    id: string;
    name: string;
    version: number;
    payload: unknown;
    consumer: string | null;
    attempts: number;
    last_error: string;
    retry_at: Date | null;
    dead_at: Date | null;
    occurred_at: Date | null;
  }>`
    select * from (
      select id, name, version, payload, null::text as consumer, attempts, last_error,
             case when dead_at is null then available_at end as retry_at, dead_at, occurred_at
      from platform.outbox
      where last_error is not null and dispatched_at is null and (${!deadOnly} or dead_at is not null)
      union all
      select f.event_id, f.name, f.version, f.payload, f.consumer, f.attempts, f.last_error,
             case when f.dead_at is null then f.retry_at end, f.dead_at, o.occurred_at
      from platform.consumer_failures f left join platform.outbox o on o.id = f.event_id
      where (${!deadOnly} or f.dead_at is not null)
    ) failed
    order by coalesce(dead_at, retry_at) desc nulls last
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    payload: r.payload,
    consumer: r.consumer,
    attempts: r.attempts,
    lastError: r.last_error,
    retryAt: r.retry_at,
    deadAt: r.dead_at,
    occurredAt: r.occurred_at,
  }));
}

/**
 * Puts a dead-lettered event back in line (once the bug is fixed). The outbox
 * row is dispatched again; consumers that already applied it skip it.
 */
export async function redeliverDeadEvent(db: Executor, id: string): Promise<boolean> {
  const consumers = await sql`
    update platform.consumer_failures set dead_at = null, attempts = 0, retry_at = now()
    where event_id = ${id} and dead_at is not null`.execute(db);
  const revived = Number(consumers.numAffectedRows ?? 0) > 0;
  const outbox = await sql`
    update platform.outbox
    set dead_at = null, dispatched_at = null, attempts = 0, available_at = now()
    where id = ${id} and (dead_at is not null or ${revived})`.execute(db);
  return revived || Number(outbox.numAffectedRows ?? 0) > 0;
}

/**
 * Forgets what is long delivered: dispatched outbox rows and their consumed
 * marks older than `olderThanDays` (default 14). Marks of events still
 * undelivered or dead are kept, so redelivering one never re-applies it.
 * Meant for a nightly schedule.
 */
export async function pruneDeliveredEvents(
  db: Executor,
  options: { olderThanDays?: number } = {},
): Promise<{ events: number; marks: number }> {
  const cutoff = sql`now() - ${options.olderThanDays ?? 14} * interval '1 day'`;
  const marks = await sql`
    delete from platform.consumed_events c
    where c.consumed_at < ${cutoff}
      and not exists (select 1 from platform.outbox o where o.id = c.event_id and o.dispatched_at is null)
      and not exists (select 1 from platform.consumer_failures f where f.event_id = c.event_id)`.execute(db);
  const events = await sql`delete from platform.outbox where dispatched_at < ${cutoff}`.execute(db);
  return { events: Number(events.numAffectedRows ?? 0), marks: Number(marks.numAffectedRows ?? 0) };
}
