import type { z } from 'zod';
import type { Executor } from '../events/event.ts';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique name, e.g. "media.process-photo". */
  readonly name: string;
  readonly schema: S;
  /** Attempts before the job is dead-lettered (default 5). */
  readonly maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 1000). */
  readonly backoffMs?: number;
  handle(payload: z.infer<S>, job: { id: string; attempt: number }): Promise<void>;
}

export interface EnqueueOptions {
  runAt?: Date;
  delayMs?: number;
  /** A job with the same key that is still waiting is not enqueued twice. */
  key?: string;
}

export interface Schedule {
  /** Unique schedule name. */
  readonly name: string;
  /** Five-field cron expression, evaluated in Europe/Brussels. */
  readonly cron: string;
  readonly job: string;
  readonly payload?: unknown;
}

export interface JobQueue {
  /** The payload type follows from `job.schema`. */
  define<S extends z.ZodType>(job: JobDefinition<S>): void;
  schedule(schedule: Schedule): void;
  /** Enqueues through `trx` (same transaction as the change that asks for it) or the db. */
  enqueue(trx: Executor, name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs due jobs until none is due; for tests and CLI commands. */
  drain(): Promise<void>;
  /**
   * Jobs of the kinds defined here that are due now (queued ones whose time
   * has come, and running ones whose worker's lease ran out); jobs due later do
   * not count. For tests (drain until 0) and health checks.
   */
  pending(): Promise<number>;
}
