import { sql } from 'kysely';
import type { EventBus, Executor } from '@immo/platform';
import { mediaListingPhotosChanged, type ListingPhotoRef } from './events.ts';
import { listingAssets, variantsOf } from './store.ts';
import { publicVariantPath } from './views.ts';

/**
 * What a listing shows of its photos, as the listings module keeps it: the
 * ready photos, cover first then in the owner's order, each with the URL and
 * size of its large public JPEG; and the cover (the first ready photo when
 * the chosen cover is not ready yet).
 */
export async function readyPhotoRefs(trx: Executor, listingId: string): Promise<{ photos: ListingPhotoRef[]; coverPhotoId: string | null }> {
  const ready = (await listingAssets(trx, listingId)).filter((a) => a.status === 'ready');
  const variants = await variantsOf(trx, ready.map((a) => a.id));
  const photos = ready.map((asset) => {
    const large = variants.find((v) => v.asset_id === asset.id && v.name === 'large' && v.format === 'jpeg');
    return large ? { id: asset.id, url: publicVariantPath(large), width: large.width, height: large.height } : { id: asset.id };
  });
  return { photos, coverPhotoId: ready.find((a) => a.is_cover)?.id ?? ready[0]?.id ?? null };
}

/**
 * Called in the transaction of every change to a listing's photos: if what the
 * listing should show differs from what was last announced, the next revision
 * is recorded and `media.listing.photos.changed` goes to the outbox with it.
 * The state row is locked before the photos are read, so two racing changes
 * announce in commit order and the higher revision always carries the newer
 * state. An upload still processing, or a failed one, changes nothing.
 */
export async function announceListingPhotos(events: Pick<EventBus, 'publish'>, trx: Executor, listingId: string): Promise<boolean> {
  await sql`insert into media.listing_photo_states (listing_id, revision, photos, cover_photo_id)
    values (${listingId}, 0, '[]'::jsonb, null) on conflict (listing_id) do nothing`.execute(trx);
  const { rows } = await sql<{ revision: number | string; photos: ListingPhotoRef[]; cover_photo_id: string | null }>`
    select revision, photos, cover_photo_id from media.listing_photo_states where listing_id = ${listingId} for update`.execute(trx);
  const held = rows[0]!;
  const now = await readyPhotoRefs(trx, listingId);
  if (held.cover_photo_id === now.coverPhotoId && JSON.stringify(held.photos.map(canonical)) === JSON.stringify(now.photos.map(canonical))) return false;
  const revision = Number(held.revision) + 1;
  await sql`update media.listing_photo_states
    set revision = ${revision}, photos = ${JSON.stringify(now.photos)}::jsonb, cover_photo_id = ${now.coverPhotoId}
    where listing_id = ${listingId}`.execute(trx);
  await events.publish(trx, mediaListingPhotosChanged, { listingId, revision, ...now });
  return true;
}

/** jsonb does not keep key order: compare refs field by field. */
const canonical = (p: ListingPhotoRef) => [p.id, p.url ?? null, p.width ?? null, p.height ?? null];
