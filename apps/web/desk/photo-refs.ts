// The photos a listing shows, as the media module hands them to it
// (`media.listing.photos.changed`): the desk compares them with the listing it
// holds, to know when the listing has caught up with a photo change.
import type { paths } from '@immo/api-client';
import type { Listing } from '../api/shapes.ts';

export type Photo = paths['/v1/media/listings/{listingId}/photos']['get']['responses'][200]['content']['application/json'][number];
type PhotoRefs = { photos: { id: string; url?: string }[]; coverPhotoId: string | null };

/** The public rendition of a photo: a JPEG of the given variant (every browser shows it). */
export function variantUrl(photo: Photo, name: 'thumbnail' | 'card' | 'large') {
  const variant = photo.variants.find((v) => v.name === name && v.format === 'jpeg') ?? photo.variants.find((v) => v.name === name);
  return variant ? { url: variant.url, width: variant.width, height: variant.height } : undefined;
}

/** What the listing should carry once media told it: the ready photos (cover first, as listed) with their large JPEG, and the cover. */
export function listingPhotoRefs(photos: Photo[]): PhotoRefs {
  const ready = photos.filter((p) => p.status === 'ready');
  return {
    photos: ready.map((p) => ({ id: p.id, ...(variantUrl(p, 'large')?.url ? { url: variantUrl(p, 'large')!.url } : {}) })),
    coverPhotoId: ready.find((p) => p.isCover)?.id ?? ready[0]?.id ?? null,
  };
}

/** Same photos, same order, same cover? */
export function sameRefs(a: PhotoRefs, b: PhotoRefs) {
  return a.coverPhotoId === b.coverPhotoId && a.photos.length === b.photos.length && a.photos.every((p, i) => p.id === b.photos[i]!.id && p.url === b.photos[i]!.url);
}

/** Fields a photo change moves on the listing; any other difference is someone else's edit. */
const MOVED_BY_PHOTOS = new Set(['version', 'photos', 'coverPhotoId', 'updatedAt']);

/**
 * Is `fresh` the listing the form started from, with only its photos (and so
 * its version) moved on? Then the form may adopt its version silently; any
 * other change keeps the old version, so saving answers 409 "changed elsewhere".
 */
export function onlyPhotosMoved(base: Listing, fresh: Listing): boolean {
  const rest = (listing: Listing) => stableJson(Object.fromEntries(Object.entries(listing).filter(([key]) => !MOVED_BY_PHOTOS.has(key))));
  return base.id === fresh.id && rest(base) === rest(fresh);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
