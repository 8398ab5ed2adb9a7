import { z } from 'zod';
import { defineEvent } from '@immo/platform';
import { PURPOSES } from './contract.ts';

// What media publishes. Payloads carry ids and measurements, never personal values.

/** A photo's variants are ready to show (or it failed and the owner should replace it). */
export const mediaPhotoProcessed = defineEvent(
  'media.photo.processed',
  1,
  z.object({
    photoId: z.string(),
    purpose: z.enum(PURPOSES),
    listingId: z.string().nullable(),
    status: z.enum(['ready', 'failed']),
    warnings: z.array(z.string()),
  }),
);

/**
 * The same photo (by perceptual hash) is used by another owner: resized,
 * recompressed or lightly cropped copies included. For fraud review.
 */
export const mediaDuplicateDetected = defineEvent(
  'media.duplicate.detected',
  1,
  z.object({
    photoId: z.string(),
    listingId: z.string().nullable(),
    matches: z.array(
      z.object({
        photoId: z.string(),
        listingId: z.string().nullable(),
        ownerUserId: z.string().nullable(),
        ownerAgencyId: z.string().nullable(),
        distance: z.number().int(),
      }),
    ),
  }),
);
