import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';

/**
 * Events are facts in the past tense (`listing.published`), versioned and
 * validated by zod when published and again when consumed.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly version: number;
  readonly schema: S;
}

export function defineEvent<S extends z.ZodType>(
  name: string,
  version: number,
  schema: S,
): EventDefinition<S> {
  if (!/^[a-z]+(\.[a-z_]+)+$/.test(name))
    throw new Error(`event name "${name}" must look like "listing.published"`);
  return { name, version, schema };
}

/** What a consumer receives besides the payload. */
export interface EventEnvelope<T = unknown> {
  id: string;
  name: string;
  version: number;
  payload: T;
  occurredAt: Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Executor = Kysely<any> | Transaction<any>;

export interface Subscriber<S extends z.ZodType = z.ZodType> {
  /** Unique, stable name, e.g. "search.index-listing": idempotency is kept per consumer. */
  readonly consumer: string;
  readonly event: EventDefinition<S>;
  /**
   * Runs inside a transaction that also records the event as consumed, so a
   * handler that writes through `trx` is applied exactly once.
   */
  handle(payload: z.infer<S>, envelope: EventEnvelope<z.infer<S>>, trx: Executor): Promise<void>;
}

export interface EventBus {
  /** Writes the event to the outbox through `trx`: it exists only if the change commits. */
  publish<S extends z.ZodType>(
    trx: Executor,
    event: EventDefinition<S>,
    payload: z.input<S>,
  ): Promise<string>;
  /** The payload type follows from `subscriber.event`. */
  subscribe<S extends z.ZodType>(subscriber: Subscriber<S>): void;
  /** Starts the dispatcher (and the Redis consumers when EVENT_BUS=redis). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Dispatches until the outbox holds nothing deliverable; for tests and CLI commands. */
  drain(): Promise<void>;
  /**
   * Deliveries still owed, dead letters aside (a failed one waiting for its
   * retry counts): committed events not yet dispatched from the outbox, and
   * with Redis Streams each stream entry once per consumer group of this bus
   * that has not acknowledged it. For tests (drain until 0) and health checks.
   */
  pending(): Promise<number>;
}
