import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Principal } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { createMediaModule, type MediaApi } from './index.ts';
import { exifHasGps, phoneJpeg, scenePhoto } from './test-photos.ts';
import { TestListings } from './test-listings.ts';

const person = (agencyId?: string): Principal => ({
  userId: newId(),
  role: agencyId ? 'agency' : 'individual',
  agencies: agencyId ? [{ agencyId, role: 'agent' }] : [],
  mfa: !!agencyId,
});

describe('media module', () => {
  let t: TestApp;
  let api: MediaApi;
  const listings = new TestListings();
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp({
      modules: [createMediaModule({ listings, agencyName: async () => 'Agence Dupont', archivedListingRetentionDays: 0 })],
    });
    api = t.modules.api<MediaApi>('media');
    photo = await phoneJpeg(await scenePhoto({ width: 2000, height: 1200, seed: 21 }));
  });
  afterAll(async () => t?.close());

  it('stores an upload, processes it in a job and serves public variants at immutable URLs', async () => {
    const owner = person();
    const listingId = newId();
    listings.add(listingId, { userId: owner.userId, public: true });

    const uploaded = await api.upload(owner, { purpose: 'listing_photo', listingId }, photo);
    expect(uploaded).toMatchObject({ status: 'processing', contentType: 'image/jpeg', isCover: true, variants: [] });
    await t.drain();

    const ready = await api.get(undefined, uploaded.id);
    expect(ready.status).toBe('ready');
    expect([ready.width, ready.height]).toEqual([2000, 1200]);
    expect(ready.variants).toHaveLength(9);
    expect(ready.placeholder?.blurhash).toBeTruthy();
    expect(ready.quality.warnings).toEqual([]);

    for (const v of ready.variants) {
      const res = await t.app.inject({ method: 'GET', url: v.url! });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toBe(v.contentType);
      const meta = await sharp(res.rawPayload).metadata();
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(exifHasGps(meta.exif)).toBe(false);
      expect(meta.exif).toBeUndefined();
      const again = await t.app.inject({ method: 'GET', url: v.url!, headers: { 'if-none-match': res.headers.etag as string } });
      expect(again.statusCode).toBe(304);
    }
  });
});
