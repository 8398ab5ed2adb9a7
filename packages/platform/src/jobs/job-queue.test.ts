import { sql } from 'kysely';
import { pino } from 'pino';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../migrations/migrator.ts';
import { ManualClock } from '../clock.ts';
import { until } from '../events/event-bus.fixtures.ts';
import type { JobDefinition, JobQueue } from './job.ts';
import { createJobQueue, type JobQueueOptions } from './job-queue.ts';
import { jobMigrations, listFailedJobs, pruneFinishedJobs, retryDeadJob } from './job-store.ts';

const logger = pino({ level: 'silent' });
const photoPayload = z.object({ photoId: z.string() });

describe('job queue', () => {
  let db: Database;
  const queues: JobQueue[] = [];
  function queue(options: Partial<JobQueueOptions> = {}) {
    const created = createJobQueue({ db, logger, pollIntervalMs: 50, ...options });
    queues.push(created);
    return created;
  }

  beforeEach(async () => {
    db = await createTestDatabase();
    await migrate(db, [jobMigrations]);
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop()));
    await db.close();
  });

  it('never runs a job twice when two workers share the database', async () => {
    const runs: { id: string; worker: string }[] = [];
    const job = (worker: string): JobDefinition<typeof photoPayload> => ({
      name: 'media.process-photo',
      schema: photoPayload,
      async handle(_payload, { id }) {
        runs.push({ id, worker });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      },
    });
    const a = queue({ workerId: 'a', concurrency: 3 });
    const b = queue({ workerId: 'b', concurrency: 3 });
    a.define(job('a'));
    b.define(job('b'));
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(await a.enqueue(db.kysely, 'media.process-photo', { photoId: `p-${i}` }));
    await Promise.all([a.start(), b.start()]);
    await until(async () => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from platform.jobs where status = 'done'`.execute(db.kysely);
      return rows[0]!.n === 50;
    }, 20_000);
    expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(runs.map((r) => r.id)).size).toBe(50);
  });

  it('retries a failing job with exponential backoff, then dead-letters it with its error visible', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const attempts: number[] = [];
    const jobs = queue({ clock });
    jobs.define({
      name: 'mail.send-digest',
      schema: z.object({ userId: z.string() }),
      maxAttempts: 3,
      backoffMs: 1000,
      async handle(_payload, { attempt }) {
        attempts.push(attempt);
        throw new Error('SMTP said no');
      },
    });
    const id = await jobs.enqueue(db.kysely, 'mail.send-digest', { userId: 'u-1' });
    await jobs.drain();
    expect(attempts).toEqual([1]);
    const [waiting] = await listFailedJobs(db.kysely);
    expect(waiting).toMatchObject({ id, status: 'queued', attempts: 1, lastError: 'Error: SMTP said no' });
    expect(waiting!.runAt.toISOString()).toBe('2026-03-01T10:00:01.000Z');

    clock.advance(999);
    await jobs.drain();
    expect(attempts).toEqual([1]);
    clock.advance(1);
    await jobs.drain();
    expect(attempts).toEqual([1, 2]);
    // the second wait is twice the first
    clock.advance(1999);
    await jobs.drain();
    expect(attempts).toEqual([1, 2]);
    clock.advance(1);
    await jobs.drain();
    expect(attempts).toEqual([1, 2, 3]);

    clock.advance(3_600_000);
    await jobs.drain();
    expect(attempts).toEqual([1, 2, 3]);
    const [dead] = await listFailedJobs(db.kysely, { deadOnly: true });
    expect(dead).toMatchObject({
      id,
      name: 'mail.send-digest',
      status: 'dead',
      attempts: 3,
      maxAttempts: 3,
      lastError: 'Error: SMTP said no',
    });
    expect(dead!.finishedAt!.toISOString()).toBe('2026-03-01T10:00:03.000Z');

    // a dead job can be given a new chance once its cause is fixed
    expect(await retryDeadJob(db.kysely, id, clock.now())).toBe(true);
    await jobs.drain();
    expect(attempts).toEqual([1, 2, 3, 1]);
  });

  it('does not run a delayed job before its time, nor count it as pending', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const ran: string[] = [];
    const jobs = queue({ clock });
    jobs.define({
      name: 'listings.expire',
      schema: z.object({ listingId: z.string() }),
      handle: async ({ listingId }) => void ran.push(listingId),
    });
    const media = queue({ clock });
    media.define({ name: 'media.process-photo', schema: photoPayload, handle: async () => {} });
    await media.enqueue(db.kysely, 'media.process-photo', { photoId: 'p-1' });
    await jobs.enqueue(db.kysely, 'listings.expire', { listingId: 'in-a-minute' }, { delayMs: 60_000 });
    await jobs.enqueue(
      db.kysely,
      'listings.expire',
      { listingId: 'tomorrow' },
      { runAt: new Date('2026-03-02T10:00:00Z') },
    );
    // due now: only media's job, of a kind this queue does not run
    expect(await jobs.pending()).toBe(0);
    expect(await media.pending()).toBe(1);
    await jobs.drain();
    expect(ran).toEqual([]);
    clock.advance(59_999);
    await jobs.drain();
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(await jobs.pending()).toBe(1);
    await jobs.drain();
    expect(ran).toEqual(['in-a-minute']);
    expect(await jobs.pending()).toBe(0);
    clock.set('2026-03-02T10:00:00Z');
    await jobs.drain();
    expect(ran).toEqual(['in-a-minute', 'tomorrow']);
  });

  it('runs a job enqueued in a committed transaction only, and promptly once started', async () => {
    const ran: string[] = [];
    const jobs = queue({ pollIntervalMs: 60_000 });
    jobs.define({
      name: 'search.reindex',
      schema: z.object({ listingId: z.string() }),
      handle: async ({ listingId }) => void ran.push(listingId),
    });
    await jobs.start();
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await jobs.enqueue(trx, 'search.reindex', { listingId: 'rolled-back' });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await db.kysely.transaction().execute((trx) => jobs.enqueue(trx, 'search.reindex', { listingId: 'l-1' }));
    await until(async () => ran.length === 1, 10_000);
    expect(ran).toEqual(['l-1']);
  });

  it('refuses an invalid payload or an unknown job at enqueue', async () => {
    const jobs = queue();
    jobs.define({
      name: 'search.reindex',
      schema: z.object({ listingId: z.string() }),
      handle: async () => {},
    });
    await expect(jobs.enqueue(db.kysely, 'search.reindex', { listingId: 3 })).rejects.toThrow(
      /job search\.reindex refused: invalid payload/,
    );
    await expect(jobs.enqueue(db.kysely, 'search.nothing', {})).rejects.toThrow(
      /job "search\.nothing" is not defined/,
    );
  });

  it('does not enqueue a job twice while one with the same key waits', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const ran: string[] = [];
    const jobs = queue({ clock });
    jobs.define({
      name: 'search.reindex',
      schema: z.object({ listingId: z.string() }),
      handle: async ({ listingId }) => void ran.push(listingId),
    });
    const first = await jobs.enqueue(
      db.kysely,
      'search.reindex',
      { listingId: 'l-1' },
      { key: 'l-1', delayMs: 1000 },
    );
    const second = await jobs.enqueue(db.kysely, 'search.reindex', { listingId: 'l-1' }, { key: 'l-1' });
    expect(second).toBe(first);
    clock.advance(1000);
    await jobs.drain();
    expect(ran).toEqual(['l-1']);
    // once it has run, the same key may be enqueued again
    const third = await jobs.enqueue(db.kysely, 'search.reindex', { listingId: 'l-1' }, { key: 'l-1' });
    expect(third).not.toBe(first);
    await jobs.drain();
    expect(ran).toEqual(['l-1', 'l-1']);
  });

  it('takes over the job of a worker that died once its lease has run out', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const ran: string[] = [];
    const jobs = queue({ clock, leaseMs: 30_000, workerId: 'survivor' });
    jobs.define({
      name: 'media.process-photo',
      schema: photoPayload,
      handle: async ({ photoId }) => void ran.push(photoId),
    });
    const id = await jobs.enqueue(db.kysely, 'media.process-photo', { photoId: 'p-1' });
    // another worker claimed it, then its process died
    await sql`update platform.jobs set status = 'running', attempts = 1, locked_by = 'dead-worker',
      locked_until = ${new Date('2026-03-01T10:00:30Z')} where id = ${id}`.execute(db.kysely);
    await jobs.drain();
    expect(ran).toEqual([]);
    clock.advance(30_000);
    await jobs.drain();
    expect(ran).toEqual(['p-1']);
    const { rows } = await sql<{
      status: string;
      attempts: number;
    }>`select status, attempts from platform.jobs where id = ${id}`.execute(db.kysely);
    expect(rows[0]).toEqual({ status: 'done', attempts: 2 });
  });

  it('keeps the lease of a long job alive, so another worker does not run it too', async () => {
    const runs: string[] = [];
    const slow = (worker: string): JobDefinition<typeof photoPayload> => ({
      name: 'media.process-video',
      schema: photoPayload,
      async handle() {
        runs.push(worker);
        await new Promise((resolve) => setTimeout(resolve, 900));
      },
    });
    const a = queue({ workerId: 'a', leaseMs: 300, pollIntervalMs: 20 });
    const b = queue({ workerId: 'b', leaseMs: 300, pollIntervalMs: 20 });
    a.define(slow('a'));
    b.define(slow('b'));
    await a.enqueue(db.kysely, 'media.process-video', { photoId: 'v-1' });
    await a.start();
    await until(async () => runs.length === 1, 10_000);
    await b.start();
    await until(async () => {
      const { rows } = await sql<{ status: string }>`select status from platform.jobs`.execute(db.kysely);
      return rows[0]!.status === 'done';
    }, 10_000);
    expect(runs).toEqual(['a']);
  });

  it('stops only after the running jobs have finished', async () => {
    let finished = false;
    const jobs = queue();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    jobs.define({
      name: 'media.process-photo',
      schema: photoPayload,
      async handle() {
        started();
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      },
    });
    await jobs.enqueue(db.kysely, 'media.process-photo', { photoId: 'p-1' });
    await jobs.start();
    await running;
    await jobs.stop();
    expect(finished).toBe(true);
    const { rows } = await sql<{ status: string }>`select status from platform.jobs`.execute(db.kysely);
    expect(rows[0]!.status).toBe('done');
  });

  it('prunes jobs that finished well long ago and keeps dead ones', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    const jobs = queue({ clock });
    jobs.define({
      name: 'search.reindex',
      schema: z.object({ ok: z.boolean() }),
      maxAttempts: 1,
      handle: async ({ ok }) => void (ok || Promise.reject(new Error('no'))),
    });
    jobs.define({
      name: 'search.fail',
      schema: z.object({}),
      maxAttempts: 1,
      handle: () => Promise.reject(new Error('no')),
    });
    await jobs.enqueue(db.kysely, 'search.reindex', { ok: true });
    await jobs.enqueue(db.kysely, 'search.fail', {});
    await jobs.drain();
    expect(await pruneFinishedJobs(db.kysely, { now: new Date('2026-03-10T10:00:00Z') })).toBe(0);
    expect(await pruneFinishedJobs(db.kysely, { now: new Date('2026-03-20T10:00:00Z') })).toBe(1);
    const { rows } = await sql<{
      name: string;
      status: string;
    }>`select name, status from platform.jobs`.execute(db.kysely);
    expect(rows).toEqual([{ name: 'search.fail', status: 'dead' }]);
  });
});
