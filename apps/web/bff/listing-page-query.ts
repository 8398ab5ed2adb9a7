import { z } from 'zod';
import type { Listing, PriceHistory } from '../api/shapes.ts';

/**
 * Everything the listing page shows, in one GraphQL call: the listing as the
 * REST read gives it, its price history, the advertiser and similar listings.
 * Asked without a locale: the page picks the language, so one cached answer
 * serves /fr, /nl, /de and /en.
 */
export const LISTING_PAGE_QUERY = /* GraphQL */ `
  query ListingPage($id: ID!) {
    listing(id: $id) {
      id version status transaction type price charges ownerId agencyId
      address { street number box postalCode communeNis hidden }
      region provinceNis communeNis postalCode communeName { fr nl de }
      lat lon livingArea landArea rooms bedrooms bathrooms yearBuilt condition
      epc { label kwh certificate }
      features availableFrom language
      title { fr nl de en }
      description { fr nl de en }
      photos { id url width height }
      coverPhotoId publishedAt refreshedAt createdAt updatedAt
      priceHistory { price charges changedAt }
      advertiser { kind name logoUrl }
      media { id variants { format width url } }
      similar(limit: 4) {
        id transaction type price bedrooms livingArea epcLabel postalCode
        communeName { fr nl de }
        title { fr nl de en }
        coverPhotoUrl
      }
    }
  }
`;

// GraphQL answers null where REST leaves a key out: back to optional here, so
// the page's helpers (title, JSON-LD) take the same Listing shape as before.
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const texts = z.object({ fr: optional(z.string()), nl: optional(z.string()), de: optional(z.string()), en: optional(z.string()) });
const commune = z.object({ fr: z.string(), nl: z.string(), de: optional(z.string()) });

const TYPES = ['house', 'apartment', 'studio', 'villa', 'land', 'office', 'commercial', 'garage', 'penthouse', 'duplex', 'loft', 'farmhouse', 'mansion', 'building'] as const;
const FEATURES = ['garden', 'terrace', 'parking', 'garage', 'lift', 'cellar', 'furnished', 'pool', 'balcony', 'fireplace', 'solar_panels', 'heat_pump', 'accessible', 'pets_allowed', 'attic', 'air_conditioning'] as const;
const CONDITIONS = ['new', 'excellent', 'good', 'to_refresh', 'to_renovate', 'to_demolish'] as const;
// The API's own enums (generated types) must fit in these, or a listing of a
// new type would fail this page's parse: the compiler checks it here.
type Fits<A, B> = [A] extends [B] ? true : false;
const apiEnumsFit: [Fits<Listing['type'], (typeof TYPES)[number]>, Fits<Listing['features'][number], (typeof FEATURES)[number]>, Fits<NonNullable<Listing['condition']>, (typeof CONDITIONS)[number]>] = [true, true, true];
void apiEnumsFit;

const listing = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published', 'under_offer', 'sold', 'rented', 'archived']),
  transaction: z.enum(['sale', 'rent']),
  type: z.enum(TYPES),
  price: z.number(),
  charges: z.number().nullable(),
  ownerId: z.string(),
  agencyId: z.string().nullable(),
  address: z.object({ street: z.string(), number: z.string(), box: z.string().nullable(), postalCode: z.string(), communeNis: z.string(), hidden: z.boolean() }),
  region: z.enum(['brussels', 'flanders', 'wallonia']),
  provinceNis: z.string().nullable(),
  communeNis: z.string(),
  postalCode: z.string(),
  communeName: commune,
  lat: z.number(),
  lon: z.number(),
  livingArea: z.number().nullable(),
  landArea: z.number().nullable(),
  rooms: z.number().nullable(),
  bedrooms: z.number().nullable(),
  bathrooms: z.number().nullable(),
  yearBuilt: z.number().nullable(),
  condition: z.enum(CONDITIONS).nullable(),
  epc: z.object({ label: z.string(), kwh: z.number(), certificate: z.string() }).nullable(),
  features: z.array(z.enum(FEATURES)),
  availableFrom: z.string().nullable(),
  language: z.enum(['fr', 'nl', 'de', 'en']),
  title: texts,
  description: texts,
  photos: z.array(z.object({ id: z.string(), url: optional(z.string()), width: optional(z.number()), height: optional(z.number()) })),
  coverPhotoId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  refreshedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const advertiser = z.object({ kind: z.enum(['agency', 'private']), name: z.string().nullable(), logoUrl: z.string().nullable() });
export type Advertiser = z.infer<typeof advertiser>;

const similarCard = z.object({
  id: z.string(),
  transaction: z.enum(['sale', 'rent']),
  type: z.string(),
  price: z.number(),
  bedrooms: z.number().nullable(),
  livingArea: z.number().nullable(),
  epcLabel: z.string().nullable(),
  postalCode: z.string(),
  communeName: commune,
  title: texts,
  coverPhotoUrl: z.string().nullable(),
});
export type SimilarCard = z.infer<typeof similarCard>;

/** A ready photo's renditions (from the media module), for srcset. */
const mediaPhoto = z.object({
  id: z.string(),
  variants: z.array(z.object({ format: z.enum(['avif', 'webp', 'jpeg']), width: z.number(), url: z.string().nullable() })),
});
export type MediaPhoto = z.infer<typeof mediaPhoto>;

export const listingPageData = z.object({
  listing: listing
    .extend({
      priceHistory: z.array(z.object({ price: z.number(), charges: z.number().nullable(), changedAt: z.string() })),
      advertiser,
      media: z.array(mediaPhoto),
      similar: z.array(similarCard),
    })
    .nullable(),
});

export interface ListingPageData {
  listing: Listing;
  priceHistory: PriceHistory;
  advertiser: Advertiser;
  media: MediaPhoto[];
  similar: SimilarCard[];
}
