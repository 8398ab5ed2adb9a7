import { CronExpressionParser } from 'cron-parser';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Schedule } from './job.ts';

export const SCHEDULE_TIMEZONE = 'Europe/Brussels';

/** The first time strictly after `after` that the five-field cron names, in Brussels time. */
export function nextCronTime(cron: string, after: Date): Date {
  if (cron.trim().split(/\s+/).length !== 5)
    throw new Error(`cron "${cron}" must have five fields (minute hour day month weekday)`);
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: SCHEDULE_TIMEZONE }).next().toDate();
  } catch (error) {
    throw new Error(`cron "${cron}" is not valid: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Records the schedules this process knows. A changed cron restarts from now;
 * an unchanged one keeps its next due time, so a restart neither skips nor
 * repeats a run.
 */
export async function saveSchedules(db: Database, schedules: Schedule[], now: Date): Promise<void> {
  for (const schedule of schedules) {
    await sql`
      insert into platform.schedules (name, cron, job, payload, next_run_at)
      values (${schedule.name}, ${schedule.cron}, ${schedule.job}, ${JSON.stringify(schedule.payload ?? {})}::jsonb,
              ${nextCronTime(schedule.cron, now)})
      on conflict (name) do update
      set job = excluded.job, payload = excluded.payload, cron = excluded.cron,
          next_run_at = case when platform.schedules.cron = excluded.cron
                             then platform.schedules.next_run_at else excluded.next_run_at end`.execute(
      db.kysely,
    );
  }
}

/**
 * Enqueues every due schedule once: the row is locked (another scheduler skips
 * it), the job inserted and next_run_at moved past `now` in one transaction.
 * Missed runs (the service was down) are caught up by a single run.
 */
export async function enqueueDueSchedules(
  db: Database,
  options: { names: string[]; now: Date; maxAttempts: (job: string) => number },
): Promise<number> {
  if (options.names.length === 0) return 0;
  return db.kysely.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      name: string;
      cron: string;
      job: string;
      payload: unknown;
      next_run_at: Date;
    }>`
      select name, cron, job, payload, next_run_at from platform.schedules
      where name in (${sql.join(options.names)}) and next_run_at <= ${options.now}
      for update skip locked`.execute(trx);
    for (const due of rows) {
      await sql`
        insert into platform.jobs (id, name, payload, run_at, max_attempts)
        values (${newId()}, ${due.job}, ${JSON.stringify(due.payload)}::jsonb, ${due.next_run_at}, ${options.maxAttempts(due.job)})`.execute(
        trx,
      );
      await sql`
        update platform.schedules set next_run_at = ${nextCronTime(due.cron, options.now)}, last_run_at = ${due.next_run_at}
        where name = ${due.name}`.execute(trx);
    }
    return rows.length;
  });
}
