import { z } from 'zod';
import type { JobDefinition, Schedule } from '@immo/platform';
import type { AuthServices } from './services.ts';

/**
 * Signing keys rotate every month; retired keys stay published until their
 * last token has expired and are then pruned (nobody is logged out).
 */
export function authJobs(services: AuthServices): JobDefinition[] {
  return [
    {
      name: 'auth.rotate-signing-key',
      schema: z.object({}).passthrough(),
      async handle() {
        await services.keys.prune();
        await services.keys.rotate();
      },
    },
    {
      name: 'auth.prune-signing-keys',
      schema: z.object({}).passthrough(),
      async handle() {
        await services.keys.prune();
      },
    },
  ];
}

export const authSchedules: Schedule[] = [
  { name: 'auth.rotate-signing-key', cron: '0 3 1 * *', job: 'auth.rotate-signing-key' },
  { name: 'auth.prune-signing-keys', cron: '17 * * * *', job: 'auth.prune-signing-keys' },
];
