import { describe, expect, it } from 'vitest';
import { scenePhoto } from '@immo/media';
import { ARTIFACTS, screenshot, watchProblems } from './support/browser.ts';
import { call, createAgency, signUpVerified } from './support/accounts.ts';
import { withCatalogue } from './support/catalogue.ts';

// The results page renders its first page on the server (readable without
// JavaScript, no second fetch in the browser), and the listing page gets its
// composed data (photos, price history, advertiser, similar) from the GraphQL BFF.

const world = withCatalogue();

interface SearchAnswer {
  total: number;
  items: { id: string; title: Record<string, string> }[];
}

describe('results rendered on the server', () => {
  it('holds the first listings of "appartement Ixelles" in the HTML, without JavaScript', async () => {
    const expected = await call<SearchAnswer>(world.stack.origin, 'GET', `/v1/search?q=${encodeURIComponent('appartement Ixelles')}&limit=20`, { expected: 200 });
    expect(expected.total).toBeGreaterThan(3);

    const response = await fetch(`${world.stack.origin}/fr/search?q=${encodeURIComponent('appartement Ixelles')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const item of expected.items) {
      expect(html).toContain(`href="/fr/listing/${item.id}"`);
      expect(html).toContain(item.title.fr!);
    }
    expect(html).toContain(`${expected.total} résultats`);
  });

  it('hydrates the browser with that first page: no second /v1/search for it', async () => {
    const context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 860 } });
    for (const locale of ['fr', 'nl'] as const) {
      const page = await context.newPage();
      const problems = watchProblems(page);
      const searches: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/v1/search') searches.push(request.url());
      });
      await page.goto(`${world.stack.origin}/${locale}/search?q=${encodeURIComponent('appartement Ixelles')}&transaction=sale`);
      const forSale = world.listings.filter((l) => l.place === 'Ixelles' && l.type === 'apartment' && l.transaction === 'sale');
      const count = locale === 'fr' ? `${forSale.length} résultats` : `${forSale.length} resultaten`;
      expect(await page.getByTestId('result-count').textContent()).toBe(count);
      await page.getByTestId('results-map').locator('canvas').waitFor();
      await page.waitForTimeout(800);
      expect(searches).toEqual([]);
      await screenshot(page, `results-ssr-${locale}`);
      expect(problems).toEqual([]);
      await page.close();
    }
    await context.close();
  });
});

describe('listing page from the GraphQL BFF', () => {
  it('shows photos, price history, the agency and similar listings, in French and in Dutch', async () => {
    const agent = await signUpVerified(world.stack, { phone: '+32470123456' });
    const agency = await createAgency(world.stack, agent, 'Agence Flagey');
    const token = agent.accessToken;
    const created = await call<{ id: string }>(world.stack.origin, 'POST', '/v1/listings', {
      token,
      expected: 201,
      body: {
        agencyId: agency.id,
        transaction: 'sale',
        type: 'apartment',
        price: 455_000,
        address: { street: 'Rue du Bailli', number: '99', postalCode: '1050', communeNis: '21009' },
        livingArea: 96,
        bedrooms: 2,
        bathrooms: 1,
        epc: { label: 'C', kwh: 120, certificate: 'EPC-BFF-1' },
        features: ['terrace'],
        language: 'fr',
        title: { fr: 'Appartement avec terrasse place du Châtelain', nl: 'Appartement met terras aan het Kasteleinplein' },
        description: { fr: 'Deux chambres, terrasse sud.', nl: 'Twee slaapkamers, terras op het zuiden.' },
      },
    });
    const id = created.id;

    // a photo through the media module, then set on the listing as the desk does
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await scenePhoto({ width: 1200, height: 800, seed: 7 }))], { type: 'image/jpeg' }), 'salon.jpg');
    const upload = await fetch(`${world.stack.origin}/v1/media?purpose=listing_photo&listingId=${id}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(202);
    const asset = (await upload.json()) as { id: string };
    let large: { url?: string; width: number; height: number } | undefined;
    await expect
      .poll(
        async () => {
          const seen = await call<{ status: string; variants: { name: string; format: string; url?: string; width: number; height: number }[] }>(world.stack.origin, 'GET', `/v1/media/${asset.id}`, { token, expected: 200 });
          large = seen.variants.find((v) => v.name === 'large' && v.format === 'jpeg');
          return seen.status;
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe('ready');
    await call(world.stack.origin, 'PUT', `/v1/listings/${id}`, { token, expected: 200, body: { photos: [{ id: asset.id, url: large!.url, width: large!.width, height: large!.height }] } });
    await call(world.stack.origin, 'POST', `/v1/listings/${id}/publish`, { token, expected: 200 });
    await call(world.stack.origin, 'PUT', `/v1/listings/${id}`, { token, expected: 200, body: { price: 439_000 } });

    const context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const graphql: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphql.push(request.url());
    });
    for (const [locale, advertiserHeading, similarHeading, title] of [
      ['fr', 'Annonceur', 'Biens similaires', 'Appartement avec terrasse place du Châtelain'],
      ['nl', 'Adverteerder', 'Vergelijkbare panden', 'Appartement met terras'],
    ] as const) {
      await page.goto(`${world.stack.origin}/${locale}/listing/${id}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
      expect(await page.getByTestId('listing-price').textContent()).toMatch(/439[\s.\u202f]?000/);
      // the photo, loaded
      const photo = page.locator(`img[src="${large!.url}"]`);
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      // responsive: AVIF and WebP renditions offered by width, and the browser took one of the media renditions
      const sources = await page.locator('picture source').evaluateAll((els) => els.map((e) => [e.getAttribute('type'), e.getAttribute('srcset')]));
      expect(sources.map(([type]) => type)).toEqual(['image/avif', 'image/webp']);
      for (const [, set] of sources) expect(set).toMatch(/ 320w, .* 640w/);
      expect(await photo.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/v1\/(media|files)\//);
      // price history: two points
      await page.locator('#price-history').waitFor();
      // the advertiser: the agency's public card
      const advertiser = page.getByTestId('listing-advertiser');
      expect(await advertiser.getByRole('heading').textContent()).toBe(advertiserHeading);
      expect(await advertiser.textContent()).toContain('Agence Flagey');
      // similar listings from the search, this one left out
      const similar = page.getByTestId('similar-listings');
      expect(await similar.getByRole('heading', { level: 2 }).textContent()).toBe(similarHeading);
      expect(await similar.locator('li').count()).toBeGreaterThan(0);
      expect(await similar.locator(`a[href="/${locale}/listing/${id}"]`).count()).toBe(0);
      await screenshot(page, `listing-bff-${locale}`);
      await page.screenshot({ path: `${ARTIFACTS}listing-bff-${locale}-full.png`, fullPage: true });
    }
    // composed on the server: the browser never calls the BFF itself
    expect(graphql).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
