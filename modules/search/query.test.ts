import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListingSnapshot } from '@immo/listings';
import { epcRank, searchQuery, SORTS, type SearchQuery, type Sort } from './contract.ts';
import { searchHarness, type SearchHarness } from './fixtures/harness.ts';
import { generateFiller, geo } from './fixtures/listings.ts';

// Filters, facets, sorts and keyset pages, the map and suggestions, checked
// against a plain TypeScript reading of the same seeded listings.

let h: SearchHarness;
const listings = generateFiller({ count: 250, seed: 7, firstN: 1, communes: geo.communes().filter((c) => c.region === 'brussels' || c.province?.nis === '20001' || c.nis === '62063') });
beforeAll(async () => {
  h = await searchHarness();
  await h.load(listings);
}, 120_000);
afterAll(() => h.close());

/** Every page of a search, following the cursors. */
async function allPages(query: SearchQuery, limit = 7) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const result = await h.service.search({ ...query, limit, cursor, facets: false });
    ids.push(...result.items.map((i) => i.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

const haversineKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const r = (d: number) => (d * Math.PI) / 180;
  const x = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
};

describe('filters', () => {
  const cases: [string, SearchQuery, (l: ListingSnapshot) => boolean][] = [
    ['rentals', { transaction: 'rent' }, (l) => l.transaction === 'rent'],
    ['houses and villas for sale between 200k and 500k', { transaction: 'sale', types: ['house', 'villa'], priceMin: 200_000, priceMax: 500_000 }, (l) => l.transaction === 'sale' && ['house', 'villa'].includes(l.type) && l.price >= 200_000 && l.price <= 500_000],
    ['3+ bedrooms, 100–200 m²', { bedroomsMin: 3, livingAreaMin: 100, livingAreaMax: 200 }, (l) => (l.bedrooms ?? -1) >= 3 && (l.livingArea ?? -1) >= 100 && (l.livingArea ?? Infinity) <= 200],
    ['land of 1000 m² or more', { landAreaMin: 1000 }, (l) => (l.landArea ?? 0) >= 1000],
    ['EPC C or better, in every region', { epcMax: 'C' }, (l) => epcRank(l.epc?.label) !== null && epcRank(l.epc?.label)! <= epcRank('C')!],
    ['garden and terrace', { features: ['garden', 'terrace'] }, (l) => l.features.includes('garden') && l.features.includes('terrace')],
    ['Flanders', { region: 'flanders' }, (l) => l.region === 'flanders'],
    ['province of Flemish Brabant', { province: '20001' }, (l) => l.provinceNis === '20001'],
    ['two communes', { communes: ['21009', '62063'] }, (l) => ['21009', '62063'].includes(l.communeNis)],
    ['postal codes', { postalCodes: ['1050', '4000'] }, (l) => ['1050', '4000'].includes(l.postalCode)],
    ['a bounding box', { bbox: [4.3, 50.8, 4.4, 50.86] }, (l) => l.lon >= 4.3 && l.lon <= 4.4 && l.lat >= 50.8 && l.lat <= 50.86],
    ['5 km around the Grand-Place', { near: { lat: 50.8467, lon: 4.3525, radiusKm: 5 } }, (l) => haversineKm(l, { lat: 50.8467, lon: 4.3525 }) <= 5],
  ];
  it.each(cases)('%s: every page together is exactly the matching set', async (_name, query, oracle) => {
    const expected = listings.filter((l) => oracle(l)).map((l) => l.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    const ids = await allPages(query, 25);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected);
  });

  it('keeps a polygon exact: a triangle, not its bounding box', async () => {
    const triangle: [number, number][] = [[4.3, 50.8], [4.45, 50.8], [4.3, 50.9]];
    const inside = (l: ListingSnapshot) => {
      // the triangle's hypotenuse: lat - 50.8 <= (4.45 - lon) * (0.1 / 0.15)
      return l.lon >= 4.3 && l.lat >= 50.8 && l.lat - 50.8 <= ((4.45 - l.lon) * 0.1) / 0.15;
    };
    const expected = listings.filter(inside).map((l) => l.id).sort();
    const inBox = listings.filter((l) => l.lon >= 4.3 && l.lon <= 4.45 && l.lat >= 50.8 && l.lat <= 50.9).length;
    expect(expected.length).toBeGreaterThan(0);
    expect(inBox).toBeGreaterThan(expected.length);
    const ids = await allPages({ polygon: triangle }, 10);
    expect(ids.sort()).toEqual(expected);
  });

  it('refuses numbers that are not finite, and inverted boxes, with a clear message', () => {
    expect(() => searchQuery.parse({ priceMax: '1e999' })).toThrow(/priceMax must be a finite number/);
    expect(() => searchQuery.parse({ priceMin: '-Infinity' })).toThrow(/finite/);
    expect(() => searchQuery.parse({ bbox: '4.4,50.8,4.3,50.9' })).toThrow(/min < max/);
    expect(() => searchQuery.parse({ near: { lat: 50, lon: 4, radiusKm: 'Infinity' } })).toThrow(/finite/);
    expect(searchQuery.parse({ types: 'house,villa', priceMax: '300000' })).toMatchObject({ types: ['house', 'villa'], priceMax: 300_000 });
  });
});

describe('facets', () => {
  it('counts over the filtered set', async () => {
    const filtered = listings.filter((l) => l.transaction === 'sale');
    const result = await h.service.search({ transaction: 'sale', limit: 1 });
    expect(result.total).toBe(filtered.length);
    const count = (values: string[]) => {
      const m = new Map<string, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    const asObject = (items: { value: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.value, i.count]));
    expect(asObject(result.facets!.type)).toEqual(count(filtered.map((l) => l.type)));
    expect(asObject(result.facets!.features)).toEqual(count(filtered.flatMap((l) => l.features)));
    expect(asObject(result.facets!.region)).toEqual(count(filtered.map((l) => l.region)));
    expect(asObject(result.facets!.bedrooms)).toEqual(count(filtered.map((l) => (l.bedrooms === null ? 'unknown' : l.bedrooms >= 5 ? '5+' : String(l.bedrooms)))));
    expect(result.facets!.price.reduce((n, p) => n + p.count, 0)).toBe(filtered.length);
    expect(result.facets!.price.every((p) => p.value.startsWith('sale:'))).toBe(true);
    const saleBand = (price: number) => {
      const bounds = [150_000, 250_000, 350_000, 500_000, 750_000, 1_000_000];
      const i = bounds.findIndex((b) => price < b);
      return `sale:${i === -1 ? `${bounds.at(-1)}+` : `${i === 0 ? 0 : bounds[i - 1]}-${bounds[i]}`}`;
    };
    expect(asObject(result.facets!.price)).toEqual(count(filtered.map((l) => saleBand(l.price))));
    expect(asObject(result.facets!.epc)).toEqual(count(filtered.map((l) => l.epc?.label ?? 'unknown')));
    expect(result.facets!.epc.map((e) => e.value).slice(0, 2)).toEqual(['A+', 'A']);
  });

  it('counts monthly rents in their own bands', async () => {
    const result = await h.service.search({ transaction: 'rent', limit: 1 });
    expect(result.facets!.price.length).toBeGreaterThan(0);
    expect(result.facets!.price.every((p) => /^rent:(\d+-\d+|3000\+)$/.test(p.value))).toBe(true);
    expect(result.facets!.price.reduce((n, p) => n + p.count, 0)).toBe(result.total);
  });
});

describe('sorts and keyset pages', () => {
  const keyOf: Record<Exclude<Sort, 'relevance'>, (l: ListingSnapshot) => number> = {
    price_asc: (l) => l.price,
    price_desc: (l) => -l.price,
    newest: (l) => -Date.parse(l.publishedAt!),
    price_per_m2: (l) => (l.livingArea ? l.price / l.livingArea : 1e12),
  };
  it.each(SORTS.filter((s) => s !== 'relevance'))('%s: pages follow one order without duplicates or gaps', async (sort) => {
    const query: SearchQuery = { transaction: 'sale', sort };
    const ids = await allPages(query, 9);
    const byId = new Map(listings.map((l) => [l.id, l]));
    const expected = listings.filter((l) => l.transaction === 'sale');
    expect(ids.length).toBe(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ids.map((id) => keyOf[sort as keyof typeof keyOf](byId.get(id)!));
    for (let i = 1; i < keys.length; i++) expect(keys[i]! + 1e-6).toBeGreaterThanOrEqual(keys[i - 1]!);
  });

  it('relevance pages too, and a cursor of another sort is refused', async () => {
    const ids = await allPages({ q: 'appartement', sort: 'relevance' }, 4);
    const onePage = await h.service.search({ q: 'appartement', limit: 100, facets: false });
    expect(ids.length).toBe(onePage.total);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 100)).toEqual(onePage.items.map((i) => i.id));
    const first = await h.service.search({ q: 'appartement', limit: 2 });
    await expect(h.service.search({ q: 'appartement', sort: 'price_asc', cursor: first.nextCursor! })).rejects.toThrow(/sort/);
    await expect(h.service.search({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
  });
});

describe('the map', () => {
  it('returns markers in the box, and a grid of clusters when there are too many', async () => {
    const bbox: [number, number, number, number] = [4.2, 50.7, 4.5, 50.95];
    const inBox = listings.filter((l) => l.lon >= 4.2 && l.lon <= 4.5 && l.lat >= 50.7 && l.lat <= 50.95 && l.transaction === 'sale');
    const markers = await h.service.searchGeo({ bbox, transaction: 'sale', maxMarkers: 1000 });
    expect(markers.clustered).toBe(false);
    expect(markers.markers.map((m) => m.id).sort()).toEqual(inBox.map((l) => l.id).sort());
    const clusters = await h.service.searchGeo({ bbox, transaction: 'sale', maxMarkers: 10 });
    expect(clusters.clustered).toBe(true);
    expect(clusters.total).toBe(inBox.length);
    expect(clusters.clusters.reduce((n, c) => n + c.count, 0)).toBe(inBox.length);
  });
});

describe('suggest', () => {
  const labels = async (q: string, lang?: 'fr' | 'nl') => (await h.service.suggest({ q, lang })).map((s) => s.label);
  it('completes commune names in every language, without accents, with typos', async () => {
    expect((await labels('ixel'))[0]).toBe('Ixelles');
    expect((await labels('elsen', 'nl'))[0]).toBe('Elsene');
    expect((await labels('bergen'))[0]).toBe('Mons (Bergen)');
    expect((await labels('liege'))[0]).toBe('Liège');
    expect((await labels('luick', 'nl'))).toContain('Luik');
    expect((await labels('schaarbek'))).toContain('Schaerbeek (Schaarbeek)');
    expect((await labels('sint-tru', 'nl'))[0]).toBe('Sint-Truiden');
    expect((await labels('sint tru', 'nl'))[0]).toBe('Sint-Truiden');
  });
  it('completes postal codes and the streets of listings', async () => {
    expect((await labels('105'))[0]).toBe('1050 Ixelles');
    // one suggestion per street and postal code, only where a listing shows its address
    const places = new Set(listings.filter((l) => !l.address.hidden && l.address.street === 'Stationsstraat').map((l) => `${l.communeNis}:${l.postalCode}`));
    const streets = (await h.service.suggest({ q: 'stationsst', limit: 20 })).filter((s) => s.kind === 'street');
    const exact = streets.filter((s) => s.label.startsWith('Stationsstraat, '));
    expect(new Set(exact.map((s) => `${s.communeNis}:${s.postalCode}`))).toEqual(places);
    // prefix matches first, then the look-alikes found by trigrams ("Rue de la Station")
    expect(streets.slice(0, exact.length)).toEqual(exact);
  });
});
