import { z } from 'zod';

// The product's vocabulary. Each value has a message in @immo/i18n
// (`propertyType.<value>`, `feature.<value>`, ...); a test keeps them in step.

export const LOCALES = ['fr', 'nl', 'de', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const REGIONS = ['brussels', 'flanders', 'wallonia'] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const TRANSACTIONS = ['sale', 'rent'] as const;
export const Transaction = z.enum(TRANSACTIONS);
export type Transaction = z.infer<typeof Transaction>;

export const PROPERTY_TYPES = [
  'house',
  'apartment',
  'studio',
  'duplex',
  'penthouse',
  'loft',
  'villa',
  'bungalow',
  'farmhouse',
  'student_room',
  'land',
  'office',
  'commercial',
  'industrial',
  'garage',
  'parking_space',
] as const;
export const PropertyType = z.enum(PROPERTY_TYPES);
export type PropertyType = z.infer<typeof PropertyType>;

export const FEATURES = [
  'garden',
  'terrace',
  'balcony',
  'parking',
  'garage',
  'lift',
  'cellar',
  'attic',
  'furnished',
  'swimming_pool',
  'fireplace',
  'air_conditioning',
  'solar_panels',
  'heat_pump',
  'double_glazing',
  'alarm',
  'wheelchair_accessible',
  'pets_allowed',
] as const;
export const Feature = z.enum(FEATURES);
export type Feature = z.infer<typeof Feature>;

/** Building condition, best first, as Belgian listings describe it. */
export const CONDITIONS = ['new', 'as_new', 'good', 'to_refresh', 'to_renovate', 'to_restore'] as const;
export const Condition = z.enum(CONDITIONS);
export type Condition = z.infer<typeof Condition>;

export const LISTING_STATUSES = ['draft', 'published', 'under_offer', 'sold', 'rented', 'archived'] as const;
export const ListingStatus = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** Roles, least to most powerful (same order as the platform's role checks). */
export const ROLES = ['public', 'individual', 'agency', 'admin', 'superadmin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
