import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@immo/platform';
import { mediaDuplicateDetected } from './events.ts';
import { eventProbe, mediaTestApp, person, type MediaTestApp } from './test-app.ts';
import { scenePhoto } from './test-photos.ts';

describe('duplicate photos across owners', () => {
  let t: MediaTestApp;
  const probe = eventProbe(mediaDuplicateDetected);

  beforeAll(async () => {
    t = await mediaTestApp({ extra: [probe.module] });
  });
  afterAll(async () => t?.close());

  it('finds the same photo resized, recompressed and lightly cropped on another owner\'s listing, and not an unrelated one', async () => {
    const original = await scenePhoto({ width: 1200, height: 900, seed: 101 });
    const copy = await sharp(original)
      .extract({ left: 48, top: 36, width: 1104, height: 828 }) // 4 % off each side
      .resize(800)
      .jpeg({ quality: 55 })
      .toBuffer();
    const unrelated = await scenePhoto({ width: 1200, height: 900, seed: 202 });

    const honest = person();
    const fraudster = person();
    const [honestListing, fraudListing] = [newId(), newId()];
    t.listings.add(honestListing, { userId: honest.userId, public: true });
    t.listings.add(fraudListing, { userId: fraudster.userId, public: true });

    const first = await t.api.upload(honest, { purpose: 'listing_photo', listingId: honestListing }, original);
    // the owner's own second use of the photo is not fraud
    const sameOwner = await t.api.upload(honest, { purpose: 'listing_photo', listingId: honestListing }, copy);
    await t.drain();
    expect(probe.seen).toEqual([]);

    const reused = await t.api.upload(fraudster, { purpose: 'listing_photo', listingId: fraudListing }, copy);
    const other = await t.api.upload(fraudster, { purpose: 'listing_photo', listingId: fraudListing }, unrelated);
    await t.drain();

    expect(probe.seen).toHaveLength(1);
    expect(probe.seen[0]).toMatchObject({ photoId: reused.id, listingId: fraudListing });
    expect(probe.seen[0]!.matches.map((m) => m.photoId).sort()).toEqual([first.id, sameOwner.id].sort());
    expect(probe.seen[0]!.matches.find((m) => m.photoId === first.id)).toMatchObject({ ownerUserId: honest.userId, listingId: honestListing });

    const similar = await t.api.similarPhotos({ photoId: reused.id });
    expect(similar.map((s) => s.photoId)).toContain(first.id);
    expect(similar.map((s) => s.photoId)).not.toContain(other.id);
    expect(similar.find((s) => s.photoId === first.id)!.distance).toBeLessThanOrEqual(10);
    expect(await t.api.similarPhotos({ photoId: other.id })).toEqual([]);
  });

  it('searches by a 64-bit hash, with the band index for close matches', async () => {
    const owner = person();
    const listingId = newId();
    t.listings.add(listingId, { userId: owner.userId });
    const uploaded = await t.api.upload(owner, { purpose: 'listing_photo', listingId }, await scenePhoto({ width: 900, height: 600, seed: 303 }));
    await t.drain();
    const row = await t.platform.db.kysely.selectFrom('media.assets').select('dhash').where('id', '=', uploaded.id).executeTakeFirstOrThrow();
    const bits = String(row.dhash);
    const hex = BigInt(`0b${bits}`).toString(16).padStart(16, '0');
    // flip 3 bits: within the banded range (≤ 7)
    const near = [...bits].map((b, i) => ([0, 20, 40].includes(i) ? (b === '1' ? '0' : '1') : b)).join('');

    expect((await t.api.similarPhotos({ hash: hex }, 0)).map((s) => s.photoId)).toEqual([uploaded.id]);
    expect(await t.api.similarPhotos({ hash: near }, 3)).toEqual([expect.objectContaining({ photoId: uploaded.id, distance: 3 })]);
    expect(await t.api.similarPhotos({ hash: near }, 2)).toEqual([]);
  });
});
