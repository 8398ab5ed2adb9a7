import type { Listing } from '../api/shapes.ts';
import type { MediaPhoto } from '../bff/listing-page-query.ts';

// Wider than a phone's screen, half the page from 640 px on.
const SIZES = '(min-width: 640px) 45vw, 85vw';
/** Best first: the browser takes the first <source> whose type it decodes; JPEG is the <img> itself. */
const MODERN_FORMATS = ['avif', 'webp'] as const;

/** "url 320w, url 640w, …" of one format, smallest first. */
function srcSet(photo: MediaPhoto | undefined, format: MediaPhoto['variants'][number]['format']): string | undefined {
  const variants = (photo?.variants ?? []).filter((v) => v.format === format && v.url).sort((a, b) => a.width - b.width);
  return variants.length ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined;
}

/**
 * The listing's photos in its order, each as a <picture> whose renditions
 * (320/640/1600 px in AVIF, WebP and JPEG, from the media module) let the
 * browser fetch what the screen needs; the first is fetched eagerly, it is
 * the page's largest paint.
 */
export function PhotoGallery({ listing, media, title }: { listing: Listing; media: MediaPhoto[]; title: string }) {
  const byId = new Map(media.map((m) => [m.id, m]));
  return (
    <ul className="grid snap-x grid-flow-col auto-cols-[85%] gap-2 overflow-x-auto sm:auto-cols-[45%]">
      {listing.photos.map((photo, index) => {
        const renditions = byId.get(photo.id);
        const jpeg = srcSet(renditions, 'jpeg');
        return (
          <li key={photo.id} className="snap-start">
            <picture>
              {MODERN_FORMATS.map((format) => {
                const set = srcSet(renditions, format);
                return set ? <source key={format} type={`image/${format}`} srcSet={set} sizes={SIZES} /> : null;
              })}
              <img
                src={photo.url}
                srcSet={jpeg}
                sizes={jpeg ? SIZES : undefined}
                alt={`${title} — ${index + 1}/${listing.photos.length}`}
                width={photo.width ?? 1200}
                height={photo.height ?? 800}
                loading={index === 0 ? 'eager' : 'lazy'}
                fetchPriority={index === 0 ? 'high' : undefined}
                className="aspect-[3/2] w-full rounded-xl object-cover"
              />
            </picture>
          </li>
        );
      })}
    </ul>
  );
}
