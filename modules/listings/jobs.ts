import { z } from 'zod';
import type { JobDefinition, Schedule } from '@immo/platform';
import type { ListingsService } from './service.ts';

export const EXPIRE_STALE_JOB = 'listings.expire-stale';

/** Daily at 03:30 (Europe/Brussels): archive listings not refreshed for 60 days. */
export function listingJobs(service: ListingsService): { jobs: JobDefinition[]; schedules: Schedule[] } {
  const expire: JobDefinition = {
    name: EXPIRE_STALE_JOB,
    schema: z.object({}).passthrough(),
    maxAttempts: 3,
    async handle() {
      await service.expireStale();
    },
  };
  return {
    jobs: [expire],
    schedules: [{ name: 'listings.expire-stale.daily', cron: '30 3 * * *', job: EXPIRE_STALE_JOB, payload: {} }],
  };
}
