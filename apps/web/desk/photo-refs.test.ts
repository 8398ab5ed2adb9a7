import { describe, expect, it } from 'vitest';
import type { Listing } from '../api/shapes.ts';
import { listingPhotoRefs, onlyPhotosMoved, sameRefs, type Photo } from './photo-refs.ts';

const photo = (id: string, status: Photo['status'], isCover = false) =>
  ({ id, status, isCover, variants: status === 'ready' ? [{ name: 'large', format: 'jpeg', width: 1600, height: 1067, url: `/v1/media/v/${id}.jpg` }, { name: 'large', format: 'webp', width: 1600, height: 1067, url: `/v1/media/v/${id}.webp` }] : [] }) as unknown as Photo;

const listing = (patch: Partial<Listing> = {}) =>
  ({ id: 'l1', version: 3, price: 385000, title: { fr: 'Appartement' }, address: { street: 'Rue du Bailli', number: '42' }, photos: [], coverPhotoId: null, updatedAt: '2026-11-26T10:00:00.000Z', ...patch }) as unknown as Listing;

describe('the desk and the photos the listing takes from media', () => {
  it('expects the ready photos, cover first, with their large JPEG; a chosen cover still processing gives way to the first ready one', () => {
    expect(listingPhotoRefs([photo('a', 'ready', true), photo('b', 'processing'), photo('c', 'ready')])).toEqual({
      photos: [{ id: 'a', url: '/v1/media/v/a.jpg' }, { id: 'c', url: '/v1/media/v/c.jpg' }],
      coverPhotoId: 'a',
    });
    expect(listingPhotoRefs([photo('a', 'processing', true), photo('c', 'ready')]).coverPhotoId).toBe('c');
    expect(listingPhotoRefs([photo('a', 'failed', true)])).toEqual({ photos: [], coverPhotoId: null });
  });

  it('knows when the listing has caught up (same photos, order and cover)', () => {
    const wanted = listingPhotoRefs([photo('a', 'ready', true), photo('c', 'ready')]);
    expect(sameRefs(wanted, { photos: [{ id: 'a', url: '/v1/media/v/a.jpg' }, { id: 'c', url: '/v1/media/v/c.jpg' }], coverPhotoId: 'a' })).toBe(true);
    expect(sameRefs(wanted, { photos: [{ id: 'c', url: '/v1/media/v/c.jpg' }, { id: 'a', url: '/v1/media/v/a.jpg' }], coverPhotoId: 'a' })).toBe(false);
    expect(sameRefs(wanted, { photos: [], coverPhotoId: null })).toBe(false);
  });

  it('adopts a newer listing silently only when nothing but its photos moved', () => {
    const base = listing();
    const photosOnly = listing({ version: 5, photos: [{ id: 'a', url: '/v1/media/v/a.jpg', width: 1600, height: 1067 }], coverPhotoId: 'a', updatedAt: '2026-11-26T10:05:00.000Z' });
    expect(onlyPhotosMoved(base, photosOnly)).toBe(true);
    // key order does not matter (JSON from another serialiser)
    expect(onlyPhotosMoved(base, { ...photosOnly, address: { number: '42', street: 'Rue du Bailli' } } as unknown as Listing)).toBe(true);
    // the price changed elsewhere too: keep the old version, the save answers 409
    expect(onlyPhotosMoved(base, { ...photosOnly, price: 379000 })).toBe(false);
    expect(onlyPhotosMoved(base, { ...photosOnly, title: { fr: 'Autre' } } as unknown as Listing)).toBe(false);
    expect(onlyPhotosMoved(base, { ...photosOnly, id: 'l2' })).toBe(false);
  });
});
