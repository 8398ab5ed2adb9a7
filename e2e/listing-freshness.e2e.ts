import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpForTest } from '@immo/auth';
import { epcLabelFor } from '@immo/i18n';
import { startImmoStack, type ImmoStack } from './support/immo-stack.ts';

// The listing page is rendered once and served from cache (ISR, regenerated
// every 60 s on its own). A change of the listing must not wait for that
// timer: the server expires the page when the listing's event arrives.

let stack: ImmoStack;
let headers: Record<string, string>;
let id: string;

const page = async (locale: string) => {
  const res = await fetch(`${stack.origin}/${locale}/listing/${id}`);
  expect(res.status).toBe(200);
  return { html: await res.text(), cache: res.headers.get('x-nextjs-cache') };
};
/** The price in the page's schema.org data (what search engines read). */
const priceIn = (html: string) => Number(/"price":(\d+)/.exec(html)?.[1]);

beforeAll(async () => {
  stack = await startImmoStack();
  const app = stack.immo.app!;
  const owner = await signUpForTest(app, { emailVerified: true, phoneVerified: true });
  headers = owner.headers;
  const created = await app.inject({
    method: 'POST',
    url: '/v1/listings',
    headers,
    payload: {
      transaction: 'sale',
      type: 'house',
      price: 412_000,
      address: { street: 'Rue de la Station', number: '8', postalCode: '5000', communeNis: '92094' },
      livingArea: 150,
      bedrooms: 3,
      bathrooms: 1,
      yearBuilt: 1965,
      condition: 'good',
      epc: { label: epcLabelFor('wallonia', 240), kwh: 240, certificate: 'EPC-20260001' },
      features: ['garden'],
      language: 'fr',
      title: { fr: 'Maison 3 chambres à Namur', nl: 'Huis met 3 slaapkamers in Namen' },
      description: { fr: 'Maison familiale avec jardin, proche de la gare.', nl: 'Gezinswoning met tuin, dicht bij het station.' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  id = created.json<{ id: string }>().id;
  const published = await app.inject({ method: 'POST', url: `/v1/listings/${id}/publish`, headers, payload: {} });
  expect(published.statusCode, published.body).toBeLessThan(300);
  await stack.immo.platform.events.drain();
});

afterAll(async () => {
  await stack?.close();
});

describe('a listing page served from cache', () => {
  it('shows a new price as soon as the change is saved, in every language, not a minute later', async () => {
    expect(priceIn((await page('fr')).html)).toBe(412_000);
    // rendered once, then served from the cache
    await expect.poll(async () => (await page('fr')).cache, { timeout: 10_000 }).toBe('HIT');
    expect(priceIn((await page('nl')).html)).toBe(412_000);

    const changed = await stack.immo.app!.inject({ method: 'PUT', url: `/v1/listings/${id}`, headers, payload: { price: 389_000 } });
    expect(changed.statusCode, changed.body).toBe(200);

    // the page's own timer is 60 s: the new price shows within seconds
    const started = Date.now();
    await expect.poll(async () => priceIn((await page('fr')).html), { timeout: 10_000, interval: 250 }).toBe(389_000);
    await expect.poll(async () => priceIn((await page('nl')).html), { timeout: 10_000, interval: 250 }).toBe(389_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    // and the price history on the page has the reduction
    expect((await page('fr')).html).toMatch(/412[\s\u202f\u00a0.]000/);
  });

  it('refuses to expire pages for anybody without the server secret', async () => {
    const res = await fetch(`${stack.origin}/web-cache/revalidate?listings=${id}`, { method: 'POST', headers: { 'x-web-revalidate-secret': 'guess' } });
    expect(res.status).toBe(404);
    const anonymous = await fetch(`${stack.origin}/web-cache/revalidate?listings=${id}`, { method: 'POST' });
    expect(anonymous.status).toBe(404);
  });
});
