import { sql } from 'kysely';
import { pino } from 'pino';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../migrations/migrator.ts';
import { ManualClock } from '../clock.ts';
import { createJobQueue } from './job-queue.ts';
import { jobMigrations } from './job-store.ts';
import { nextCronTime } from './schedules.ts';

const logger = pino({ level: 'silent' });

describe('recurring jobs', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
    await migrate(db, [jobMigrations]);
  });
  afterEach(() => db.close());

  it('reads cron in Brussels time, summer and winter', () => {
    expect(nextCronTime('0 3 * * *', new Date('2026-01-10T12:00:00Z')).toISOString()).toBe(
      '2026-01-11T02:00:00.000Z',
    );
    expect(nextCronTime('0 3 * * *', new Date('2026-07-10T12:00:00Z')).toISOString()).toBe(
      '2026-07-11T01:00:00.000Z',
    );
    expect(() => nextCronTime('0 3 * *', new Date())).toThrow(/five fields/);
    expect(() => nextCronTime('61 * * * *', new Date())).toThrow(/not valid/);
  });

  it('enqueues a due schedule once per due time, even with two schedulers', async () => {
    const clock = new ManualClock('2026-03-01T10:00:30Z');
    const runs: { worker: string; hour: string }[] = [];
    const schedulers = ['a', 'b'].map((worker) => {
      const jobs = createJobQueue({ db, logger, clock, workerId: worker });
      jobs.define({
        name: 'listings.expire-stale',
        schema: z.object({ olderThanDays: z.number() }),
        handle: async () => void runs.push({ worker, hour: clock.now().toISOString().slice(0, 13) }),
      });
      jobs.schedule({
        name: 'expire-stale-hourly',
        cron: '0 * * * *',
        job: 'listings.expire-stale',
        payload: { olderThanDays: 90 },
      });
      return jobs;
    });
    const tick = () => Promise.all(schedulers.map((s) => s.drain()));

    await tick();
    expect(runs).toEqual([]);
    clock.set('2026-03-01T11:00:00Z');
    await tick();
    await tick();
    expect(runs.map((r) => r.hour)).toEqual(['2026-03-01T11']);
    // down for two hours: the missed runs are caught up once, not twice
    clock.set('2026-03-01T13:30:00Z');
    await tick();
    expect(runs.map((r) => r.hour)).toEqual(['2026-03-01T11', '2026-03-01T13']);
    const { rows } = await sql<{ next_run_at: Date; n: number }>`
      select next_run_at, (select count(*)::int from platform.jobs) as n from platform.schedules`.execute(
      db.kysely,
    );
    expect(rows[0]!.next_run_at.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(rows[0]!.n).toBe(2);
    await Promise.all(schedulers.map((s) => s.stop()));
  });

  it('keeps its next due time across a restart, and restarts it when the cron changes', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const define = (cron: string) => {
      const jobs = createJobQueue({ db, logger, clock });
      jobs.define({ name: 'listings.expire-stale', schema: z.object({}), handle: async () => {} });
      jobs.schedule({ name: 'nightly', cron, job: 'listings.expire-stale' });
      return jobs;
    };
    const next = async () =>
      (
        await sql<{ next_run_at: Date }>`select next_run_at from platform.schedules`.execute(db.kysely)
      ).rows[0]!.next_run_at.toISOString();
    await define('0 3 * * *').drain();
    expect(await next()).toBe('2026-03-02T02:00:00.000Z');
    clock.set('2026-03-01T20:00:00Z');
    await define('0 3 * * *').drain();
    expect(await next()).toBe('2026-03-02T02:00:00.000Z');
    await define('30 4 * * *').drain();
    expect(await next()).toBe('2026-03-02T03:30:00.000Z');
  });

  it('refuses a schedule naming a job that does not exist', async () => {
    const jobs = createJobQueue({ db, logger });
    jobs.schedule({ name: 'nightly', cron: '0 3 * * *', job: 'nothing.here' });
    await expect(jobs.drain()).rejects.toThrow(/names job "nothing\.here", which is not defined/);
  });
});
