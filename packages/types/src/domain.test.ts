import { catalogues, LOCALES as I18N_LOCALES, REGIONS as I18N_REGIONS } from '@immo/i18n';
import { describe, expect, it } from 'vitest';
import { CONDITIONS, FEATURES, Id, ListingStatus, LISTING_STATUSES, LOCALES, PROPERTY_TYPES, REGIONS, Role, TRANSACTIONS } from './index.ts';

describe('the product vocabulary', () => {
  it('matches the languages and regions of @immo/i18n', () => {
    expect([...LOCALES]).toEqual([...I18N_LOCALES]);
    expect([...REGIONS]).toEqual([...I18N_REGIONS]);
  });
  it('has a message for every value in every language', () => {
    const keys = [
      ...TRANSACTIONS.map((v) => `transaction.${v}`),
      ...PROPERTY_TYPES.map((v) => `propertyType.${v}`),
      ...FEATURES.map((v) => `feature.${v}`),
      ...CONDITIONS.map((v) => `condition.${v}`),
      ...REGIONS.map((v) => `region.${v}`),
      ...LISTING_STATUSES.map((v) => `status.${v}`),
    ];
    for (const locale of LOCALES) for (const key of keys) expect(catalogues[locale], `${locale} ${key}`).toHaveProperty([key]);
  });
  it('parses ids, statuses and roles strictly', () => {
    expect(Id.safeParse('01936f1e-7c2a-7b3c-9d4e-5f6a7b8c9d0e').success).toBe(true);
    expect(Id.safeParse('123').success).toBe(false);
    expect(ListingStatus.safeParse('under_offer').success).toBe(true);
    expect(ListingStatus.safeParse('deleted').success).toBe(false);
    expect(Role.options).toEqual(['public', 'individual', 'agency', 'admin', 'superadmin']);
  });
});
