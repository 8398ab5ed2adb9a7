// @immo/platform: the kernel every module uses. Each port has an embedded
// default and a production engine chosen by configuration (see README).
export * from './config/config.ts';
export * from './db/database.ts';
export * from './db/test-database.ts';
export * from './migrations/migrator.ts';
export * from './events/event.ts';
export { createEventBus, type EventBusOptions } from './events/event-bus.ts';
export { eventMigrations } from './events/outbox.ts';
export { listFailedEvents, redeliverDeadEvent, type FailedEvent } from './events/failed-events.ts';
export * from './jobs/job.ts';
export * from './cache/cache.ts';
export * from './cache/memory-cache.ts';
export * from './cache/redis-cache.ts';
export * from './storage/storage.ts';
export * from './storage/folder-storage.ts';
export * from './storage/s3-storage.ts';
export * from './storage/object-key.ts';
export * from './mail/mailer.ts';
export * from './mail/file-mailer.ts';
export * from './mail/smtp-mailer.ts';
export * from './observability/logger.ts';
export * from './audit/audit-log.ts';
export * from './audit/hash-chained-audit-log.ts';
export * from './module.ts';
export * from './clock.ts';
export * from './ids.ts';
export * from './http/problem.ts';
export * from './http/principal.ts';
