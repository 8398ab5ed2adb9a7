import { describe, expect, it } from 'vitest';
import { isValidEpcLabel, epcLabelFor } from '@immo/i18n';
import { listingSnapshot } from '../contract.ts';
import { checkListing, publishRefusals } from '../validation.ts';
import { geo } from '../listings.fixtures.ts';
import { generateDemoListings, generateListings } from './generate.ts';

const now = new Date('2026-11-26T00:00:00Z');
const demo = generateDemoListings({ count: 3_000, seed: 'plausible', now, communes: geo.communes() });
const flats = ['apartment', 'studio', 'duplex', 'penthouse', 'loft'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('demo listings', () => {
  it('are the same for the same seed, and a prefix of a larger run', () => {
    const a = generateListings({ count: 50, seed: 7, now, communes: geo.communes() });
    const b = generateListings({ count: 50, seed: 7, now, communes: geo.communes() });
    const longer = generateListings({ count: 80, seed: 7, now, communes: geo.communes() });
    expect(b).toEqual(a);
    expect(longer.slice(0, 50)).toEqual(a);
    const other = generateListings({ count: 50, seed: 8, now, communes: geo.communes() });
    expect(other.map((l) => l.id)).not.toEqual(a.map((l) => l.id));
  });

  it('pass the listing contract and the same validation as listings created by people', () => {
    for (const snapshot of generateListings({ count: 300, seed: 'contract', now, communes: geo.communes() })) {
      expect(listingSnapshot.safeParse(snapshot).success).toBe(true);
    }
    for (const { view } of demo) {
      const placement = checkListing({ ...view }, geo, now);
      expect(placement.region).toBe(view.region);
      if (view.status !== 'draft') expect(publishRefusals(view)).toEqual([]);
    }
  });

  it('sit in real communes at one of their postal codes, within a few km', () => {
    for (const { view } of demo) {
      const commune = geo.commune(view.communeNis)!;
      expect(geo.postalCodeBelongs(view.postalCode, commune.nis)).toBe(true);
      expect(view.provinceNis).toBe(commune.province?.nis ?? null);
      expect(Math.abs(view.lat - commune.lat)).toBeLessThan(0.2);
      expect(Math.abs(view.lon - commune.lon)).toBeLessThan(0.3);
    }
  });

  it('lean towards populous communes and split about 70 % sale / 30 % rent', () => {
    const byCommune = new Map<string, number>();
    for (const { view } of demo) byCommune.set(view.communeName.nl, (byCommune.get(view.communeName.nl) ?? 0) + 1);
    const top = [...byCommune].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name]) => name);
    expect(top).toContain('Antwerpen');
    expect(top).toContain('Gent');
    const sale = demo.filter((d) => d.view.transaction === 'sale').length / demo.length;
    expect(sale).toBeGreaterThan(0.66);
    expect(sale).toBeLessThan(0.74);
  });

  it('price per m² like the Belgian market, per region', () => {
    const perM2 = (region: string, transaction: string, kind: 'flat' | 'house') =>
      median(
        demo
          .map((d) => d.view)
          .filter((v) => v.region === region && v.transaction === transaction && v.livingArea)
          .filter((v) => (kind === 'flat' ? flats.includes(v.type) : ['house', 'villa'].includes(v.type)))
          .map((v) => v.price / v.livingArea!),
      );
    expect(perM2('brussels', 'sale', 'flat')).toBeGreaterThan(3_500);
    expect(perM2('brussels', 'sale', 'flat')).toBeLessThan(4_500);
    expect(perM2('flanders', 'sale', 'house')).toBeGreaterThan(2_200);
    expect(perM2('flanders', 'sale', 'house')).toBeLessThan(3_100);
    expect(perM2('wallonia', 'sale', 'house')).toBeGreaterThan(1_500);
    expect(perM2('wallonia', 'sale', 'house')).toBeLessThan(2_200);
    expect(perM2('brussels', 'rent', 'flat')).toBeGreaterThan(13);
    expect(perM2('brussels', 'rent', 'flat')).toBeLessThan(19);
    for (const region of ['flanders', 'wallonia']) {
      expect(perM2(region, 'rent', 'flat')).toBeGreaterThan(9);
      expect(perM2(region, 'rent', 'flat')).toBeLessThan(15);
    }
  });

  it('carry an EPC label of their region\'s scale that matches their kWh', () => {
    for (const { view } of demo) {
      if (!view.epc) {
        expect(['land', 'garage']).toContain(view.type);
        continue;
      }
      expect(isValidEpcLabel(view.region, view.epc.label)).toBe(true);
      expect(view.epc.label).toBe(epcLabelFor(view.region, view.epc.kwh));
    }
    expect(demo.some((d) => d.view.region === 'flanders' && d.view.epc?.label === 'A++')).toBe(false);
  });

  it('speak French in Wallonia, Dutch in Flanders and both in Brussels', () => {
    const french = /(Le bien offre|Parcelle de|Découvrez|Situé|À vendre|À louer)/;
    const dutch = /(Het pand biedt|Perceel van|Ontdek|ligt|Te koop|Te huur)/;
    for (const { view } of demo) {
      if (view.region === 'wallonia') {
        expect(Object.keys(view.title)).toEqual(['fr']);
        expect(view.language).toBe('fr');
        expect(view.description.fr).toMatch(french);
        expect(view.description.fr).not.toMatch(dutch);
      } else if (view.region === 'flanders') {
        expect(Object.keys(view.title)).toEqual(['nl']);
        expect(view.language).toBe('nl');
        expect(view.description.nl).toMatch(dutch);
        expect(view.description.nl).not.toMatch(french);
      } else {
        expect(Object.keys(view.title).sort()).toEqual(['fr', 'nl']);
        expect(view.description.fr).toMatch(french);
        expect(view.description.nl).toMatch(dutch);
        expect(view.title[view.language]).toBeDefined();
      }
      expect(view.description.fr ?? view.description.nl).toContain(view.region === 'flanders' ? view.communeName.nl : view.communeName.fr);
    }
  });

  it('vary their titles', () => {
    const titles = new Set(demo.map((d) => d.view.title.fr ?? d.view.title.nl));
    expect(titles.size).toBeGreaterThan(demo.length * 0.6);
  });
});
