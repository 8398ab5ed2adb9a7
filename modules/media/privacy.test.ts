import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@immo/platform';
import { userDeleted } from '@immo/auth';
import { mediaTestApp, person, type MediaTestApp } from './test-app.ts';
import { exifHasGps, phoneJpeg, scenePhoto } from './test-photos.ts';

describe('private media and erasure', () => {
  let t: MediaTestApp;
  let phonePhoto: Buffer;

  beforeAll(async () => {
    t = await mediaTestApp();
    phonePhoto = await phoneJpeg(await scenePhoto({ width: 800, height: 600, seed: 77 }));
  });
  afterAll(async () => t?.close());

  it('serves attachments only through short-lived signed URLs, without their EXIF', async () => {
    const owner = person();
    const attachment = await t.api.upload(owner, { purpose: 'attachment' }, phonePhoto);
    await t.drain();
    const ready = await t.api.get(owner, attachment.id);
    expect(ready).toMatchObject({ visibility: 'private', status: 'ready' });
    expect(ready.variants.length).toBeGreaterThan(0);
    expect(ready.variants.every((v) => v.url === undefined)).toBe(true);

    // nobody else sees it, not even that it exists
    expect((await t.app.inject({ method: 'GET', url: `/v1/media/${attachment.id}` })).statusCode).toBe(404);
    await expect(t.api.get(person(), attachment.id)).rejects.toMatchObject({ status: 404 });
    await expect(t.api.signedUrl(person(), attachment.id)).rejects.toMatchObject({ status: 404 });

    const signed = await t.api.signedUrl(owner, attachment.id);
    expect(signed.url).toMatch(/^\/v1\/files\/media\/private\//);
    const lifetime = new Date(signed.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);

    const res = await t.app.inject({ method: 'GET', url: signed.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const meta = await sharp(res.rawPayload).metadata();
    expect(exifHasGps(meta.exif)).toBe(false);
    expect([meta.width, meta.height]).toEqual([800, 600]); // upright again (stored sideways with orientation 6)

    const tampered = signed.url.replace(/signature=.{4}/, 'signature=AAAA');
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403);
    const otherKey = signed.url.replace('/large.', '/thumbnail.');
    expect((await t.app.inject({ method: 'GET', url: otherKey })).statusCode).toBe(403);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60_000);
      const expired = await t.app.inject({ method: 'GET', url: signed.url });
      expect(expired.statusCode).toBe(403);
      expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a PDF attachment as uploaded, behind a signed URL', async () => {
    const owner = person();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const uploaded = await t.api.upload(owner, { purpose: 'attachment' }, pdf);
    expect(uploaded).toMatchObject({ status: 'ready', contentType: 'application/pdf', variants: [] });
    const signed = await t.api.signedUrl(owner, uploaded.id);
    const res = await t.app.inject({ method: 'GET', url: signed.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(pdf)).toBe(true);
  });

  it('erases what a deleted user holds: avatar, attachments, own photos; an agency keeps its photos without their id', async () => {
    const agencyId = newId();
    const leaving = person(agencyId);
    const ownListing = newId();
    const agencyListing = newId();
    t.listings.add(ownListing, { userId: leaving.userId });
    t.listings.add(agencyListing, { userId: newId(), agencyId });
    const images = await Promise.all([1, 2, 3].map((seed) => scenePhoto({ width: 400, height: 300, seed: 500 + seed })));
    const avatar = await t.api.upload(leaving, { purpose: 'avatar' }, images[0]!);
    const attachment = await t.api.upload(leaving, { purpose: 'attachment' }, images[1]!);
    const photo = await t.api.upload(leaving, { purpose: 'listing_photo', listingId: ownListing }, images[2]!);
    const agencyPhoto = await t.api.upload(leaving, { purpose: 'listing_photo', listingId: agencyListing, agencyId }, phonePhoto);
    await t.drain();
    const keysOf = async (ids: string[]) => {
      const variants = await t.platform.db.kysely.selectFrom('media.variants').select('storage_key').where('asset_id', 'in', ids).execute();
      return [...variants.map((v) => v.storage_key), ...ids.map((id) => `media/originals/${id}`)];
    };
    const erasedKeys = await keysOf([avatar.id, attachment.id, photo.id]);
    expect(erasedKeys.length).toBeGreaterThan(3);
    expect(await t.api.exportPersonalData(leaving.userId)).toMatchObject({ media: expect.arrayContaining([expect.objectContaining({ id: avatar.id })]) });

    await t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, userDeleted, { userId: leaving.userId }));
    await t.drain();

    const left = await t.platform.db.kysely.selectFrom('media.assets').select(['id', 'owner_user_id']).where('id', 'in', [avatar.id, attachment.id, photo.id, agencyPhoto.id]).execute();
    expect(left).toEqual([{ id: agencyPhoto.id, owner_user_id: null }]);
    const stored = await t.storedKeys();
    for (const key of erasedKeys) expect(stored).not.toContain(key);
    expect(stored).toContain(`media/originals/${agencyPhoto.id}`);
    expect(await t.api.exportPersonalData(leaving.userId)).toEqual({ media: [] });
  });
});
