'use client';
import type { DragEvent } from 'react';
import { useT } from '../i18n/use-locale.ts';
import { variantUrl, type Photo } from './listing-photos.ts';

interface Props {
  photo: Photo;
  index: number;
  count: number;
  /** The first place a photo may move to: 1 behind a cover, else 0. */
  first: number;
  busy: boolean;
  onMove(from: number, to: number): void;
  onCover(photo: Photo): void;
  onDelete(photo: Photo): void;
  onDragStart(index: number): void;
  onDrop(index: number): void;
}

const button = 'rounded border border-slate-300 px-2 py-1 text-xs disabled:opacity-40 dark:border-slate-600';

/**
 * One photo: its thumbnail (or its processing state), and buttons to move it,
 * make it the cover or delete it. The cover leads the gallery, so it is not
 * moved and nothing moves before it.
 */
export function PhotoTile({ photo, index, count, first, busy, onMove, onCover, onDelete, onDragStart, onDrop }: Props) {
  const t = useT();
  const number = index + 1;
  const thumb = variantUrl(photo, 'thumbnail');
  const state = photo.status === 'ready' ? null : photo.status === 'failed' ? (photo.failure ?? t('desk.photos.failed')) : t('desk.photos.processing');
  const allow = (e: DragEvent) => e.preventDefault();
  return (
    <li
      draggable={!photo.isCover}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        onDragStart(index);
      }}
      onDragOver={allow}
      onDrop={(e) => {
        e.preventDefault();
        onDrop(index);
      }}
      aria-label={t('desk.photos.photo', { number, count })}
      data-photo-id={photo.id}
      className="flex w-44 flex-col gap-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700"
    >
      <div className="relative flex aspect-[4/3] items-center justify-center overflow-hidden rounded bg-slate-100 text-center text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
        {thumb?.url ? <img src={thumb.url} alt={t('desk.photos.photo', { number, count })} className="h-full w-full cursor-move object-cover" /> : <span role="status">{state}</span>}
        {photo.isCover && <span className="absolute left-1 top-1 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('desk.photos.cover')}</span>}
      </div>
      {photo.status === 'ready' && state === null && photo.quality.warnings.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">{photo.quality.warnings.map((w) => t(w === 'blurry' ? 'desk.photos.blurry' : 'desk.photos.lowResolution')).join(' · ')}</p>
      )}
      <div className="flex flex-wrap gap-1">
        <button type="button" className={button} disabled={busy || photo.isCover || index <= first} onClick={() => onMove(index, index - 1)} aria-label={t('desk.photos.moveLeft', { number })}>
          ←
        </button>
        <button type="button" className={button} disabled={busy || photo.isCover || index >= count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('desk.photos.moveRight', { number })}>
          →
        </button>
        {!photo.isCover && (
          <button type="button" className={button} disabled={busy || photo.status !== 'ready'} onClick={() => onCover(photo)} aria-label={t('desk.photos.makeCoverOf', { number })}>
            {t('desk.photos.makeCover')}
          </button>
        )}
        <button type="button" className={`${button} text-red-700 dark:text-red-300`} disabled={busy} onClick={() => onDelete(photo)} aria-label={t('desk.photos.deleteOf', { number })}>
          {t('ui.delete')}
        </button>
      </div>
    </li>
  );
}
