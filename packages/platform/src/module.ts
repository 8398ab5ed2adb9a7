import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from './http/principal.ts';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { EventBus, Subscriber } from './events/event.ts';
import type { JobDefinition, JobQueue, Schedule } from './jobs/job.ts';
import type { Cache } from './cache/cache.ts';
import type { ObjectStorage } from './storage/storage.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './observability/logger.ts';
import type { AuditLog } from './audit/audit-log.ts';

/** The infrastructure ports a module receives; nothing else is global. */
export interface Platform {
  config: Config;
  db: Database;
  events: EventBus;
  jobs: JobQueue;
  cache: Cache;
  storage: ObjectStorage;
  mail: Mailer;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
}

export interface ModuleContext extends Platform {
  /** The public API (contract) of another module, by name. Only through this do modules call each other. */
  module<Api>(name: string): Api;
  /** GDPR: gathers what every loaded module holds on a person (each contributes via exportPersonalData). */
  gdpr: { exportUser(userId: string): Promise<Record<string, unknown>> };
}

/** What a running module offers to the composition root. */
export interface ModuleInstance<Api = unknown> {
  api: Api;
  /** HTTP routes; every route states who may call it. */
  routes?(app: FastifyInstance): void | Promise<void>;
  subscribers?: Subscriber[];
  jobs?: JobDefinition[];
  schedules?: Schedule[];
  /**
   * Offered by the auth module only: turns a request's credentials into a
   * Principal. The gateway calls it on every request before the route runs.
   */
  authenticate?(request: FastifyRequest): Promise<Principal | undefined>;
  /**
   * GDPR export: everything this module holds on the person, as plain JSON
   * (arrays of records per kind). Erasure happens on the `user.deleted` event.
   */
  exportPersonalData?(userId: string): Promise<Record<string, unknown>>;
  /** Socket.IO handlers (processes holding sockets: roles all and realtime). `io` is a socket.io Server. */
  realtime?(io: unknown): void | Promise<void>;
  /**
   * Where this module's server-side pushes go (a message sent over HTTP, a
   * notification delivered by a job): given in every process that can reach
   * the sockets — the socket server itself where it runs here, else, with
   * REDIS_URL, a Redis emitter that the socket nodes' adapter relays.
   */
  live?(emitter: LiveEmitter): void;
  stop?(): Promise<void>;
}

export interface ModuleDefinition<Api = unknown> {
  name: string;
  /** Folder of NNNN_name.sql files for this module's own schema. */
  migrations?: string;
  /** Modules whose API this one calls; they are created first. */
  dependsOn?: string[];
  create(ctx: ModuleContext): ModuleInstance<Api> | Promise<ModuleInstance<Api>>;
}

export function defineModule<Api>(definition: ModuleDefinition<Api>): ModuleDefinition<Api> {
  return definition;
}

/** The part of a Socket.IO server (or of a Redis emitter) that pushes to rooms. */
export interface LiveEmitter {
  to(rooms: string | string[]): { emit(event: string, ...args: unknown[]): unknown };
  in(rooms: string | string[]): { socketsJoin(rooms: string | string[]): unknown };
}
