import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, Problem } from '@immo/platform';
import { fakeListing, listingArchived, listingUpdated } from '@immo/listings';
import type { MediaAsset } from './contract.ts';
import { mediaTestApp, person, type MediaTestApp } from './test-app.ts';
import { scenePhoto } from './test-photos.ts';

// A listing snapshot as the listings module publishes it (only id, owner, status and version matter here).
const snapshot = (id: string, ownerId: string, status: 'published' | 'archived' | 'draft', version: number) => ({ ...fakeListing(id, ownerId), status, version });

describe("a listing's photos", () => {
  let t: MediaTestApp;
  let seed = 0;
  // distinct photos everywhere: identical bytes would share their stored renditions
  const freshImages = (count: number) => Promise.all(Array.from({ length: count }, () => scenePhoto({ width: 640, height: 480, seed: ++seed })));

  beforeAll(async () => {
    t = await mediaTestApp({ archivedListingRetentionDays: 0 });
  });
  afterAll(async () => t?.close());

  async function listingWithPhotos(count = 3) {
    const owner = person();
    const listingId = newId();
    t.listings.add(listingId, { userId: owner.userId, public: true });
    const photos: MediaAsset[] = [];
    const images = await freshImages(count);
    for (const image of images) photos.push(await t.api.upload(owner, { purpose: 'listing_photo', listingId }, image));
    await t.drain();
    return { owner, listingId, photos, images };
  }

  it('keeps the upload order, reorders on request, and puts the cover first', async () => {
    const { owner, listingId, photos } = await listingWithPhotos();
    const [a, b, c] = photos.map((p) => p.id) as [string, string, string];
    const order = async () => (await t.api.listingPhotos(undefined, listingId)).map((p) => (p.isCover ? `*${p.id}` : p.id));
    expect(await order()).toEqual([`*${a}`, b, c]);

    await t.api.reorder(owner, listingId, [c, a, b]);
    // the cover stays first whatever the order
    expect(await order()).toEqual([`*${a}`, c, b]);
    await t.api.setCover(owner, listingId, b);
    expect(await order()).toEqual([`*${b}`, c, a]);

    // every photo, once
    await expect(t.api.reorder(owner, listingId, [a, b])).rejects.toMatchObject({ status: 422 });
    await expect(t.api.reorder(owner, listingId, [a, b, c, c])).rejects.toMatchObject({ status: 422 });
    await expect(t.api.reorder(owner, listingId, [a, b, newId()])).rejects.toMatchObject({ status: 422 });
    // someone else's listing does not exist for them
    await expect(t.api.reorder(person(), listingId, [a, b, c])).rejects.toMatchObject({ status: 404 });
    await expect(t.api.setCover(person(), listingId, a)).rejects.toMatchObject({ status: 404 });
    await expect(t.api.delete(person(), a)).rejects.toMatchObject({ status: 404 });
  });

  it('passes the cover on when it is deleted, and deletes stored renditions only when no photo uses them', async () => {
    const { owner, listingId, photos, images } = await listingWithPhotos(2);
    // the same bytes again: its public renditions share their content-addressed keys
    const twin = await t.api.upload(owner, { purpose: 'listing_photo', listingId }, images[0]!);
    await t.drain();
    const [first, second] = photos as [MediaAsset, MediaAsset];
    const sharedUrls = (await t.api.get(owner, first.id)).variants.map((v) => v.url);
    expect((await t.api.get(owner, twin.id)).variants.map((v) => v.url)).toEqual(sharedUrls);

    await t.api.delete(owner, first.id);
    await t.drain();
    expect((await t.api.listingPhotos(owner, listingId)).map((p) => [p.id, p.isCover])).toEqual([[second.id, true], [twin.id, false]]);
    for (const url of sharedUrls) expect((await t.app.inject({ method: 'GET', url: url! })).statusCode).toBe(200);

    await t.api.delete(owner, twin.id);
    await t.drain();
    for (const url of sharedUrls) expect((await t.app.inject({ method: 'GET', url: url! })).statusCode).toBe(404);
    expect(await t.storedKeys()).not.toContain(`media/originals/${first.id}`);
  });

  it('erases the photos of an archived listing once the retention period is over, unless it came back meanwhile', async () => {
    const archived = await listingWithPhotos(2);
    const revived = await listingWithPhotos(1);
    const keysOf = async (listingId: string) =>
      (await t.platform.db.kysely.selectFrom('media.variants').innerJoin('media.assets', 'media.assets.id', 'media.variants.asset_id').select('storage_key').where('listing_id', '=', listingId).execute()).map((r) => r.storage_key);
    const archivedKeys = await keysOf(archived.listingId);
    expect(archivedKeys.length).toBe(2 * 9);

    await t.platform.db.kysely.transaction().execute(async (trx) => {
      await t.platform.events.publish(trx, listingArchived, { listingId: archived.listingId, listing: snapshot(archived.listingId, archived.owner.userId, 'archived', 3) });
    });
    // a stale "published" arriving late does not bring the archived listing back
    await t.platform.db.kysely.transaction().execute(async (trx) => {
      await t.platform.events.publish(trx, listingUpdated, { listing: snapshot(archived.listingId, archived.owner.userId, 'published', 2) });
    });
    // archived, then back as a draft before the erasure ran
    await t.platform.db.kysely.transaction().execute(async (trx) => {
      await t.platform.events.publish(trx, listingArchived, { listingId: revived.listingId, listing: snapshot(revived.listingId, revived.owner.userId, 'archived', 2) });
      await t.platform.events.publish(trx, listingUpdated, { listing: snapshot(revived.listingId, revived.owner.userId, 'draft', 3) });
    });
    await t.drain();

    expect(await t.api.listingPhotos(revived.owner, revived.listingId)).toHaveLength(1);
    expect(await t.api.listingPhotos(archived.owner, archived.listingId)).toEqual([]);
    const left = await t.storedKeys();
    for (const key of archivedKeys) expect(left).not.toContain(key);
    await expect(t.api.get(archived.owner, archived.photos[0]!.id)).rejects.toBeInstanceOf(Problem);
  });
});
