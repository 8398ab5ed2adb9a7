import { defineModule, type Principal } from '@immo/platform';
import type { CreateListingInput, ListingSnapshot, ListingsApi } from './contract.ts';

// Test support for other modules: the listings module's contract (ListingsApi)
// over an in-memory map, so messaging, visits and notifications can be tested
// without the listings module's storage and its own dependencies; and a
// listing body for route tests that create listings over HTTP.

/**
 * A listing POST /v1/listings accepts as it is: a two-bedroom flat to rent in
 * Liège (4000, Walloon EPC scale), with the owner's contact.
 */
export function liegeFlatToRent(overrides: Partial<CreateListingInput> = {}): CreateListingInput {
  return {
    transaction: 'rent',
    type: 'apartment',
    price: 1_150,
    charges: 120,
    address: { street: 'Rue Saint-Gilles', number: '21', postalCode: '4000', communeNis: '62063' },
    livingArea: 78,
    rooms: 3,
    bedrooms: 2,
    bathrooms: 1,
    epc: { label: 'C', kwh: 230, certificate: '20260115012345' },
    features: ['balcony', 'cellar'],
    language: 'fr',
    title: { fr: 'Appartement 2 chambres avec balcon, Liège centre' },
    description: { fr: 'À deux pas du Carré.' },
    contact: { name: 'Luc Martin', phone: '+32470000001' },
    ...overrides,
  };
}

export function fakeListing(id: string, ownerId: string, agencyId: string | null = null): ListingSnapshot {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id, version: 1, status: 'published', transaction: 'sale', type: 'house', price: 350_000, charges: null, ownerId, agencyId,
    address: { street: 'Rue de la Loi', number: '16', box: null, postalCode: '1000', communeNis: '21004', hidden: false },
    region: 'brussels', provinceNis: null, communeNis: '21004', postalCode: '1000', communeName: { fr: 'Bruxelles', nl: 'Brussel' },
    lat: 50.85, lon: 4.35, livingArea: 120, landArea: null, rooms: 5, bedrooms: 3, bathrooms: 1, yearBuilt: 1930, condition: 'good',
    epc: null, features: [], availableFrom: null, language: 'fr', title: { fr: 'Maison de maître' }, description: {}, photos: [],
    coverPhotoId: null, publishedAt: now, refreshedAt: null, createdAt: now, updatedAt: now,
  };
}

export function fakeListingsModule() {
  const listings = new Map<string, ListingSnapshot>();
  const api: ListingsApi = {
    async get(id) {
      return listings.get(id);
    },
    async getMany(ids) {
      return ids.flatMap((id) => listings.get(id) ?? []);
    },
    async snapshotsForReindex() {
      return [];
    },
    async isOwnerOrAgent(principal: Principal, id: string) {
      const l = listings.get(id);
      return !!l && (l.ownerId === principal.userId || (!!l.agencyId && principal.agencies.some((a) => a.agencyId === l.agencyId)));
    },
    async readFor(_principal, id) {
      return listings.get(id);
    },
    async priceHistories(_principal, ids) {
      return ids.map((id) => (listings.has(id) ? [] : undefined));
    },
  };
  return {
    module: defineModule<ListingsApi>({ name: 'listings', create: () => ({ api }) }),
    add(listing: ListingSnapshot) {
      listings.set(listing.id, listing);
      return listing;
    },
  };
}
