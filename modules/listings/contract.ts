import { z } from 'zod';
import type { Principal } from '@immo/platform';

// The listing contract shared with `search` (and every surface): the public
// state of a listing (`listingSnapshot`), the commands that change it, and the
// API other modules call. Events are declared in events.ts.

export const LISTING_STATUSES = ['draft', 'published', 'under_offer', 'sold', 'rented', 'archived'] as const;
export const TRANSACTIONS = ['sale', 'rent'] as const;
export const PROPERTY_TYPES = [
  'house', 'apartment', 'studio', 'villa', 'land', 'office', 'commercial', 'garage',
  'penthouse', 'duplex', 'loft', 'farmhouse', 'mansion', 'building',
] as const;
export const CONDITIONS = ['new', 'excellent', 'good', 'to_refresh', 'to_renovate', 'to_demolish'] as const;
export const FEATURES = [
  'garden', 'terrace', 'parking', 'garage', 'lift', 'cellar', 'furnished', 'pool', 'balcony', 'fireplace',
  'solar_panels', 'heat_pump', 'accessible', 'pets_allowed', 'attic', 'air_conditioning',
] as const;
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export const LISTING_REGIONS = ['brussels', 'flanders', 'wallonia'] as const;

export const listingStatusSchema = z.enum(LISTING_STATUSES);
export const transactionSchema = z.enum(TRANSACTIONS);
export const propertyTypeSchema = z.enum(PROPERTY_TYPES);
export const conditionSchema = z.enum(CONDITIONS);
export const featureSchema = z.enum(FEATURES);
export const languageSchema = z.enum(LANGUAGES);
export const listingRegionSchema = z.enum(LISTING_REGIONS);

export type ListingStatus = z.infer<typeof listingStatusSchema>;
export type Transaction = z.infer<typeof transactionSchema>;
export type PropertyType = z.infer<typeof propertyTypeSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Feature = z.infer<typeof featureSchema>;
export type Language = z.infer<typeof languageSchema>;
export type ListingRegion = z.infer<typeof listingRegionSchema>;

/** Statuses in which the search index keeps a listing findable. */
export const INDEXABLE_STATUSES: readonly ListingStatus[] = ['published', 'under_offer'];
export const isIndexable = (status: ListingStatus) => INDEXABLE_STATUSES.includes(status);

const localizedText = (max: number) =>
  z.object({
    fr: z.string().trim().min(1).max(max).optional(),
    nl: z.string().trim().min(1).max(max).optional(),
    de: z.string().trim().min(1).max(max).optional(),
    en: z.string().trim().min(1).max(max).optional(),
  });

const nis = z.string().regex(/^\d{5}$/, 'a NIS code has five digits');
const postalCode = z.string().regex(/^[1-9]\d{3}$/, 'a Belgian postal code has four digits');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-09-01');

export const addressSchema = z.object({
  street: z.string(),
  number: z.string(),
  box: z.string().nullable(),
  postalCode,
  communeNis: nis,
  /** When true the public sees neither street nor number, and the commune centroid instead of the point. */
  hidden: z.boolean(),
});

export const epcSchema = z.object({
  label: z.string(),
  /** Primary energy use, kWh/m²/year. */
  kwh: z.number(),
  certificate: z.string(),
});

export const photoRefSchema = z.object({
  id: z.string().min(1).max(100),
  url: z.string().max(2000).optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

/** The whole public state of a listing, carried by its events. */
export const listingSnapshot = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  status: listingStatusSchema,
  transaction: transactionSchema,
  type: propertyTypeSchema,
  /** Whole euros: the sale price, or the monthly rent. */
  price: z.number().int(),
  /** Monthly charges, rentals only. */
  charges: z.number().int().nullable(),
  ownerId: z.string(),
  agencyId: z.string().nullable(),
  address: addressSchema,
  region: listingRegionSchema,
  provinceNis: z.string().nullable(),
  communeNis: z.string(),
  postalCode: z.string(),
  communeName: z.object({ fr: z.string(), nl: z.string(), de: z.string().optional() }),
  /** The exact point, or the commune centroid when the address is hidden. */
  lat: z.number(),
  lon: z.number(),
  livingArea: z.number().nullable(),
  landArea: z.number().nullable(),
  rooms: z.number().int().nullable(),
  bedrooms: z.number().int().nullable(),
  bathrooms: z.number().int().nullable(),
  yearBuilt: z.number().int().nullable(),
  condition: conditionSchema.nullable(),
  epc: epcSchema.nullable(),
  features: z.array(featureSchema),
  availableFrom: z.string().nullable(),
  language: languageSchema,
  title: localizedText(200),
  description: localizedText(10_000),
  photos: z.array(photoRefSchema),
  coverPhotoId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  refreshedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ListingSnapshot = z.infer<typeof listingSnapshot>;

/** Who to contact about the ad; shown to the owner and agents only in this version, erased on `user.deleted`. */
export const contactSchema = z.object({
  name: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  phone: z.string().trim().min(6).max(30).nullable().optional(),
});
export type ListingContact = z.infer<typeof contactSchema>;

/** What the owner and the agency's agents see: the snapshot unredacted, plus the contact. */
export const listingView = listingSnapshot.extend({
  contact: contactSchema.nullable(),
});
export type ListingView = z.infer<typeof listingView>;

// ---- commands ------------------------------------------------------------

const money = z.number().int('whole euros').nonnegative();
const count = (max: number) => z.number().int().min(0).max(max);

const listingFields = {
  transaction: transactionSchema,
  type: propertyTypeSchema,
  price: money,
  charges: money.nullable().optional(),
  agencyId: z.string().min(1).max(100).nullable().optional(),
  address: z.object({
    street: z.string().trim().min(1).max(200),
    number: z.string().trim().min(1).max(20),
    box: z.string().trim().min(1).max(20).nullable().optional(),
    postalCode,
    communeNis: nis,
    hidden: z.boolean().optional(),
  }),
  /** Give both or neither; without them the postal code's point (or the commune centroid) is used. */
  lat: z.number().min(49.4).max(51.6).optional(),
  lon: z.number().min(2.5).max(6.5).optional(),
  livingArea: z.number().positive().nullable().optional(),
  landArea: z.number().positive().nullable().optional(),
  rooms: count(200).nullable().optional(),
  bedrooms: count(100).nullable().optional(),
  bathrooms: count(50).nullable().optional(),
  yearBuilt: z.number().int().min(1000).max(2100).nullable().optional(),
  condition: conditionSchema.nullable().optional(),
  epc: z
    .object({
      label: z.string().trim().min(1).max(4),
      kwh: z.number().min(-200).max(2000),
      certificate: z.string().trim().min(1).max(60),
    })
    .nullable()
    .optional(),
  features: z.array(featureSchema).max(FEATURES.length).optional(),
  availableFrom: isoDate.nullable().optional(),
  language: languageSchema,
  title: localizedText(200),
  description: localizedText(10_000).optional(),
  photos: z.array(photoRefSchema).max(100).optional(),
  coverPhotoId: z.string().nullable().optional(),
  contact: contactSchema.nullable().optional(),
};

export const createListingInput = z.object(listingFields);
export type CreateListingInput = z.input<typeof createListingInput>;

/** A partial update; `version` (or the HTTP If-Match header) guards against lost writes. */
export const updateListingInput = z
  .object(listingFields)
  .partial()
  .extend({ version: z.number().int().positive().optional() });
export type UpdateListingInput = z.input<typeof updateListingInput>;

export const statusChangeInput = z.object({
  status: listingStatusSchema,
  version: z.number().int().positive().optional(),
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export const priceHistoryEntry = z.object({
  price: z.number().int(),
  charges: z.number().int().nullable(),
  changedAt: z.string(),
});
export type PriceHistoryEntry = z.infer<typeof priceHistoryEntry>;

// ---- the API other modules call (ctx.module<ListingsApi>('listings')) -----

export interface ListingsApi {
  /** Public read: only published / under_offer listings; redacted when the address is hidden. */
  get(id: string): Promise<ListingSnapshot | undefined>;
  /** Public read of many, in the order asked, skipping those not visible. */
  getMany(ids: string[]): Promise<ListingSnapshot[]>;
  /** Every indexable listing (published, under_offer), keyset by id, for `immo search reindex`. */
  snapshotsForReindex(afterId: string | null, limit: number): Promise<ListingSnapshot[]>;
  /** True for the owner and for members of the owning agency. */
  isOwnerOrAgent(principal: Principal, listingId: string): Promise<boolean>;
  /** What GET /v1/listings/:id shows this caller (a draft only to its owner, agents, moderators); undefined when hidden. */
  readFor(principal: Principal | undefined, id: string): Promise<ListingSnapshot | undefined>;
  /** Price histories of many listings in one query, in the order asked; undefined for a listing hidden from the caller. */
  priceHistories(principal: Principal | undefined, ids: string[]): Promise<(PriceHistoryEntry[] | undefined)[]>;
}
