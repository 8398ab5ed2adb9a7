'use client';
import { useCallback, useEffect, useRef } from 'react';
import { ApiError, ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { Listing } from '../api/shapes.ts';
import { listingPhotoRefs, onlyPhotosMoved, sameRefs, type Photo } from './photo-refs.ts';

const ATTEMPTS = 30;
const PAUSE_MS = 700;

/**
 * The listing takes its photos from the media module by itself (the server's
 * `media.listing.photos.changed` consumer), which moves its version. After a
 * photo change the editor reads the listing again until its version moved and
 * it shows the ready photos, and adopts that copy when nothing but the photos
 * moved, so the form's next save carries the new version instead of meeting a
 * false 409. When other fields moved too (an edit elsewhere), it keeps the
 * copy the form started from: saving answers 409 and offers a reload, as
 * before. Call the returned function when a photo change is sent: the photos
 * may end as they were (moved and moved back) while the version still moves.
 */
export function useListingFollowsPhotos(listing: Listing, photos: Photo[] | undefined, adopt: (listing: Listing) => void): () => void {
  const changeSent = useRef(false);
  useEffect(() => {
    if (!photos || photos.some((p) => p.status === 'processing' || p.status === 'awaiting_upload')) return;
    const shown = sameRefs(listingPhotoRefs(photos), { photos: listing.photos, coverPhotoId: listing.coverPhotoId });
    if (shown && !changeSent.current) return;
    let cancelled = false;
    void (async () => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? PAUSE_MS / 2 : PAUSE_MS));
        if (cancelled) return;
        let fresh: Listing;
        try {
          fresh = ok(await api.GET('/v1/listings/{id}', { params: { path: { id: listing.id } } })) as Listing;
        } catch {
          continue;
        }
        if (cancelled) return;
        if (fresh.version === listing.version) continue;
        changeSent.current = false;
        // adopting re-runs this effect, which stops once the listing shows every ready photo
        if (onlyPhotosMoved(listing, fresh)) adopt(fresh);
        return;
      }
      changeSent.current = false;
    })();
    return () => {
      cancelled = true;
    };
  }, [photos, listing, adopt]);
  return useCallback(() => {
    changeSent.current = true;
  }, []);
}

/**
 * A save with the version the editor holds; when it meets a 409 because the
 * listing took new photos meanwhile (and nothing else moved), it is sent once
 * more with the new version. The backstop for a save made before the editor
 * adopted the listing's new version; any other 409 is left to the caller.
 */
export async function saveOverPhotoChanges(listing: Listing, save: (version: number) => Promise<Listing>): Promise<Listing> {
  try {
    return await save(listing.version);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const fresh = ok(await api.GET('/v1/listings/{id}', { params: { path: { id: listing.id } } })) as Listing;
    if (fresh.version === listing.version || !onlyPhotosMoved(listing, fresh)) throw error;
    return save(fresh.version);
  }
}
