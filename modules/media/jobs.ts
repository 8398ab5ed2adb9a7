import { z } from 'zod';
import type { JobDefinition, Schedule } from '@immo/platform';
import { DELETE_OBJECTS, ERASE_ARCHIVED_LISTING, PROCESS_PHOTO, SWEEP_ABANDONED_UPLOADS } from './job-names.ts';
import type { Processing } from './processing.ts';
import type { MediaService } from './service.ts';

/** Media's queued work. Payloads are versionless ids: each handler re-reads the state and is idempotent. */
export function mediaJobs(processing: Processing, service: MediaService): JobDefinition[] {
  const processPhoto: JobDefinition<z.ZodObject<{ assetId: z.ZodString }>> = {
    name: PROCESS_PHOTO,
    schema: z.object({ assetId: z.string() }),
    maxAttempts: 3,
    handle: ({ assetId }) => processing.process(assetId),
  };
  const deleteObjects: JobDefinition<z.ZodObject<{ keys: z.ZodArray<z.ZodString> }>> = {
    name: DELETE_OBJECTS,
    schema: z.object({ keys: z.array(z.string()) }),
    handle: ({ keys }) => service.deleteObjects(keys),
  };
  const eraseArchived: JobDefinition<z.ZodObject<{ listingId: z.ZodString; version: z.ZodNumber }>> = {
    name: ERASE_ARCHIVED_LISTING,
    schema: z.object({ listingId: z.string(), version: z.number().int() }),
    handle: ({ listingId, version }) => service.eraseArchivedListing(listingId, version),
  };
  const sweep: JobDefinition<z.ZodObject<Record<string, never>>> = {
    name: SWEEP_ABANDONED_UPLOADS,
    schema: z.object({}),
    handle: async () => void (await service.sweepAbandonedUploads()),
  };
  return [processPhoto, deleteObjects, eraseArchived, sweep] as JobDefinition[];
}

export const mediaSchedules: Schedule[] = [{ name: 'media.sweep-abandoned-uploads.hourly', cron: '17 * * * *', job: SWEEP_ABANDONED_UPLOADS, payload: {} }];
