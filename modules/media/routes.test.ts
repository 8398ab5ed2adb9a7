import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { liegeFlatToRent, listingsModule } from '@immo/listings';
import { mediaModule, type MediaAsset } from './index.ts';
import { phoneJpeg, scenePhoto } from './test-photos.ts';
import { multipartFile } from './test-uploads.ts';

// The media routes on the composed server with the real auth, users and listings modules.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule, mediaModule] });
});
afterAll(() => t?.close());

type Headers = Record<string, string>;

const upload = (query: string, headers: Headers, file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') => {
  const body = multipartFile(file, filename, contentType);
  return t.app.inject({ method: 'POST', url: `/v1/media?${query}`, headers: { ...headers, ...body.headers }, payload: body.payload });
};

async function agencyWithListing() {
  const agent = await signUpForTest(t.app, { agencyName: 'Agence Dupont', phoneVerified: true });
  const created = await t.app.inject({ method: 'POST', url: '/v1/listings', headers: agent.headers, payload: liegeFlatToRent() });
  expect(created.statusCode).toBe(201);
  return { agent, listingId: created.json().id as string };
}

describe('media over HTTP', () => {
  it('takes a multipart photo from the listing\'s agent, processes it, and shows it to the public once the listing is published', async () => {
    const { agent, listingId } = await agencyWithListing();
    const photo = await phoneJpeg(await scenePhoto({ width: 1200, height: 800, seed: 9 }));
    const res = await upload(`purpose=listing_photo&listingId=${listingId}`, agent.headers, photo, 'IMG_0001.HEIC', 'image/heic');
    expect(res.statusCode).toBe(202);
    // the bytes decide, not the name or the declared type
    expect(res.json()).toMatchObject({ status: 'processing', contentType: 'image/jpeg', listingId });
    await t.drain();

    const mine = await t.app.inject({ method: 'GET', url: `/v1/media/listings/${listingId}/photos`, headers: agent.headers });
    expect(mine.statusCode).toBe(200);
    const [ready] = mine.json() as MediaAsset[];
    expect(ready).toMatchObject({ status: 'ready', isCover: true, width: 1200, height: 800, quality: { warnings: ['low_resolution'] } });
    expect(ready!.variants.map((v) => `${v.name}:${v.width}`)).toContain('large:1200');

    // a draft's photos are not public
    expect((await t.app.inject({ method: 'GET', url: `/v1/media/listings/${listingId}/photos` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/v1/media/${ready!.id}` })).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'POST', url: `/v1/listings/${listingId}/publish`, headers: agent.headers });
    expect(published.statusCode).toBe(200);
    const publicView = await t.app.inject({ method: 'GET', url: `/v1/media/listings/${listingId}/photos` });
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).toHaveLength(1);
    const large = ready!.variants.find((v) => v.name === 'large' && v.format === 'webp')!;
    const file = await t.app.inject({ method: 'GET', url: large.url! });
    expect(file.statusCode).toBe(200);
    expect((await sharp(file.rawPayload).metadata()).format).toBe('webp');
  });

  it('lets only the listing\'s owner or agents upload, reorder and delete', async () => {
    const { agent, listingId } = await agencyWithListing();
    const stranger = await signUpForTest(t.app);
    const photo = await scenePhoto({ width: 400, height: 300, seed: 10 });

    expect((await upload(`purpose=listing_photo&listingId=${listingId}`, {}, photo)).statusCode).toBe(401);
    const refused = await upload(`purpose=listing_photo&listingId=${listingId}`, stranger.headers, photo);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);

    const a = (await upload(`purpose=listing_photo&listingId=${listingId}`, agent.headers, photo)).json() as MediaAsset;
    const b = (await upload(`purpose=listing_photo&listingId=${listingId}`, agent.headers, await scenePhoto({ width: 400, height: 300, seed: 11 }))).json() as MediaAsset;
    await t.drain();

    const order = { method: 'PUT' as const, url: `/v1/media/listings/${listingId}/photos/order`, payload: { photoIds: [b.id, a.id] } };
    expect((await t.app.inject({ ...order, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ ...order, headers: agent.headers })).statusCode).toBe(200);
    const cover = await t.app.inject({ method: 'PUT', url: `/v1/media/listings/${listingId}/cover`, headers: agent.headers, payload: { photoId: b.id } });
    expect((cover.json() as MediaAsset[]).map((p) => [p.id, p.isCover])).toEqual([[b.id, true], [a.id, false]]);

    expect((await t.app.inject({ method: 'DELETE', url: `/v1/media/${a.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/media/${a.id}`, headers: agent.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/media/listings/${listingId}/photos`, headers: agent.headers })).statusCode).toBe(204);
    const left = await t.app.inject({ method: 'GET', url: `/v1/media/listings/${listingId}/photos`, headers: agent.headers });
    expect(left.json()).toEqual([]);

    // finding reused photos is for moderators
    expect((await t.app.inject({ method: 'GET', url: `/v1/media/${b.id}/similar`, headers: agent.headers })).statusCode).toBe(403);
  });

  it('answers problem+json for a wrong type, an oversized file or a missing file, and stores nothing', async () => {
    const person = await signUpForTest(t.app);
    const before = await t.platform.storage.list('media/');

    const gif = await upload('purpose=avatar', person.headers, Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00'), 'me.jpg', 'image/jpeg');
    expect(gif.statusCode).toBe(415);
    expect(gif.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(gif.json().detail).toMatch(/avatar must be JPEG, PNG, WebP or AVIF/);

    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5 * 1024 * 1024 + 10)]);
    const tooLarge = await upload('purpose=avatar', person.headers, huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);

    const notMultipart = await t.app.inject({ method: 'POST', url: '/v1/media?purpose=avatar', headers: { ...person.headers, 'content-type': 'application/json' }, payload: {} });
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.headers['content-type']).toMatch(/^application\/problem\+json/);

    const badPurpose = await upload('purpose=wallpaper', person.headers, Buffer.from('x'));
    expect(badPurpose.statusCode).toBe(400);
    const noListing = await upload('purpose=listing_photo', person.headers, Buffer.from('x'));
    expect(noListing.statusCode).toBe(400);

    // direct upload needs S3; the folder store says so
    const direct = await t.app.inject({ method: 'POST', url: '/v1/media/uploads', headers: person.headers, payload: { purpose: 'avatar', contentType: 'image/jpeg', byteSize: 1000 } });
    expect(direct.statusCode).toBe(409);

    expect(await t.platform.storage.list('media/')).toEqual(before);
  });

  it('hands out signed URLs for an attachment to its owner only', async () => {
    const owner = await signUpForTest(t.app);
    const other = await signUpForTest(t.app);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const res = await upload('purpose=attachment', owner.headers, pdf, 'lease.pdf', 'application/pdf');
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as MediaAsset;

    expect((await t.app.inject({ method: 'GET', url: `/v1/media/${id}/signed-url`, headers: other.headers })).statusCode).toBe(404);
    const signed = await t.app.inject({ method: 'GET', url: `/v1/media/${id}/signed-url`, headers: owner.headers });
    expect(signed.statusCode).toBe(200);
    const file = await t.app.inject({ method: 'GET', url: signed.json().url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: signed.json().url.split('?')[0] })).statusCode).toBe(400);
  });
});
