import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { liegeFlatToRent, listingsModule } from '@immo/listings';
import { searchModule } from './index.ts';

// Search over HTTP on the composed server, fed by the real listings module:
// a listing created and published through /v1/listings is findable after
// the events are dispatched (`drain()`: the documented index lag), and a
// saved search hears about it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule, searchModule] });
}, 120_000);
afterAll(() => t?.close());

type Headers = Record<string, string>;
const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const flat = liegeFlatToRent({ title: { fr: 'Appartement 2 chambres avec balcon' } });

describe('search over HTTP', () => {
  let listingId: string;
  let savedId: string;
  let buyer: Awaited<ReturnType<typeof signUpForTest>>;

  it('finds a listing published through the listings module, by its commune in the other language', async () => {
    buyer = await signUpForTest(t.app);
    const saved = await send('POST', '/v1/saved-searches', buyer.headers, { name: 'Liège', query: { q: 'appartement Luik', transaction: 'rent', priceMax: 1100 }, alert: 'instant' });
    expect(saved.statusCode).toBe(201);
    savedId = saved.json().id;

    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const created = await send('POST', '/v1/listings', owner.headers, flat);
    expect(created.statusCode).toBe(201);
    listingId = created.json().id;
    expect((await send('POST', `/v1/listings/${listingId}/publish`, owner.headers)).statusCode).toBe(200);
    await t.drain();

    const found = await send('GET', '/v1/search?q=appartement%20Luik&transaction=rent');
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([listingId]);
    expect(found.json().facets.type).toEqual([{ value: 'apartment', count: 1 }]);
    // 1 150 is above the saved limit: no alert yet
    expect((await send('GET', `/v1/saved-searches/${savedId}/matches`, buyer.headers)).json().items).toEqual([]);

    // the price drops: the search shows the new price once dispatched, and the saved search hears of it
    const current = await send('GET', `/v1/listings/${listingId}`, owner.headers);
    const changed = await send('PUT', `/v1/listings/${listingId}`, { ...owner.headers, 'if-match': current.headers.etag as string }, { price: 1_050 });
    expect(changed.statusCode).toBe(200);
    await t.drain();
    expect((await send('GET', '/v1/search?q=Liege')).json().items[0]).toMatchObject({ id: listingId, price: 1_050 });
    const matches = await send('GET', `/v1/saved-searches/${savedId}/matches`, buyer.headers);
    expect(matches.json().items).toMatchObject([{ listingId, reason: 'price_drop', price: 1_050 }]);
  });

  it('keeps saved searches to their owner and to signed-in users', async () => {
    const stranger = await signUpForTest(t.app);
    expect((await send('GET', `/v1/saved-searches/${savedId}`, stranger.headers)).statusCode).toBe(404);
    expect((await send('DELETE', `/v1/saved-searches/${savedId}`, stranger.headers)).statusCode).toBe(404);
    expect((await send('GET', '/v1/saved-searches')).statusCode).toBe(401);
    expect((await send('GET', '/v1/saved-searches', buyer.headers)).json().items).toHaveLength(1);
    expect((await send('DELETE', `/v1/saved-searches/${savedId}`, buyer.headers)).statusCode).toBe(204);
    expect((await send('GET', `/v1/saved-searches/${savedId}`, buyer.headers)).statusCode).toBe(404);
  });

  it('answers the map, suggestions and a polygon', async () => {
    const map = await send('GET', '/v1/search/geo?bbox=5.4,50.5,5.7,50.7&type=apartment');
    expect(map.statusCode).toBe(200);
    expect(map.json()).toMatchObject({ clustered: false, markers: [{ id: listingId, price: 1_050 }] });
    const suggest = await send('GET', '/v1/search/suggest?q=luick&lang=nl');
    expect(suggest.json().items[0]).toMatchObject({ kind: 'commune', label: 'Luik', communeNis: '62063', listingCount: 1 });
    const polygon = await send('POST', '/v1/search/polygon', {}, { polygon: [[5.5, 50.6], [5.65, 50.6], [5.65, 50.7], [5.5, 50.7]] });
    expect(polygon.statusCode).toBe(200);
    expect(polygon.json().items.map((i: { id: string }) => i.id)).toEqual([listingId]);
    expect((await send('POST', '/v1/search/polygon', {}, { q: 'x' })).statusCode).toBe(400);
  });

  it('refuses numbers that are not finite with a clear 400 problem', async () => {
    for (const query of ['priceMax=1e999', 'priceMin=-Infinity', 'bbox=1,2,3', 'lat=50&lon=4&radiusKm=Infinity', 'limit=0', 'sort=cheapest']) {
      const res = await send('GET', `/v1/search?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const res = await send('GET', '/v1/search?priceMax=1e999');
    expect(res.json().detail).toMatch(/priceMax must be a finite number/);
  });
});
