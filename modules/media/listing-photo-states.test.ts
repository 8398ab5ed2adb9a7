import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest, userDeleted } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { liegeFlatToRent, listingPhotosFromMedia, listingsModule } from '@immo/listings';
import { searchModule } from '@immo/search';
import { mediaListingPhotosChanged, mediaModule, type MediaAsset } from './index.ts';
import { eventProbe } from './test-app.ts';
import { scenePhoto } from './test-photos.ts';
import { multipartFile } from './test-uploads.ts';

// A listing's photos follow the media module through `media.listing.photos.changed`,
// on the composed server with the real listings and search modules: photos
// uploaded, reordered, made cover or deleted through the media API alone
// reach GET /v1/listings/:id and the search card.

let t: TestApp;
const probe = eventProbe(mediaListingPhotosChanged);
/** What media announced for a listing, by revision: the bus may deliver two commits' events in either order. */
const announced = (listingId: string) => probe.seen.filter((e) => e.listingId === listingId).sort((a, b) => a.revision - b.revision);
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule, mediaModule, searchModule, probe.module] });
}, 120_000);
afterAll(() => t?.close());

type Headers = Record<string, string>;
type Listing = { version: number; photos: { id: string; url?: string; width?: number; height?: number }[]; coverPhotoId: string | null; updatedAt: string };
let seed = 100;

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function uploadPhoto(listingId: string, headers: Headers) {
  const body = multipartFile(await scenePhoto({ width: 640, height: 480, seed: ++seed }), 'photo.jpg', 'image/jpeg');
  const res = await t.app.inject({ method: 'POST', url: `/v1/media?purpose=listing_photo&listingId=${listingId}`, headers: { ...headers, ...body.headers }, payload: body.payload });
  expect(res.statusCode).toBe(202);
  return res.json() as MediaAsset;
}

async function draftWithPhotos(count: number) {
  const owner = await signUpForTest(t.app, { phoneVerified: true });
  const created = await send('POST', '/v1/listings', owner.headers, liegeFlatToRent());
  expect(created.statusCode).toBe(201);
  const listingId = created.json().id as string;
  const photos: MediaAsset[] = [];
  for (let i = 0; i < count; i++) photos.push(await uploadPhoto(listingId, owner.headers));
  return { owner, listingId, ids: photos.map((p) => p.id) };
}

const readListing = async (listingId: string, headers: Headers = {}) => {
  const res = await send('GET', `/v1/listings/${listingId}`, headers);
  expect(res.statusCode).toBe(200);
  return res.json() as Listing;
};
const cardCover = async (listingId: string) => {
  const items = (await send('GET', '/v1/search?transaction=rent&limit=100')).json().items as { id: string; coverPhoto: { id: string; url?: string } | null }[];
  return items.find((i) => i.id === listingId)?.coverPhoto;
};
const publishRaw = (payload: { listingId: string; revision: number; photos: Listing['photos']; coverPhotoId: string | null }) =>
  t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, mediaListingPhotosChanged, payload));

describe("a listing's photos follow the media module", () => {
  it('shows photos once processed, even on a draft, then follows cover, order and deletion into the listing and the search card', async () => {
    const { owner, listingId, ids } = await draftWithPhotos(3);
    const [a, b, c] = ids as [string, string, string];
    // still processing: the listing shows nothing yet
    expect((await readListing(listingId, owner.headers)).photos).toEqual([]);
    await t.drain();

    const draft = await readListing(listingId, owner.headers);
    expect(draft.photos.map((p) => p.id)).toEqual([a, b, c]);
    expect(draft.coverPhotoId).toBe(a);
    expect(draft.photos[0]).toMatchObject({ width: 640, height: 480 });
    expect(draft.photos[0]!.url).toMatch(/^\/v1\/media\/v\/[0-9a-f]{64}\.jpg$/);
    // the URL is the large public JPEG the media module serves
    const large = await t.app.inject({ method: 'GET', url: draft.photos[0]!.url! });
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-type']).toBe('image/jpeg');
    expect(draft.version).toBeGreaterThan(1);

    expect((await send('POST', `/v1/listings/${listingId}/publish`, owner.headers)).statusCode).toBe(200);
    await t.drain();
    expect(await cardCover(listingId)).toEqual({ id: a, url: draft.photos[0]!.url });

    // cover: b comes first, on the public page and the card
    expect((await send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: b })).statusCode).toBe(200);
    await t.drain();
    let shown = await readListing(listingId);
    expect([shown.coverPhotoId, ...shown.photos.map((p) => p.id)]).toEqual([b, b, a, c]);
    expect((await cardCover(listingId))?.id).toBe(b);

    // order (the cover stays first)
    expect((await send('PUT', `/v1/media/listings/${listingId}/photos/order`, owner.headers, { photoIds: [c, a, b] })).statusCode).toBe(200);
    await t.drain();
    shown = await readListing(listingId);
    expect(shown.photos.map((p) => p.id)).toEqual([b, c, a]);

    // deleting the cover passes it on to the next photo
    expect((await send('DELETE', `/v1/media/${b}`, owner.headers)).statusCode).toBe(204);
    await t.drain();
    shown = await readListing(listingId);
    expect([shown.coverPhotoId, ...shown.photos.map((p) => p.id)]).toEqual([c, c, a]);
    expect((await cardCover(listingId))?.id).toBe(c);

    // the same order again changes nothing: no event, no new version
    const events = announced(listingId).length;
    expect((await send('PUT', `/v1/media/listings/${listingId}/photos/order`, owner.headers, { photoIds: [c, a] })).statusCode).toBe(200);
    await t.drain();
    expect(announced(listingId)).toHaveLength(events);
    expect((await readListing(listingId)).version).toBe(shown.version);

    // every photo of the listing deleted: no photo, no cover
    expect((await send('DELETE', `/v1/media/listings/${listingId}/photos`, owner.headers)).statusCode).toBe(204);
    await t.drain();
    shown = await readListing(listingId);
    expect(shown.photos).toEqual([]);
    expect(shown.coverPhotoId).toBeNull();
    expect(await cardCover(listingId)).toBeNull();
  });

  it('announces each change once, with growing revisions, in a payload the listings module reads', async () => {
    const { owner, listingId, ids } = await draftWithPhotos(2);
    await t.drain();
    expect((await send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: ids[1] })).statusCode).toBe(200);
    await t.drain();
    const seen = announced(listingId);
    // two photos ready (one event each, in whichever order they were processed), then the cover
    expect(seen.map((e) => [e.revision, e.photos.length])).toEqual([[1, 1], [2, 2], [3, 2]]);
    expect(seen.slice(1).map((e) => [e.coverPhotoId, ...e.photos.map((p) => p.id)])).toEqual([
      [ids[0], ids[0], ids[1]],
      [ids[1], ids[1], ids[0]],
    ]);
    expect(listingPhotosFromMedia).toMatchObject({ name: mediaListingPhotosChanged.name, version: mediaListingPhotosChanged.version });
    for (const event of seen) expect(listingPhotosFromMedia.schema.parse(event)).toEqual(event);
  });

  it('ignores a repeated or late event: an older revision never brings older photos back', async () => {
    const { owner, listingId, ids } = await draftWithPhotos(2);
    await t.drain();
    expect((await send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: ids[1] })).statusCode).toBe(200);
    await t.drain();
    const current = await readListing(listingId, owner.headers);
    const [first, second, third] = announced(listingId);
    expect(third!.revision).toBe(3);

    // redelivered as new events (the bus would skip the same event id anyway), and a late older state
    await publishRaw(third!);
    await publishRaw(first!);
    await publishRaw(second!);
    await t.drain();
    const after = await readListing(listingId, owner.headers);
    expect(after).toMatchObject({ version: current.version, coverPhotoId: ids[1], photos: current.photos });

    // a newer revision with the same photos records the revision without a new version...
    await publishRaw({ ...third!, revision: 4 });
    await t.drain();
    expect((await readListing(listingId, owner.headers)).version).toBe(current.version);
    // ...so revision 4 is now too old to apply, whatever it says
    await publishRaw({ ...third!, revision: 4, photos: [], coverPhotoId: null });
    await t.drain();
    expect((await readListing(listingId, owner.headers)).photos).toHaveLength(2);
    // a listing that does not exist is left alone
    await publishRaw({ ...third!, listingId: '0195a3c2-0000-7000-8000-000000000000', revision: 9 });
    await t.drain();
    expect(await t.platform.events.pending()).toBe(0);
  });

  it('ends where media ends when changes race, each announcement with its own revision', async () => {
    const { owner, listingId, ids } = await draftWithPhotos(3);
    await t.drain();
    // racing covers and orders (on PostgreSQL they run at once; the state row puts them in line)
    const sent = await Promise.all([
      send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: ids[1] }),
      send('PUT', `/v1/media/listings/${listingId}/photos/order`, owner.headers, { photoIds: [ids[2], ids[1], ids[0]] }),
      send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: ids[2] }),
      send('PUT', `/v1/media/listings/${listingId}/photos/order`, owner.headers, { photoIds: [ids[0], ids[2], ids[1]] }),
      send('PUT', `/v1/media/listings/${listingId}/cover`, owner.headers, { photoId: ids[0] }),
    ]);
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    await t.drain();
    const media = (await send('GET', `/v1/media/listings/${listingId}/photos`, owner.headers)).json() as MediaAsset[];
    const listing = await readListing(listingId, owner.headers);
    expect(listing.photos.map((p) => p.id)).toEqual(media.map((p) => p.id));
    expect(listing.coverPhotoId).toBe(media.find((p) => p.isCover)!.id);
    const revisions = announced(listingId).map((e) => e.revision);
    expect(new Set(revisions).size).toBe(revisions.length);
  });

  it("takes a person's erased photos off their listing (user.deleted)", async () => {
    const { owner, listingId } = await draftWithPhotos(1);
    await t.drain();
    expect(announced(listingId).at(-1)?.photos).toHaveLength(1);
    await t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, userDeleted, { userId: owner.userId }));
    await t.drain();
    expect(announced(listingId).at(-1)).toMatchObject({ photos: [], coverPhotoId: null });
  });

  it('lets no stranger change what the listing shows', async () => {
    const { owner, listingId, ids } = await draftWithPhotos(2);
    await t.drain();
    expect((await send('POST', `/v1/listings/${listingId}/publish`, owner.headers)).statusCode).toBe(200);
    await t.drain();
    const before = await readListing(listingId);
    const stranger = await signUpForTest(t.app);

    expect((await send('PUT', `/v1/media/listings/${listingId}/cover`, stranger.headers, { photoId: ids[1] })).statusCode).toBe(404);
    expect((await send('PUT', `/v1/media/listings/${listingId}/photos/order`, stranger.headers, { photoIds: [ids[1], ids[0]] })).statusCode).toBe(404);
    expect((await send('DELETE', `/v1/media/${ids[0]}`, stranger.headers)).statusCode).toBe(404);
    expect((await send('DELETE', `/v1/media/listings/${listingId}/photos`, stranger.headers)).statusCode).toBe(404);
    const body = multipartFile(await scenePhoto({ width: 640, height: 480, seed: ++seed }), 'photo.jpg', 'image/jpeg');
    const upload = await t.app.inject({ method: 'POST', url: `/v1/media?purpose=listing_photo&listingId=${listingId}`, headers: { ...stranger.headers, ...body.headers }, payload: body.payload });
    expect(upload.statusCode).toBe(404);
    expect((await send('PUT', `/v1/media/listings/${listingId}/cover`, {}, { photoId: ids[1] })).statusCode).toBe(401);
    await t.drain();

    expect(await readListing(listingId)).toEqual(before);
  });
});
