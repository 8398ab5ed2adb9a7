import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, Problem } from '@immo/platform';
import { exifHasGps, phoneJpeg, scenePhoto } from './test-photos.ts';
import { mediaTestApp, person, type MediaTestApp } from './test-app.ts';

describe('media module', () => {
  let t: MediaTestApp;
  let photo: Buffer;

  beforeAll(async () => {
    t = await mediaTestApp();
    photo = await phoneJpeg(await scenePhoto({ width: 2000, height: 1200, seed: 21 }));
  });
  afterAll(async () => t?.close());

  it('stores an upload, processes it in a job and serves public variants at immutable URLs', async () => {
    const owner = person();
    const listingId = newId();
    t.listings.add(listingId, { userId: owner.userId, public: true });

    const uploaded = await t.api.upload(owner, { purpose: 'listing_photo', listingId }, photo);
    expect(uploaded).toMatchObject({ status: 'processing', contentType: 'image/jpeg', isCover: true, variants: [] });
    await t.drain();

    const ready = await t.api.get(undefined, uploaded.id);
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
    // the original keeps its EXIF but is stored privately, never at a public URL
    const original = (await t.storedKeys()).filter((k) => k.startsWith('media/originals/'));
    expect(original).toEqual([`media/originals/${uploaded.id}`]);
  });

  it('refuses a file whose bytes are not an accepted type, and stores nothing', async () => {
    const owner = person();
    const listingId = newId();
    t.listings.add(listingId, { userId: owner.userId });
    const keysBefore = await t.storedKeys();
    const assetsBefore = await t.countAssets();

    const refusals = [
      Buffer.from('GIF89a\x01\x00\x01\x00 pretending to be photo.jpg'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('%PDF-1.7 a PDF is an attachment, not a listing photo'),
      // HEIC is recognised, but cannot be decoded here: the owner is told to export a JPEG
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)]),
    ];
    for (const bytes of refusals) {
      const error = await t.api.upload(owner, { purpose: 'listing_photo', listingId }, bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).status).toBe(415);
    }
    // starts like a JPEG, is not one
    const damaged = await t.api.upload(owner, { purpose: 'avatar' }, Buffer.from('\xff\xd8\xff\xe0 and then nothing', 'latin1')).catch((e: unknown) => e);
    expect((damaged as Problem).status).toBe(422);

    expect(await t.storedKeys()).toEqual(keysBefore);
    expect(await t.countAssets()).toBe(assetsBefore);
  });

  it("watermarks an agency's listing photos with its logo once it has one, else with its name", async () => {
    const agencyId = newId();
    const agent = person(agencyId);
    const listingId = newId();
    t.listings.add(listingId, { userId: newId(), agencyId });
    const small = await scenePhoto({ width: 640, height: 480, seed: 22 });
    const watermarkOf = async (id: string) =>
      (await t.platform.db.kysely.selectFrom('media.assets').select('watermark').where('id', '=', id).executeTakeFirstOrThrow()).watermark;

    const before = await t.api.upload(agent, { purpose: 'listing_photo', listingId, agencyId }, small);
    await t.drain();
    expect(await watermarkOf(before.id)).toBe('Agence Dupont');

    const logoPng = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 20, g: 60, b: 200, alpha: 1 } } }).png().toBuffer();
    const logo = await t.api.upload(agent, { purpose: 'logo', agencyId }, logoPng);
    await t.drain();
    const after = await t.api.upload(agent, { purpose: 'listing_photo', listingId, agencyId }, await scenePhoto({ width: 640, height: 480, seed: 23 }));
    await t.drain();
    expect(await t.api.get(agent, after.id)).toMatchObject({ status: 'ready' });
    expect(await watermarkOf(after.id)).toBe(`logo:${logo.id}`);
  });

  it('marks a photo that cannot be decoded as failed, with a sentence for the owner', async () => {
    const owner = person();
    const truncated = photo.subarray(0, Math.floor(photo.length / 3));
    const uploaded = await t.api.upload(owner, { purpose: 'avatar' }, truncated);
    expect(uploaded.status).toBe('processing');
    await t.drain();
    const failed = await t.api.get(owner, uploaded.id);
    expect(failed).toMatchObject({ status: 'failed', variants: [] });
    expect(failed.failure).toMatch(/could not be decoded/);
  });

  it('sweeps direct uploads that were announced and never completed', async () => {
    const owner = person();
    const pending = await t.platform.db.kysely
      .insertInto('media.assets')
      .values({ id: newId(), purpose: 'avatar', visibility: 'public', owner_user_id: owner.userId, status: 'awaiting_upload', content_type: 'image/jpeg', byte_size: 1000, original_key: 'media/originals/abandoned', created_at: new Date(Date.now() - 2 * 86_400_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.platform.storage.put('media/originals/abandoned', Buffer.from('half a PUT'));
    await t.platform.db.kysely.transaction().execute((trx) => t.platform.jobs.enqueue(trx, 'media.sweep-abandoned-uploads', {}));
    await t.drain();
    await expect(t.api.get(owner, pending.id)).rejects.toMatchObject({ status: 404 });
    expect(await t.platform.storage.head('media/originals/abandoned')).toBeUndefined();
  });

  it('refuses uploads to a listing that is not the uploader\'s', async () => {
    const listingId = newId();
    t.listings.add(listingId, { userId: newId() });
    const error = await t.api.upload(person(), { purpose: 'listing_photo', listingId }, photo).catch((e: unknown) => e);
    expect((error as Problem).status).toBe(404);
  });
});
