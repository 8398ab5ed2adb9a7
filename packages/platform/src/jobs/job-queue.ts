import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { systemClock, type Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { Executor } from '../events/event.ts';
import { errorText } from '../events/consume.ts';
import { createCommitWatch } from '../events/commit-watch.ts';
import { createWakeableLoop } from '../events/wakeable-loop.ts';
import type { EnqueueOptions, JobDefinition, JobQueue, Schedule } from './job.ts';
import {
  claimJobs,
  completeJob,
  countDueJobs,
  extendLease,
  failJob,
  insertJob,
  jobBackoff,
  type ClaimedJob,
} from './job-store.ts';
import { enqueueDueSchedules, nextCronTime, saveSchedules } from './schedules.ts';

export interface JobQueueOptions {
  db: Database;
  logger: Logger;
  /** Decides when a job is due (tests pass a ManualClock). */
  clock?: Clock;
  /** Jobs this worker runs at once (default 4). */
  concurrency?: number;
  /** How often the worker looks for due jobs and schedules when nothing woke it (default 1000). */
  pollIntervalMs?: number;
  /** Name of this worker in locked_by (default a random one). */
  workerId?: string;
  /** How long a claimed job is held; renewed while it runs; a dead worker's job is taken again after it (default 5 min). */
  leaseMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 1000;

/**
 * The job queue on PostgreSQL/PGlite: `enqueue` writes in the caller's
 * transaction; workers claim due jobs with FOR UPDATE SKIP LOCKED under a lease
 * and run the handlers outside any transaction; failures are retried with
 * exponential backoff, then dead-lettered. Recurring jobs come from cron
 * schedules evaluated in Europe/Brussels.
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { db, logger } = options;
  const clock = options.clock ?? systemClock;
  const concurrency = options.concurrency ?? 4;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const workerId = options.workerId ?? `w-${newId()}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const definitions = new Map<string, JobDefinition>();
  const schedules = new Map<string, Schedule>();
  const inFlight = new Set<Promise<void>>();
  let schedulesSaved = false;
  let lastScheduleTick = 0;

  const maxAttempts = (name: string) => definitions.get(name)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const later = (delayMs: number) => new Date(clock.now().getTime() + delayMs);

  async function tickSchedules(): Promise<void> {
    if (schedules.size === 0) return;
    if (!schedulesSaved) {
      for (const schedule of schedules.values()) {
        const definition = definitions.get(schedule.job);
        if (!definition)
          throw new Error(`schedule "${schedule.name}" names job "${schedule.job}", which is not defined`);
        const parsed = definition.schema.safeParse(schedule.payload ?? {});
        if (!parsed.success)
          throw new Error(
            `schedule "${schedule.name}" has an invalid payload: ${z.prettifyError(parsed.error)}`,
          );
      }
      await saveSchedules(db, [...schedules.values()], clock.now());
      schedulesSaved = true;
    }
    await enqueueDueSchedules(db, { names: [...schedules.keys()], now: clock.now(), maxAttempts });
  }

  /** Runs one claimed job and records its outcome; errors here are the bookkeeping's own. */
  async function run(job: ClaimedJob): Promise<void> {
    const definition = definitions.get(job.name)!;
    const log = { jobId: job.id, job: job.name, attempt: job.attempts };
    if (job.attempts > job.max_attempts) {
      // its worker died during the last attempt (the lease ran out)
      await failJob(db.kysely, {
        id: job.id,
        workerId,
        now: clock.now(),
        retryAt: null,
        error: 'the worker running the last attempt stopped before finishing it',
      });
      logger.error(log, 'job dead-lettered');
      return;
    }
    const parsed = definition.schema.safeParse(job.payload);
    if (!parsed.success) {
      await failJob(db.kysely, {
        id: job.id,
        workerId,
        now: clock.now(),
        retryAt: null,
        error: `invalid payload: ${z.prettifyError(parsed.error)}`,
      });
      logger.error(log, 'job dead-lettered: invalid payload');
      return;
    }
    const heartbeat = setInterval(
      () => {
        extendLease(db.kysely, job.id, workerId, later(leaseMs)).catch((error: unknown) =>
          logger.warn({ ...log, err: error }, 'job lease renewal failed'),
        );
      },
      Math.max(leaseMs / 3, 10),
    );
    let failure: unknown;
    let failed = false;
    try {
      await definition.handle(parsed.data, { id: job.id, attempt: job.attempts });
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      clearInterval(heartbeat);
    }
    if (!failed) {
      await completeJob(db.kysely, job.id, workerId, clock.now());
      return;
    }
    const retryAt =
      job.attempts >= job.max_attempts
        ? null
        : later(jobBackoff(job.attempts, definition.backoffMs ?? DEFAULT_BACKOFF_MS));
    const outcome = await failJob(db.kysely, {
      id: job.id,
      workerId,
      now: clock.now(),
      retryAt,
      error: errorText(failure),
    });
    if (outcome === 'dead') logger.error({ ...log, error: errorText(failure) }, 'job dead-lettered');
    else logger.warn({ ...log, error: errorText(failure), retryAt }, 'job failed; will retry');
  }

  function claim(limit: number) {
    return claimJobs(db.kysely, {
      names: [...definitions.keys()],
      limit,
      now: clock.now(),
      leaseMs,
      workerId,
    });
  }

  /** The worker: schedules now and then, and fills the free slots with due jobs. */
  async function step(): Promise<boolean> {
    if (Date.now() - lastScheduleTick >= Math.min(pollIntervalMs, 1000)) {
      lastScheduleTick = Date.now();
      await tickSchedules();
    }
    const free = concurrency - inFlight.size;
    if (free <= 0) return false;
    const jobs = await claim(free);
    for (const job of jobs) {
      const running: Promise<void> = run(job)
        .catch((error: unknown) =>
          logger.error({ err: error, jobId: job.id }, 'job bookkeeping failed; its lease will expire'),
        )
        .finally(() => {
          inFlight.delete(running);
          loop.nudge();
        });
      inFlight.add(running);
    }
    return jobs.length > 0;
  }

  const loop = createWakeableLoop({ name: 'job worker', intervalMs: pollIntervalMs, logger, step });
  const commits = createCommitWatch({
    db: db.kysely,
    logger,
    active: () => loop.running,
    onCommit: () => loop.nudge(),
  });

  return {
    define<S extends z.ZodType>(job: JobDefinition<S>) {
      if (definitions.has(job.name)) throw new Error(`job "${job.name}" is defined twice`);
      definitions.set(job.name, job);
    },

    schedule(schedule: Schedule) {
      if (schedules.has(schedule.name)) throw new Error(`schedule "${schedule.name}" is defined twice`);
      nextCronTime(schedule.cron, clock.now());
      schedules.set(schedule.name, schedule);
      schedulesSaved = false;
    },

    async enqueue(
      trx: Executor,
      name: string,
      payload: unknown,
      enqueueOptions: EnqueueOptions = {},
    ): Promise<string> {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`job "${name}" is not defined`);
      const parsed = definition.schema.safeParse(payload);
      if (!parsed.success)
        throw new Error(`job ${name} refused: invalid payload: ${z.prettifyError(parsed.error)}`);
      const runAt = enqueueOptions.runAt ?? later(enqueueOptions.delayMs ?? 0);
      const { id, xid } = await insertJob(trx, {
        id: newId(),
        name,
        payload: parsed.data,
        runAt,
        maxAttempts: maxAttempts(name),
        key: enqueueOptions.key,
      });
      if (runAt.getTime() <= clock.now().getTime()) commits.watch(xid);
      return id;
    },

    async start() {
      await tickSchedules();
      loop.start();
    },

    async stop() {
      await loop.stop();
      await commits.settle();
      await Promise.all(inFlight);
    },

    async drain() {
      for (;;) {
        await tickSchedules();
        const jobs = await claim(concurrency);
        if (jobs.length > 0) {
          await Promise.all(jobs.map(run));
          continue;
        }
        if (inFlight.size === 0) return;
        await Promise.all(inFlight);
      }
    },

    pending() {
      return countDueJobs(db.kysely, [...definitions.keys()], clock.now());
    },
  };
}
