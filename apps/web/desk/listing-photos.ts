'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ok, type paths } from '@immo/api-client';
import { api } from '../api/browser-client.ts';

export type Photo = paths['/v1/media/listings/{listingId}/photos']['get']['responses'][200]['content']['application/json'][number];
type PhotoRef = { id: string; url?: string; width?: number; height?: number };

const key = (listingId: string) => ['listing-photos', listingId];

/** A listing's photos with their processing state, cover first; asked again every second while one is processing. */
export function useListingPhotos(listingId: string) {
  return useQuery({
    queryKey: key(listingId),
    queryFn: async () => ok(await api.GET('/v1/media/listings/{listingId}/photos', { params: { path: { listingId } } })),
    refetchInterval: (query) => (query.state.data?.some((p) => p.status === 'processing' || p.status === 'awaiting_upload') ? 1000 : false),
  });
}

export function useSetPhotos(listingId: string) {
  const client = useQueryClient();
  return (photos: Photo[]) => client.setQueryData(key(listingId), photos);
}

/** The public rendition of a photo: a JPEG of the given variant (every browser shows it). */
export function variantUrl(photo: Photo, name: 'thumbnail' | 'card' | 'large') {
  const variant = photo.variants.find((v) => v.name === name && v.format === 'jpeg') ?? photo.variants.find((v) => v.name === name);
  return variant ? { url: variant.url, width: variant.width, height: variant.height } : undefined;
}

/**
 * What the listing itself carries (its `photos` and `coverPhotoId`, which the
 * listing page and the search cards show): the ready photos, cover first.
 */
export function listingPhotoRefs(photos: Photo[]): { photos: PhotoRef[]; coverPhotoId: string | null } {
  const ready = photos.filter((p) => p.status === 'ready');
  return {
    photos: ready.map((p) => {
      const large = variantUrl(p, 'large');
      return { id: p.id, ...(large?.url ? { url: large.url } : {}), ...(large ? { width: large.width, height: large.height } : {}) };
    }),
    coverPhotoId: ready.find((p) => p.isCover)?.id ?? ready[0]?.id ?? null,
  };
}

/** Same photos, same order, same cover? */
export function sameRefs(a: { photos: { id: string; url?: string }[]; coverPhotoId: string | null }, b: { photos: { id: string; url?: string }[]; coverPhotoId: string | null }) {
  return a.coverPhotoId === b.coverPhotoId && a.photos.length === b.photos.length && a.photos.every((p, i) => p.id === b.photos[i]!.id && p.url === b.photos[i]!.url);
}
