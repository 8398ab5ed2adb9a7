import { describe, expect, it } from 'vitest';
import { createListingInput, listingSnapshot, updateListingInput } from './contract.ts';
import { listingArchived, listingPriceChanged, listingPublished, listingUpdated } from './events.ts';
import { fakeListing } from './testing.ts';

// the in-memory fake other modules test with, made complete (an EPC, features): it must satisfy the contract too
const sampleSnapshot = {
  ...fakeListing('019ac0de-0000-7000-8000-000000000001', 'u1'),
  epc: { label: 'C', kwh: 130, certificate: '20260101-0000000001-01' },
  features: ['lift', 'cellar'],
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
