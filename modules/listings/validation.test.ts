import { describe, expect, it } from 'vitest';
import { Problem } from '@immo/platform';
import { checkListing, publishRefusals, type ListingFields } from './validation.ts';
import { allowedNext, transitionRefusal } from './lifecycle.ts';
import { geo } from './listings.fixtures.ts';

const today = new Date('2026-03-02T00:00:00Z');
const brusselsFlat: ListingFields = {
  transaction: 'sale',
  type: 'apartment',
  price: 300_000,
  charges: null,
  agencyId: null,
  address: { street: 'Rue Royale', number: '1', box: null, postalCode: '1000', communeNis: '21004', hidden: false },
  lat: null,
  lon: null,
  livingArea: 80,
  landArea: null,
  rooms: 3,
  bedrooms: 2,
  bathrooms: 1,
  yearBuilt: 1910,
  condition: 'good',
  epc: { label: 'C', kwh: 140, certificate: 'x' },
  features: [],
  availableFrom: null,
  language: 'fr',
  title: { fr: 'Appartement' },
  description: {},
  photos: [],
  coverPhotoId: null,
  contact: null,
};

function errorsOf(fields: Partial<ListingFields>) {
  try {
    checkListing({ ...brusselsFlat, ...fields }, geo, today);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(Problem);
    return ((error as Problem).extra.errors ?? []).map((e) => e.path);
  }
}

describe('listing rules', () => {
  it('accepts Brussels EPC sub-classes as their letter, and a label matching the kWh', () => {
    expect(errorsOf({ epc: { label: 'C+', kwh: 100, certificate: 'x' } })).toEqual([]);
    expect(errorsOf({ epc: { label: 'b-', kwh: 90, certificate: 'x' } })).toEqual([]);
    expect(errorsOf({ epc: { label: 'B', kwh: 140, certificate: 'x' } })).toEqual(['epc.kwh']);
    expect(errorsOf({ epc: { label: 'H', kwh: 900, certificate: 'x' } })).toEqual(['epc.label']);
  });

  it('uses the scale of the commune\'s region: G exists in Wallonia, not in Flanders', () => {
    expect(errorsOf({ address: { ...brusselsFlat.address, postalCode: '4000', communeNis: '62063' }, epc: { label: 'G', kwh: 600, certificate: 'x' } })).toEqual([]);
    expect(errorsOf({ address: { ...brusselsFlat.address, postalCode: '9000', communeNis: '44021' }, epc: { label: 'G', kwh: 600, certificate: 'x' } })).toEqual(['epc.label']);
  });

  it('catches an implausible price through the price per m² (a lost or extra zero)', () => {
    expect(errorsOf({ price: 20_000 })).toEqual(['price']);
    expect(errorsOf({ price: 3_500_000 })).toEqual(['price']);
    expect(errorsOf({ transaction: 'rent', price: 9_500 })).toEqual(['price']);
    expect(errorsOf({ transaction: 'rent', price: 1_250, charges: 90 })).toEqual([]);
  });

  it('knows the shapes of each type', () => {
    expect(errorsOf({ type: 'office', bedrooms: 2 })).toEqual(['bedrooms']);
    expect(errorsOf({ type: 'garage', price: 35_000, livingArea: 15, rooms: null, bedrooms: null, bathrooms: null })).toEqual([]);
    expect(errorsOf({ yearBuilt: 2040 })).toEqual(['yearBuilt']);
    expect(errorsOf({ lat: 50.85 })).toEqual(['lat']);
    expect(errorsOf({ coverPhotoId: 'p9', photos: [{ id: 'p1' }] })).toEqual(['coverPhotoId']);
    expect(errorsOf({ language: 'nl' })).toEqual(['title.nl']);
  });

  it('places a listing without coordinates at its postal code', () => {
    const placement = checkListing(brusselsFlat, geo, today);
    const point = geo.commune('21004')!.postalCodes.find((p) => p.code === '1000')!;
    expect([placement.lat, placement.lon]).toEqual([Math.round(point.lat * 1e6) / 1e6, Math.round(point.lon * 1e6) / 1e6]);
    expect(placement).toMatchObject({ region: 'brussels', provinceNis: null, communeName: { fr: 'Bruxelles', nl: 'Brussel' } });
  });

  it('needs an EPC to publish, except for land and garages', () => {
    expect(publishRefusals({ type: 'house', epc: null })).toHaveLength(1);
    expect(publishRefusals({ type: 'land', epc: null })).toEqual([]);
    expect(publishRefusals({ type: 'garage', epc: null })).toEqual([]);
  });
});

describe('the lifecycle', () => {
  it('allows only the documented moves', () => {
    expect(allowedNext('draft')).toEqual(['published', 'archived']);
    expect(transitionRefusal('draft', 'sold', 'sale')).toContain('cannot become sold');
    expect(transitionRefusal('under_offer', 'published', 'sale')).toBeUndefined();
    expect(transitionRefusal('rented', 'archived', 'rent')).toBeUndefined();
    expect(transitionRefusal('archived', 'published', 'sale')).toContain('from archived it can become draft');
    expect(transitionRefusal('published', 'published', 'sale')).toBe('The listing is already published.');
  });
});
