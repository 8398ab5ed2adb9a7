'use client';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { Listing } from '../api/shapes.ts';
import { useT } from '../i18n/use-locale.ts';
import { useListingFollowsPhotos } from './follow-listing-photos.ts';
import { useListingPhotos, useSetPhotos, type Photo } from './listing-photos.ts';
import { PhotoTile } from './photo-tile.tsx';
import { ProblemNotice } from './problem-notice.tsx';

/**
 * Photos of a listing: upload several at once (multipart, one request per
 * file), watch them being processed, reorder by drag and drop or with the
 * arrow buttons, choose the cover, delete. The listing takes the ready
 * photos in this order from the media module by itself (what the listing page
 * and the search cards show); the editor then adopts its new version.
 */
export function PhotosPanel({ listing, onListingChanged }: { listing: Listing; onListingChanged(listing: Listing): void }) {
  const t = useT();
  const photos = useListingPhotos(listing.id);
  const setPhotos = useSetPhotos(listing.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const dragged = useRef<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const items = photos.data ?? [];
  const first = items[0]?.isCover ? 1 : 0;

  const photoChangeSent = useListingFollowsPhotos(listing, photos.data, onListingChanged);

  const run = async (work: () => Promise<void>) => {
    photoChangeSent();
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (!files.length) return;
    void run(async () => {
      for (const file of files) {
        const form = new FormData();
        form.append('file', file);
        ok(
          await api.POST('/v1/media', {
            params: { query: { purpose: 'listing_photo', listingId: listing.id, ...(listing.agencyId ? { agencyId: listing.agencyId } : {}) } },
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        );
      }
      await photos.refetch();
      setAnnouncement(t('desk.photos.uploaded', { count: files.length }));
    });
  };

  const move = (from: number, to: number) => {
    if (to < first || to >= items.length || from === to) return;
    const order = [...items];
    const [photo] = order.splice(from, 1);
    order.splice(to, 0, photo!);
    setPhotos(order);
    void run(async () => {
      setPhotos(ok(await api.PUT('/v1/media/listings/{listingId}/photos/order', { params: { path: { listingId: listing.id } }, body: { photoIds: order.map((p) => p.id) } })));
      setAnnouncement(t('desk.photos.moved', { position: to + 1, count: order.length }));
    });
    focusAfterMove.current = photo!.id;
  };

  // the moved photo keeps the keyboard focus (its buttons were disabled while the order was saved)
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (busy || !focusAfterMove.current) return;
    const tile = document.querySelector(`[data-photo-id="${focusAfterMove.current}"]`);
    focusAfterMove.current = null;
    if (tile && !tile.contains(document.activeElement)) tile.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [busy, photos.data]);

  const cover = (photo: Photo) =>
    run(async () => {
      setPhotos(ok(await api.PUT('/v1/media/listings/{listingId}/cover', { params: { path: { listingId: listing.id } }, body: { photoId: photo.id } })));
      setAnnouncement(t('desk.photos.coverChosen'));
    });

  const remove = (photo: Photo) =>
    run(async () => {
      ok(await api.DELETE('/v1/media/{id}', { params: { path: { id: photo.id } } }));
      await photos.refetch();
      setAnnouncement(t('desk.photos.deleted'));
    });

  const processing = items.some((p) => p.status !== 'ready' && p.status !== 'failed');
  return (
    <section aria-labelledby="photos-title" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 id="photos-title" className="mb-2 text-lg font-semibold">
        {t('ui.photos', { count: items.length })}
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t('desk.photos.help')}</p>
      {error !== null && <ProblemNotice error={error} />}
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input ref={input} id="photo-files" type="file" accept="image/jpeg,image/png,image/webp,image/avif" multiple onChange={upload} disabled={busy} className="peer sr-only" />
        <label htmlFor="photo-files" className="cursor-pointer rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
          {t('desk.photos.add')}
        </label>
        {(busy || processing) && <span className="text-sm">{t('desk.photos.processing')}</span>}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="text-sm">{t('desk.photos.none')}</p>
      ) : (
        <ol className="flex flex-wrap gap-3">
          {items.map((photo, index) => (
            <PhotoTile
              key={photo.id}
              photo={photo}
              index={index}
              count={items.length}
              first={first}
              busy={busy}
              onMove={move}
              onCover={(p) => void cover(p)}
              onDelete={(p) => void remove(p)}
              onDragStart={(i) => (dragged.current = i)}
              onDrop={(i) => {
                if (dragged.current !== null) move(dragged.current, Math.max(i, first));
                dragged.current = null;
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
