import { z } from 'zod';
import { defineEvent } from '@immo/platform';
import { photoRefSchema } from '@immo/listings';
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

/** A photo as a listing keeps it (the listings contract's photo reference). */
export type ListingPhotoRef = z.infer<typeof photoRefSchema>;

/**
 * What a listing should show of its photos changed: a photo finished
 * processing, the order or the cover changed, a ready photo was deleted
 * (by its manager, with the listing, or by a GDPR erasure). Carries the whole
 * state, not the change: the ready photos cover first then in display order
 * (`url`, `width`, `height` of the large public JPEG) and the cover.
 * `revision` grows by one per announced change of that listing, in commit
 * order: a consumer keeps the highest it has applied and ignores lower ones
 * (delivery is at least once and may be out of order).
 */
export const mediaListingPhotosChanged = defineEvent(
  'media.listing.photos.changed',
  1,
  z.object({
    listingId: z.string(),
    revision: z.number().int().positive(),
    photos: z.array(photoRefSchema).max(100),
    coverPhotoId: z.string().nullable(),
  }),
);
