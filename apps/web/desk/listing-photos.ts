'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { Photo } from './photo-refs.ts';

export { variantUrl, type Photo } from './photo-refs.ts';

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
