import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@immo/platform';
import { mediaTestApp, person, type MediaTestApp } from './test-app.ts';
import { exifHasGps, phoneJpeg, scenePhoto } from './test-photos.ts';

// Media on a real S3 API: s3rver in process checks signatures and their expiry like S3.
describe('media on S3 storage', () => {
  let dir: string;
  let server: S3rver;
  let t: MediaTestApp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'immo-media-s3-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'immo-media' }] });
    const { port } = await server.run();
    t = await mediaTestApp({
      env: { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: 'immo-media', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a direct upload through a pre-signed PUT, checks it on complete, and processes it', async () => {
    expect(t.platform.storage.kind).toBe('s3');
    const owner = person();
    const listingId = newId();
    t.listings.add(listingId, { userId: owner.userId, public: true });
    const photo = await phoneJpeg(await scenePhoto({ width: 1000, height: 700, seed: 31 }));

    const intent = await t.app.inject({ method: 'POST', url: '/v1/media/uploads', payload: { purpose: 'listing_photo', listingId, contentType: 'image/jpeg', byteSize: photo.length } });
    // unsigned callers get nothing
    expect(intent.statusCode).toBe(401);

    const started = await startDirect(owner, { purpose: 'listing_photo', listingId, contentType: 'image/jpeg', byteSize: photo.length });
    expect(started.upload.url).toMatch(/X-Amz-Signature=/);
    expect(started.asset.status).toBe('awaiting_upload');

    // completing before the PUT is a conflict, not a loss
    await expect(complete(owner, started.asset.id)).rejects.toMatchObject({ status: 409 });

    const put = await fetch(started.upload.url, { method: 'PUT', body: new Uint8Array(photo), headers: started.upload.headers });
    expect(put.status).toBe(200);
    const done = await complete(owner, started.asset.id);
    expect(done).toMatchObject({ status: 'processing', contentType: 'image/jpeg' });
    await t.drain();

    const ready = await t.api.get(undefined, started.asset.id);
    expect(ready.status).toBe('ready');
    const jpeg = ready.variants.find((v) => v.name === 'card' && v.format === 'jpeg')!;
    const res = await t.app.inject({ method: 'GET', url: jpeg.url! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(exifHasGps((await sharp(res.rawPayload).metadata()).exif)).toBe(false);
  });

  it('deletes a directly uploaded object whose bytes are not an image, with its pending asset', async () => {
    const owner = person();
    const fake = Buffer.from('MZ\x90\x00 an executable named photo.jpg');
    const started = await startDirect(owner, { purpose: 'avatar', contentType: 'image/jpeg', byteSize: fake.length });
    const put = await fetch(started.upload.url, { method: 'PUT', body: new Uint8Array(fake), headers: started.upload.headers });
    expect(put.status).toBe(200);
    expect(await t.platform.storage.head(`media/originals/${started.asset.id}`)).toBeDefined();

    await expect(complete(owner, started.asset.id)).rejects.toMatchObject({ status: 415 });
    expect(await t.platform.storage.head(`media/originals/${started.asset.id}`)).toBeUndefined();
    await expect(t.api.get(owner, started.asset.id)).rejects.toMatchObject({ status: 404 });
  });

  it('gives attachments pre-signed GET URLs that S3 refuses once expired', async () => {
    const owner = person();
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const attachment = await t.api.upload(owner, { purpose: 'attachment' }, pdf);
    const signed = await t.api.signedUrl(owner, attachment.id);
    expect(signed.url).toMatch(/X-Amz-Expires=900/);
    const ok = await fetch(signed.url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(pdf)).toBe(true);

    // signed 16 minutes ago: past its 15 minutes
    vi.useFakeTimers({ toFake: ['Date'] });
    let stale: string;
    try {
      vi.setSystemTime(Date.now() - 16 * 60_000);
      stale = (await t.api.signedUrl(owner, attachment.id)).url;
    } finally {
      vi.useRealTimers();
    }
    expect((await fetch(stale)).status).toBe(403);
  });

  const startDirect = (...args: Parameters<MediaTestApp['api']['startDirectUpload']>) => t.api.startDirectUpload(...args);
  const complete = (...args: Parameters<MediaTestApp['api']['completeDirectUpload']>) => t.api.completeDirectUpload(...args);
});
