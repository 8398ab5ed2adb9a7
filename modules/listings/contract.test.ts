import { describe, expect, it } from 'vitest';
import { createListingInput, listingSnapshot, updateListingInput } from './contract.ts';
import { listingArchived, listingPriceChanged, listingPublished, listingUpdated } from './events.ts';

const sampleSnapshot = {
  id: '019ac0de-0000-7000-8000-000000000001',
  version: 1,
  status: 'published',
  transaction: 'sale',
  type: 'apartment',
  price: 325_000,
  charges: null,
  ownerId: 'u1',
  agencyId: null,
  address: { street: 'Rue Haute', number: '12', box: null, postalCode: '1000', communeNis: '21004', hidden: false },
  region: 'brussels',
  provinceNis: null,
  communeNis: '21004',
  postalCode: '1000',
  communeName: { fr: 'Bruxelles', nl: 'Brussel' },
  lat: 50.84,
  lon: 4.35,
  livingArea: 85,
  landArea: null,
  rooms: 4,
  bedrooms: 2,
  bathrooms: 1,
  yearBuilt: 1930,
  condition: 'good',
  epc: { label: 'C', kwh: 130, certificate: '20260101-0000000001-01' },
  features: ['lift', 'cellar'],
  availableFrom: null,
  language: 'fr',
  title: { fr: 'Appartement 2 chambres' },
  description: { fr: 'Lumineux.' },
  photos: [],
  coverPhotoId: null,
  publishedAt: '2026-01-01T00:00:00.000Z',
  refreshedAt: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as const;

describe('listing contract', () => {
  it('accepts a complete snapshot and every event carrying it', () => {
    const listing = listingSnapshot.parse(sampleSnapshot);
    expect(listingPublished.schema.parse({ listing }).listing.id).toBe(sampleSnapshot.id);
    expect(listingUpdated.name).toBe('listing.updated');
    expect(listingPriceChanged.schema.safeParse({ listingId: listing.id, oldPrice: 1, newPrice: 2, listing }).success).toBe(true);
    expect(listingArchived.schema.safeParse({ listingId: listing.id, listing }).success).toBe(true);
  });

  it('refuses a snapshot with an unknown status or type', () => {
    expect(listingSnapshot.safeParse({ ...sampleSnapshot, status: 'deleted' }).success).toBe(false);
    expect(listingSnapshot.safeParse({ ...sampleSnapshot, type: 'castle' }).success).toBe(false);
  });

  it('says where a create command is wrong', () => {
    const result = createListingInput.safeParse({ transaction: 'sale', type: 'house', price: 1.5, language: 'fr', title: {} });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['price', 'address']));
  });

  it('accepts a partial update with a version', () => {
    expect(updateListingInput.parse({ price: 300_000, version: 3 })).toEqual({ price: 300_000, version: 3 });
  });
});
