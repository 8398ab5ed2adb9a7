import { z } from 'zod';
import type { JobDefinition, Schedule } from '@immo/platform';
import type { MessagingService } from './service.ts';

export const RETENTION_JOB = 'messaging.retention';

/** Messages are kept three years, then deleted with their files (every night at 03:30 Brussels time). */
export function messagingJobs(service: MessagingService): JobDefinition[] {
  return [{ name: RETENTION_JOB, schema: z.object({}), handle: async () => void (await service.applyRetention()) }];
}

export const messagingSchedules: Schedule[] = [{ name: 'messaging.retention.nightly', cron: '30 3 * * *', job: RETENTION_JOB }];
