import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { defineModule, ManualClock } from '@immo/platform';
import { authModule, signUpForTest } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { listingPhotosFromMedia, listingPriceChanged, listingsModule, listingUpdated, type ListingSnapshot } from './index.ts';
import { liegeFlatToRent } from './testing.ts';

// The listings side of `media.listing.photos.changed`, without the media
// module: the event as media would publish it, applied as a system change.

const clock = new ManualClock('2026-03-02T09:00:00Z');
const updated: ListingSnapshot[] = [];
const priceChanges: string[] = [];
const probe = defineModule({
  name: 'probe-listing-events',
  create: () => ({
    api: {},
    subscribers: [
      { consumer: 'probe.listing-updated', event: listingUpdated, handle: async ({ listing }: { listing: ListingSnapshot }) => void updated.push(listing) },
      { consumer: 'probe.listing-price-changed', event: listingPriceChanged, handle: async ({ listingId }: { listingId: string }) => void priceChanges.push(listingId) },
    ],
  }),
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule, probe], clock });
});
afterAll(() => t?.close());

type Headers = Record<string, string>;
const send = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const photosOf = (listingId: string, revision: number, ids: string[]) => ({
  listingId,
  revision,
  photos: ids.map((id) => ({ id, url: `/v1/media/v/${id.padEnd(64, '0')}.jpg`, width: 1600, height: 1067 })),
  coverPhotoId: ids[0] ?? null,
});
const mediaSays = async (change: ReturnType<typeof photosOf>) => {
  await t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, listingPhotosFromMedia, change));
  await t.drain();
};

describe('a listing follows the photos the media module announces', () => {
  it('sets a draft\'s photos without telling anyone (a draft never shown publishes nothing)', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json() as { id: string };
    await mediaSays(photosOf(id, 1, ['a1', 'a2']));
    const draft = (await send('GET', `/v1/listings/${id}`, owner.headers)).json();
    expect(draft).toMatchObject({ status: 'draft', version: 2, coverPhotoId: 'a1', photos: [{ id: 'a1', width: 1600 }, { id: 'a2' }] });
    expect(updated.filter((l) => l.id === id)).toEqual([]);
  });

  it('tells search and the others with listing.updated for a published listing, without refreshing it or touching its price', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json() as { id: string };
    expect((await send('POST', `/v1/listings/${id}/publish`, owner.headers)).statusCode).toBe(200);
    const before = (await send('GET', `/v1/listings/${id}`)).json();

    clock.advance(60_000);
    await mediaSays(photosOf(id, 1, ['b2', 'b1']));
    const after = (await send('GET', `/v1/listings/${id}`)).json();
    expect(after).toMatchObject({ version: before.version + 1, coverPhotoId: 'b2', refreshedAt: before.refreshedAt, price: before.price });
    expect(after.photos.map((p: { id: string }) => p.id)).toEqual(['b2', 'b1']);
    expect(updated.filter((l) => l.id === id).map((l) => [l.version, l.coverPhotoId])).toEqual([[before.version + 1, 'b2']]);
    expect(priceChanges).not.toContain(id);

    // a stale edit (the version read before the photos moved) is still refused: the desk re-reads first
    const stale = await send('PUT', `/v1/listings/${id}`, { ...owner.headers, 'if-match': `"${before.version}"` }, { price: 1_100 });
    expect(stale.statusCode).toBe(409);
  });

  it('applies photos to a listing in any status, with no caller to check', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json() as { id: string };
    expect((await send('POST', `/v1/listings/${id}/publish`, owner.headers)).statusCode).toBe(200);
    expect((await send('POST', `/v1/listings/${id}/status`, owner.headers, { status: 'rented' })).statusCode).toBe(200);
    await mediaSays(photosOf(id, 1, ['c1']));
    expect((await send('GET', `/v1/listings/${id}`, owner.headers)).json()).toMatchObject({ status: 'rented', coverPhotoId: 'c1' });
  });
});
