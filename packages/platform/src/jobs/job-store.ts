import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Executor } from '../events/event.ts';
import type { MigrationSource } from '../migrations/migrator.ts';

/** The jobs and schedules tables; run with `migrate()` before the queue starts. */
export const jobMigrations: MigrationSource = {
  module: 'platform_jobs',
  dir: fileURLToPath(new URL('./migrations', import.meta.url)),
};

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const ms = (value: number) => sql`${value} * interval '1 millisecond'`;

/** Inserts a job, or finds the waiting one with the same key. Returns its id and the writer's transaction id. */
export async function insertJob(
  db: Executor,
  job: { id: string; name: string; payload: unknown; runAt: Date; maxAttempts: number; key?: string },
): Promise<{ id: string; xid: string }> {
  const { rows } = await sql<{ id: string; xid: string }>`
    insert into platform.jobs (id, name, payload, run_at, max_attempts, key)
    values (${job.id}, ${job.name}, ${JSON.stringify(job.payload)}::jsonb, ${job.runAt}, ${job.maxAttempts}, ${job.key ?? null})
    on conflict (name, key) where key is not null and status = 'queued' do nothing
    returning id, pg_current_xact_id()::text as xid`.execute(db);
  if (rows[0]) return rows[0];
  const existing = await sql<{ id: string; xid: string }>`
    select id, pg_current_xact_id()::text as xid from platform.jobs
    where name = ${job.name} and key = ${job.key ?? null} and status = 'queued'`.execute(db);
  return existing.rows[0]!;
}

/** Due jobs of the given names: queued ones whose time has come, running ones whose worker's lease ran out. */
const due = (names: string[], now: Date) => sql`
  name in (${sql.join(names)})
  and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until <= ${now}))`;

/** How many jobs of the given names are due (what claimJobs would hand out, without a limit). */
export async function countDueJobs(db: Executor, names: string[], now: Date): Promise<number> {
  if (names.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from platform.jobs where ${due(names, now)}`.execute(db);
  return rows[0]!.n;
}

/**
 * Claims up to `limit` due jobs of the given names: queued ones whose time has
 * come and running ones whose worker's lease ran out. The claim commits at once;
 * the handlers run outside it.
 */
export async function claimJobs(
  db: Executor,
  claim: { names: string[]; limit: number; now: Date; leaseMs: number; workerId: string },
): Promise<ClaimedJob[]> {
  if (claim.names.length === 0 || claim.limit <= 0) return [];
  const { rows } = await sql<ClaimedJob & { run_at: Date }>`
    update platform.jobs
    set status = 'running', attempts = attempts + 1, locked_by = ${claim.workerId},
        locked_until = ${claim.now}::timestamptz + ${ms(claim.leaseMs)}
    where id in (
      select id from platform.jobs
      where ${due(claim.names, claim.now)}
      order by run_at, id
      limit ${claim.limit}
      for update skip locked)
    returning id, name, payload, attempts, max_attempts, run_at`.execute(db);
  return rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || a.id.localeCompare(b.id));
}

/** Keeps a long job's lease alive; false if another worker has taken it over. */
export async function extendLease(db: Executor, id: string, workerId: string, until: Date): Promise<boolean> {
  const result = await sql`
    update platform.jobs set locked_until = ${until}
    where id = ${id} and locked_by = ${workerId} and status = 'running'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function completeJob(db: Executor, id: string, workerId: string, now: Date): Promise<void> {
  await sql`
    update platform.jobs set status = 'done', finished_at = ${now}, locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${workerId} and status = 'running'`.execute(db);
}

/** Exponential: base, 2×base, 4×base ... capped at six hours. */
export function jobBackoff(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

/**
 * Puts a failed job back in line after its backoff, or dead-letters it. A
 * retry that meets a newer waiting job with the same key gives way to it.
 */
export async function failJob(
  db: Executor,
  failure: { id: string; workerId: string; error: string; now: Date; retryAt: Date | null },
): Promise<'retry' | 'dead' | 'superseded'> {
  const base = sql`where id = ${failure.id} and locked_by = ${failure.workerId} and status = 'running'`;
  if (!failure.retryAt) {
    await sql`
      update platform.jobs set status = 'dead', last_error = ${failure.error}, finished_at = ${failure.now},
        locked_by = null, locked_until = null ${base}`.execute(db);
    return 'dead';
  }
  const { rows } = await sql<{ id: string }>`
    update platform.jobs j set status = 'queued', last_error = ${failure.error}, run_at = ${failure.retryAt},
      locked_by = null, locked_until = null
    ${base} and not exists (
      select 1 from platform.jobs w
      where w.name = j.name and w.key = j.key and w.status = 'queued' and w.id <> j.id)
    returning id`.execute(db);
  if (rows.length > 0) return 'retry';
  await sql`
    update platform.jobs set status = 'done', last_error = ${`${failure.error}\n(superseded by a waiting job with the same key)`},
      finished_at = ${failure.now}, locked_by = null, locked_until = null ${base}`.execute(db);
  return 'superseded';
}

/** A job that failed at least once: waiting for its retry, or dead-lettered. */
export interface FailedJob {
  id: string;
  name: string;
  payload: unknown;
  status: 'queued' | 'running' | 'dead';
  attempts: number;
  maxAttempts: number;
  lastError: string;
  runAt: Date;
  finishedAt: Date | null;
}

/** Failed and dead-lettered jobs, most recent first; for the back office and `immo jobs:failed`. */
export async function listFailedJobs(
  db: Executor,
  options: { deadOnly?: boolean; limit?: number } = {},
): Promise<FailedJob[]> {
  const { rows } = await sql<{
    id: string;
    name: string;
    payload: unknown;
    status: FailedJob['status'];
    attempts: number;
    max_attempts: number;
    last_error: string;
    run_at: Date;
    finished_at: Date | null;
  }>`
    select id, name, payload, status, attempts, max_attempts, last_error, run_at, finished_at
    from platform.jobs
    where ${options.deadOnly ? sql`status = 'dead'` : sql`(status = 'dead' or (last_error is not null and status in ('queued', 'running')))`}
    order by coalesce(finished_at, run_at) desc
    limit ${options.limit ?? 100}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    runAt: r.run_at,
    finishedAt: r.finished_at,
  }));
}

/** Gives a dead job a fresh set of attempts (once its cause is fixed). */
export async function retryDeadJob(db: Executor, id: string, now: Date = new Date()): Promise<boolean> {
  const result = await sql`
    update platform.jobs set status = 'queued', attempts = 0, run_at = ${now}, finished_at = null
    where id = ${id} and status = 'dead'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Deletes jobs that finished well (status done) more than `olderThanDays` ago (default 14); dead ones stay for inspection. */
export async function pruneFinishedJobs(
  db: Executor,
  options: { olderThanDays?: number; now?: Date } = {},
): Promise<number> {
  const result = await sql`
    delete from platform.jobs
    where status = 'done' and finished_at < ${options.now ?? new Date()}::timestamptz - ${options.olderThanDays ?? 14} * interval '1 day'`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}
