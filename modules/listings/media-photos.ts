import { z } from 'zod';
import { defineEvent, type Clock, type EventBus, type Executor, type Subscriber } from '@immo/platform';
import { photoRefSchema } from './contract.ts';
import { announceChange } from './events.ts';
import * as store from './store.ts';

/**
 * `media.listing.photos.changed` as listings reads it. The media module
 * publishes it (modules/media/events.ts) and depends on this module, so the
 * event is declared again here rather than imported (no package cycle); both
 * take the photo shape from `photoRefSchema`, and media's tests parse what it
 * publishes with this definition.
 */
export const listingPhotosFromMedia = defineEvent(
  'media.listing.photos.changed',
  1,
  z.object({
    listingId: z.string(),
    revision: z.number().int().positive(),
    photos: z.array(photoRefSchema).max(100),
    coverPhotoId: z.string().nullable(),
  }),
);
export type ListingPhotosFromMedia = z.infer<typeof listingPhotosFromMedia.schema>;

/**
 * Applies media's photos to the listing as a system change (no principal, any
 * status, drafts included): photos and cover set, version bumped, the usual
 * events (`listing.updated` for a listing that is or was published). Nothing
 * happens for a revision not newer than the one applied (redelivery, late
 * delivery) or for a listing that is gone; photos already equal only record
 * the revision, without a new version. Returns whether the listing changed.
 */
export async function applyMediaPhotos(deps: { events: Pick<EventBus, 'publish'>; clock: Clock }, trx: Executor, change: ListingPhotosFromMedia): Promise<boolean> {
  const row = await store.findListing(trx, change.listingId, { forUpdate: true });
  if (!row || (row.photos_revision ?? 0) >= change.revision) return false;
  if (row.cover_photo_id === change.coverPhotoId && samePhotos(row.photos, change.photos)) {
    await store.setPhotosRevision(trx, row.id, change.revision);
    return false;
  }
  const after = await store.updateListing(trx, row.id, row.version, {
    photos: change.photos,
    cover_photo_id: change.coverPhotoId,
    photos_revision: change.revision,
    updated_at: deps.clock.now(),
  });
  if (!after) throw new Error(`listing ${row.id} changed under its row lock`);
  await announceChange(deps.events, trx, row, after);
  return true;
}

export function followMediaPhotosSubscriber(
  deps: { events: Pick<EventBus, 'publish'>; clock: Clock },
  forget: (ids: string[]) => Promise<void>,
): Subscriber<typeof listingPhotosFromMedia.schema> {
  return {
    consumer: 'listings.follow-media-photos',
    event: listingPhotosFromMedia,
    async handle(change, _envelope, trx) {
      if (!(await applyMediaPhotos(deps, trx, change))) return;
      // the consumer's transaction commits after this returns: invalidate now and once more shortly after
      await forget([change.listingId]);
      setTimeout(() => void forget([change.listingId]).catch(() => undefined), 1000).unref();
    },
  };
}

type Ref = { id: string; url?: string; width?: number; height?: number };
const samePhotos = (a: Ref[], b: Ref[]) =>
  a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.url === b[i]!.url && p.width === b[i]!.width && p.height === b[i]!.height);
