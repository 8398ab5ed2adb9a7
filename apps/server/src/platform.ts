import { Redis } from 'ioredis';
import { z } from 'zod';
import {
  createAuditLog,
  createEventBus,
  createJobQueue,
  createLogger,
  createPorts,
  openDatabase,
  pruneDeliveredEvents,
  pruneFinishedJobs,
  systemClock,
  auditMigrations,
  eventMigrations,
  jobMigrations,
  type Clock,
  type Config,
  type Database,
  type Logger,
  type MigrationSource,
  type Platform,
} from '@immo/platform';

export interface RunningPlatform extends Platform {
  redis?: Redis;
  migrations: MigrationSource[];
  close(): Promise<void>;
}

/** Migrations of the platform's own tables (outbox, jobs, audit), applied before any module's. */
export const platformMigrations: MigrationSource[] = [eventMigrations, jobMigrations, auditMigrations];

/**
 * Builds every port from the configuration: the embedded default when a
 * variable is absent, the production engine when it is set.
 */
export async function createPlatform(
  config: Config,
  overrides: { db?: Database; clock?: Clock; logger?: Logger } = {},
): Promise<RunningPlatform> {
  const logger = overrides.logger ?? createLogger({ level: config.LOG_LEVEL });
  const clock = overrides.clock ?? systemClock;
  const db = overrides.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const ports = await createPorts(config, logger);
  const busRedis = config.EVENT_BUS === 'redis' && config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }) : undefined;
  const events = createEventBus({ db, logger, transport: config.EVENT_BUS, redis: busRedis, stream: `${config.REDIS_PREFIX}:events` });
  const jobs = createJobQueue({ db, logger, clock });
  const audit = createAuditLog({ db, clock });
  // retention of the platform's own bookkeeping: delivered events (ids only) and
  // finished jobs go after 14 days, every night
  jobs.define({
    name: 'platform.prune',
    schema: z.object({}).passthrough(),
    async handle() {
      await pruneDeliveredEvents(db.kysely, { olderThanDays: 14 });
      await pruneFinishedJobs(db.kysely, { olderThanDays: 14, now: clock.now() });
    },
  });
  jobs.schedule({ name: 'platform.prune', cron: '15 4 * * *', job: 'platform.prune', payload: {} });
  return {
    config,
    db,
    events,
    jobs,
    cache: ports.cache,
    storage: ports.storage,
    mail: ports.mail,
    clock,
    logger,
    audit,
    redis: ports.redis,
    migrations: platformMigrations,
    async close() {
      await events.stop();
      await jobs.stop();
      await ports.close();
      busRedis?.disconnect();
      await db.close();
    },
  };
}
