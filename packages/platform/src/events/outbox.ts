import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { MigrationSource } from '../migrations/migrator.ts';
import type { Executor } from './event.ts';

/** The outbox tables; run with `migrate()` before the bus starts. */
export const eventMigrations: MigrationSource = {
  module: 'platform_events',
  dir: fileURLToPath(new URL('./migrations', import.meta.url)),
};

export interface OutboxRow {
  id: string;
  name: string;
  version: number;
  payload: unknown;
  occurred_at: Date;
  attempts: number;
}

/** Inserts one event; returns the writing transaction's id so a watcher can tell when it commits. */
export async function insertOutboxEvent(
  trx: Executor,
  event: { id: string; name: string; version: number; payload: unknown },
): Promise<string> {
  const { rows } = await sql<{ xid: string }>`
    insert into platform.outbox (id, name, version, payload)
    values (${event.id}, ${event.name}, ${event.version}, ${JSON.stringify(event.payload)}::jsonb)
    returning pg_current_xact_id()::text as xid`.execute(trx);
  return rows[0]!.xid;
}

/** 'committed' | 'aborted' | 'in progress' of a transaction seen by insertOutboxEvent. */
export async function transactionStatus(db: Executor, xid: string): Promise<string | null> {
  const { rows } = await sql<{
    status: string | null;
  }>`select pg_xact_status(${xid}::xid8) as status`.execute(db);
  return rows[0]?.status ?? null;
}

/**
 * Claims up to `limit` deliverable rows: they are leased for `leaseMs` (another
 * dispatcher skips them meanwhile, and takes them again if this one dies) and
 * their attempt is counted. The claim commits at once: handlers run outside it.
 */
export async function claimOutboxBatch(db: Executor, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const { rows } = await sql<OutboxRow>`
    update platform.outbox
    set available_at = now() + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
    where id in (
      select id from platform.outbox
      where dispatched_at is null and dead_at is null and available_at <= now()
      order by available_at, id
      limit ${limit}
      for update skip locked)
    returning id, name, version, payload, occurred_at, attempts`.execute(db);
  // the update does not keep the subquery's order
  return rows.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id.localeCompare(b.id));
}

export async function markDispatched(db: Executor, id: string): Promise<void> {
  await sql`update platform.outbox set dispatched_at = now(), last_error = null where id = ${id}`.execute(db);
}

/** Exponential: base, 2×base, 4×base ... capped at one hour. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** Schedules the retry of a claimed row, or dead-letters it after `maxAttempts`. */
export async function recordOutboxFailure(
  db: Executor,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  error: string,
  policy: { maxAttempts: number; backoffMs: number },
): Promise<'retry' | 'dead'> {
  const dead = row.attempts >= policy.maxAttempts;
  await sql`
    update platform.outbox
    set last_error = ${error},
        available_at = now() + ${backoffDelay(row.attempts, policy.backoffMs)} * interval '1 millisecond',
        dead_at = ${dead ? sql`now()` : sql`null`}
    where id = ${row.id}`.execute(db);
  return dead ? 'dead' : 'retry';
}

/** Rows not yet dispatched and not dead-lettered, whether deliverable now or waiting for a retry. */
export async function countUndispatched(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from platform.outbox where dispatched_at is null and dead_at is null`.execute(db);
  return rows[0]!.n;
}

/** Whether a row could still become deliverable (used by drain to know when to stop). */
export async function countDeliverableNow(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from platform.outbox
    where dispatched_at is null and dead_at is null and available_at <= now()`.execute(db);
  return rows[0]!.n;
}
