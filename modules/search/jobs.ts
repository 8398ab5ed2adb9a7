import { z } from 'zod';
import type { JobDefinition, Schedule } from '@immo/platform';

// The daily digest of saved-search alerts, every morning in Brussels time.

export const DAILY_DIGEST_JOB = 'search.daily-digest';

export function searchJobs(run: () => Promise<unknown>): { jobs: JobDefinition[]; schedules: Schedule[] } {
  const job: JobDefinition = {
    name: DAILY_DIGEST_JOB,
    schema: z.object({}).passthrough(),
    maxAttempts: 3,
    async handle() {
      await run();
    },
  };
  return { jobs: [job], schedules: [{ name: 'search.daily-digest', cron: '0 7 * * *', job: DAILY_DIGEST_JOB, payload: {} }] };
}
