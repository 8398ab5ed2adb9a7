import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, watchProblems } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { withCatalogue } from './support/catalogue.ts';

// Flow 1 of issue 7: a visitor searches "appartement Ixelles", filters, moves
// the map, opens a listing and switches to Dutch; screenshots of each page in
// fr and nl go to e2e/artifacts/.

const world = withCatalogue();
let context: BrowserContext;

beforeAll(async () => {
  context = await world.browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 860 } });
});

const resultCount = (page: Page) => page.getByTestId('result-count');

describe('a visitor looking for a flat in Ixelles', () => {
  it('searches, filters, moves the map, opens a listing and switches to Dutch', async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);

    // the language comes from the browser: fr-BE lands on /fr
    await page.goto(`${world.stack.origin}/`);
    expect(new URL(page.url()).pathname).toBe('/fr');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr-BE');
    await screenshot(page, 'home-fr');

    // live suggestions complete the commune while typing (once the page is interactive)
    await page.locator('form[role="search"][data-ready="true"]').waitFor();
    const box = page.getByRole('combobox');
    await box.fill('appartement Ixel');
    const suggestion = page.getByRole('option', { name: /Ixelles/ });
    await suggestion.first().waitFor();
    await screenshot(page, 'home-fr-suggestions');
    await suggestion.first().click();

    await page.waitForURL(/\/fr\/search\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('appartement Ixelles');
    expect(url.searchParams.get('transaction')).toBe('sale');
    const forSale = world.listings.filter((l) => l.place === 'Ixelles' && l.type === 'apartment' && l.transaction === 'sale');
    await expect.poll(() => resultCount(page).textContent(), { timeout: 15_000 }).toBe(`${forSale.length} résultats`);
    const cards = page.locator('article');
    await expect.poll(() => cards.count()).toBe(forSale.length);
    for (const text of await cards.allTextContents()) expect(text).toContain('Ixelles');
    await page.getByTestId('results-map').locator('canvas').waitFor();
    await screenshot(page, 'results-fr');

    // filters go to the URL, with their facet counts in the options
    await page.getByLabel('Chambres (minimum)').selectOption('2');
    await page.waitForURL(/bedroomsMin=2/);
    const twoPlus = forSale.filter((l) => l.bedrooms >= 2);
    await expect.poll(() => resultCount(page).textContent()).toBe(`${twoPlus.length} résultats`);
    await page.getByLabel('Prix maximum').fill('500000');
    await page.getByLabel('Prix maximum').press('Enter');
    await page.waitForURL(/priceMax=500000/);
    const affordable = twoPlus.filter((l) => l.price <= 500_000);
    await expect.poll(() => resultCount(page).textContent()).toBe(affordable.length === 1 ? '1 résultat' : `${affordable.length} résultats`);

    // the back button undoes the last filter, forward redoes it
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('priceMax'));
    await expect.poll(() => resultCount(page).textContent()).toBe(`${twoPlus.length} résultats`);
    await page.goForward();
    await page.waitForURL(/priceMax=500000/);

    // moving the map (zooming out with the wheel) puts its box into the search
    const map = page.getByTestId('results-map');
    const area = (await map.boundingBox())!;
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForURL(/bbox=/, { timeout: 15_000 });
    const bbox = new URL(page.url()).searchParams.get('bbox')!.split(',').map(Number);
    expect(bbox).toHaveLength(4);
    expect(bbox[0]).toBeLessThan(4.372);
    expect(bbox[2]).toBeGreaterThan(4.372);
    await expect.poll(() => resultCount(page).textContent()).toBe(affordable.length === 1 ? '1 résultat' : `${affordable.length} résultats`);
    await expect.poll(() => map.getAttribute('data-markers')).not.toBeNull();
    await screenshot(page, 'results-fr-filtered-map-moved');

    // open the listing: server-rendered, with its JSON-LD
    const target = affordable[0]!;
    await cards.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/fr/listing/${target.id}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ixelles');
    expect(await page.getByTestId('listing-price').textContent()).toMatch(/420\s?000\s?€/);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@type']).toBe('RealEstateListing');
    expect(jsonLd.offers).toMatchObject({ price: target.price, priceCurrency: 'EUR' });
    expect(await page.title()).toContain('Ixelles');
    await screenshot(page, 'listing-fr');

    // switch to Dutch: same listing, Dutch title, Dutch commune name
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'nl' }).click();
    await page.waitForURL(new RegExp(`/nl/listing/${target.id}$`));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl-BE');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Elsene');
    expect(await page.title()).toContain('Elsene');
    await screenshot(page, 'listing-nl');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws an area on the map and searches inside it', async () => {
    const page = await context.newPage();
    await page.goto(`${world.stack.origin}/fr/search?q=appartement+Ixelles&transaction=sale`);
    await expect.poll(() => resultCount(page).textContent(), { timeout: 15_000 }).toBe('3 résultats');
    const map = page.getByTestId('results-map');
    await map.locator('canvas').waitFor();
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Dessiner une zone' }).click();
    // four corners around the results (the map is fitted to them), clear of the buttons
    const box = (await map.boundingBox())!;
    for (const [x, y] of [[10, 70], [box.width - 60, 70], [box.width - 10, box.height - 30], [10, box.height - 30]] as const) {
      await page.mouse.click(box.x + x, box.y + y);
    }
    await page.getByRole('button', { name: 'Rechercher dans cette zone' }).click();
    await page.waitForURL(/polygon=/);
    const polygon = new URL(page.url()).searchParams.get('polygon')!.split(',');
    expect(polygon).toHaveLength(4);
    await expect.poll(() => resultCount(page).textContent()).toBe('3 résultats');
    await screenshot(page, 'results-fr-drawn-area');
    await page.getByRole('button', { name: 'Effacer la zone' }).click();
    await page.waitForURL((u) => !u.searchParams.has('polygon'));
    await page.close();
  });

  it('shows the results in Dutch with the same filters, from a shared link', async () => {
    const page = await context.newPage();
    await page.goto(`${world.stack.origin}/nl/search?q=appartement+Ixelles&transaction=sale`);
    await expect.poll(() => resultCount(page).textContent(), { timeout: 15_000 }).toMatch(/^\d+ resultaten$/);
    expect(await page.getByRole('navigation', { name: 'Taal' }).isVisible()).toBe(true);
    await page.getByTestId('results-map').locator('canvas').waitFor();
    await screenshot(page, 'results-nl');
    await page.goto(`${world.stack.origin}/nl`);
    await screenshot(page, 'home-nl');
    await page.close();
  });

  it('serves SEO files: robots.txt, sitemap.xml with every listing and its languages, the manifest', async () => {
    const robots = await (await fetch(`${world.stack.origin}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${world.stack.origin}/sitemap.xml`);
    const sitemap = await (await fetch(`${world.stack.origin}/sitemap.xml`)).text();
    for (const listing of world.listings) expect(sitemap).toContain(`/fr/listing/${listing.id}`);
    expect(sitemap).toContain('hreflang="nl-BE"');
    const manifest = await (await fetch(`${world.stack.origin}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'Immo', display: 'standalone' });
    const style = await (await fetch(`${world.stack.origin}/map-style`)).json();
    expect(style.sources.communes.data).toBe(`${world.stack.origin}/map-style/communes`);
    const communes = await (await fetch(style.sources.communes.data)).json();
    expect(communes.features.length).toBeGreaterThan(500);
  });

  it('has no serious accessibility violation on the main pages (axe-core)', async () => {
    const page = await context.newPage();
    const pages = [`/fr`, `/nl/search?q=Ixelles`, `/fr/listing/${world.listings[0]!.id}`, `/fr/account/login`];
    const found: Record<string, unknown> = {};
    for (const path of pages) {
      await page.goto(`${world.stack.origin}${path}`);
      await page.waitForLoadState('load');
      await page.locator('main').waitFor();
      await page.waitForTimeout(1500);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    await page.close();
  });
});
