import { z } from 'zod';
import { defineEvent } from '@immo/platform';
import { FEATURES, PROPERTY_TYPES, TRANSACTIONS, LISTING_REGIONS } from '@immo/listings';

// The search contract: the filters a buyer sets (shared by GET /v1/search,
// the map, and saved searches), the answers, and the event this module publishes.

/** One scale for the three regions' EPC letters: Flanders A+..F, Brussels and Wallonia A++..G. */
export const EPC_LABELS = ['A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type EpcLabel = (typeof EPC_LABELS)[number];
export const epcRank = (label: string | null | undefined): number | null => {
  const i = EPC_LABELS.indexOf((label ?? '').trim().toUpperCase() as EpcLabel);
  return i < 0 ? null : i;
};

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest', 'price_per_m2'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * A number that is finite: "1e999", "Infinity" and "-Infinity" are refused
 * with a clear message instead of reaching SQL as Infinity.
 */
const finite = (what: string) =>
  z.union([z.number(), z.string().trim().min(1)]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `${what} must be a finite number` });
      return z.NEVER;
    }
    return n;
  });
const amount = (what: string, max: number) =>
  finite(what).pipe(z.number().min(0, `${what} cannot be negative`).max(max, `${what} is at most ${max}`));
const whole = (what: string, max: number) => amount(what, max).pipe(z.number().int(`${what} is a whole number`));

/** Accepts a list as an array, or as one comma-separated string (query strings). */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(item).max(max),
  );

const nis = z.string().regex(/^\d{5}$/, 'a NIS code has five digits');
const postalCode = z.string().regex(/^[1-9]\d{3}$/, 'a Belgian postal code has four digits');
const lon = finite('a longitude').pipe(z.number().min(-180).max(180));
const lat = finite('a latitude').pipe(z.number().min(-90).max(90));

/** [minLon, minLat, maxLon, maxLat], e.g. "4.30,50.80,4.42,50.87". */
export const bboxSchema = z
  .preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.tuple([lon, lat, lon, lat]))
  .refine(([minLon, minLat, maxLon, maxLat]) => minLon < maxLon && minLat < maxLat, 'a bbox is minLon,minLat,maxLon,maxLat with min < max');
export type BBox = [number, number, number, number];

/** A polygon drawn on the map: 3 to 200 [lon, lat] points, closed or not. */
export const polygonSchema = z
  .preprocess((v) => {
    if (typeof v !== 'string') return v;
    // query-string form: "lon lat, lon lat, ..." or JSON
    const text = v.trim();
    if (text.startsWith('[')) {
      try {
        return JSON.parse(text);
      } catch {
        return v;
      }
    }
    return text.split(',').map((pair) => pair.trim().split(/\s+/));
  }, z.array(z.tuple([lon, lat])).min(3, 'a polygon has at least 3 points').max(200, 'a polygon has at most 200 points'));

export const searchFilters = z.object({
  transaction: z.enum(TRANSACTIONS).optional(),
  types: list(z.enum(PROPERTY_TYPES), PROPERTY_TYPES.length).optional(),
  priceMin: whole('priceMin', 1e9).optional(),
  priceMax: whole('priceMax', 1e9).optional(),
  bedroomsMin: whole('bedroomsMin', 100).optional(),
  livingAreaMin: amount('livingAreaMin', 1e6).optional(),
  livingAreaMax: amount('livingAreaMax', 1e6).optional(),
  landAreaMin: amount('landAreaMin', 1e8).optional(),
  /** The worst EPC label accepted, e.g. "C" keeps A++..C in every region. */
  epcMax: z.enum(EPC_LABELS).optional(),
  /** All of these. */
  features: list(z.enum(FEATURES), FEATURES.length).optional(),
  region: z.enum(LISTING_REGIONS).optional(),
  province: nis.optional(),
  communes: list(nis, 100).optional(),
  postalCodes: list(postalCode, 100).optional(),
  bbox: bboxSchema.optional(),
  near: z
    .object({ lat, lon, radiusKm: finite('radiusKm').pipe(z.number().positive('radiusKm must be positive').max(200, 'radiusKm is at most 200')) })
    .optional(),
  polygon: polygonSchema.optional(),
});
export type SearchFilters = z.infer<typeof searchFilters>;

export const searchQuery = searchFilters.extend({
  q: z.string().max(200, 'q is at most 200 characters').optional(),
  sort: z.enum(SORTS).optional(),
  cursor: z.string().max(500).optional(),
  limit: whole('limit', 100).pipe(z.number().min(1, 'limit is at least 1')).optional(),
  facets: z.preprocess((v) => (v === 'false' || v === '0' ? false : v === 'true' || v === '1' ? true : v), z.boolean()).optional(),
});
export type SearchQuery = z.input<typeof searchQuery>;
export type ParsedSearchQuery = z.infer<typeof searchQuery>;

/** What a result shows without another call. */
export const searchCard = z.object({
  id: z.string(),
  transaction: z.enum(TRANSACTIONS),
  type: z.enum(PROPERTY_TYPES),
  status: z.string(),
  price: z.number(),
  charges: z.number().nullable(),
  pricePerM2: z.number().nullable(),
  bedrooms: z.number().nullable(),
  livingArea: z.number().nullable(),
  landArea: z.number().nullable(),
  epcLabel: z.string().nullable(),
  features: z.array(z.string()),
  region: z.string(),
  communeNis: z.string(),
  postalCode: z.string(),
  communeName: z.object({ fr: z.string(), nl: z.string(), de: z.string().optional() }),
  street: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  title: z.record(z.string(), z.string()),
  coverPhoto: z.object({ id: z.string(), url: z.string().optional() }).nullable(),
  publishedAt: z.string(),
});
export type SearchCard = z.infer<typeof searchCard>;

const facetCounts = z.array(z.object({ value: z.string(), count: z.number() }));
export const facetsSchema = z.object({
  type: facetCounts,
  bedrooms: facetCounts,
  epc: facetCounts,
  region: facetCounts,
  price: facetCounts,
  features: facetCounts,
});
export type Facets = z.infer<typeof facetsSchema>;

/** How the text was understood: commune words become filters, transaction words too. */
export const interpretation = z.object({
  text: z.array(z.string()),
  communes: z.array(z.object({ nis: z.string(), name: z.object({ fr: z.string(), nl: z.string() }), matched: z.string(), fuzzy: z.boolean() })),
  postalCodes: z.array(z.string()),
  transaction: z.enum(TRANSACTIONS).nullable(),
  types: z.array(z.string()),
  bedroomsMin: z.number().nullable(),
});
export type Interpretation = z.infer<typeof interpretation>;

export const searchResult = z.object({
  items: z.array(searchCard),
  total: z.number(),
  nextCursor: z.string().nullable(),
  facets: facetsSchema.optional(),
  interpreted: interpretation,
});
export type SearchResult = z.infer<typeof searchResult>;

export const geoQuery = searchQuery.omit({ sort: true, cursor: true, limit: true, facets: true }).extend({
  bbox: bboxSchema,
  /** Above this many listings in the box, markers are grouped into a grid. */
  maxMarkers: whole('maxMarkers', 2000).optional(),
});
export const geoResult = z.object({
  total: z.number(),
  clustered: z.boolean(),
  markers: z.array(z.object({ id: z.string(), lat: z.number(), lon: z.number(), price: z.number(), type: z.string() })),
  clusters: z.array(z.object({ lat: z.number(), lon: z.number(), count: z.number(), minPrice: z.number() })),
});
export type GeoResult = z.infer<typeof geoResult>;

export const suggestQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(100),
  lang: z.enum(['fr', 'nl', 'de', 'en']).optional(),
  limit: whole('limit', 20).pipe(z.number().min(1)).optional(),
});
export const suggestion = z.object({
  kind: z.enum(['commune', 'postal_code', 'street']),
  label: z.string(),
  communeNis: z.string(),
  postalCode: z.string().nullable(),
  listingCount: z.number(),
});
export type Suggestion = z.infer<typeof suggestion>;

// ---- saved searches --------------------------------------------------------

export const ALERT_MODES = ['instant', 'daily', 'none'] as const;
export type AlertMode = (typeof ALERT_MODES)[number];
/** What is saved: the text and filters, never a cursor. */
export const savedSearchQuery = searchQuery.omit({ cursor: true, limit: true, facets: true });
export const saveSearchInput = z.object({
  name: z.string().trim().min(1).max(120),
  query: savedSearchQuery,
  alert: z.enum(ALERT_MODES).default('instant'),
});
export type SaveSearchInput = z.input<typeof saveSearchInput>;
export const savedSearch = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  alert: z.enum(ALERT_MODES),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearch>;
export const alertMatch = z.object({
  id: z.string(),
  listingId: z.string(),
  reason: z.enum(['new', 'price_drop']),
  price: z.number(),
  createdAt: z.string(),
});
export type AlertMatch = z.infer<typeof alertMatch>;

/** A listing newly published (or cheaper) matches a saved search with instant alerts. */
export const searchAlertMatched = defineEvent(
  'search.alert.matched',
  1,
  z.object({ savedSearchId: z.string(), userId: z.string(), listingId: z.string(), reason: z.enum(['new', 'price_drop']) }),
);

export interface SearchApi {
  search(query: SearchQuery): Promise<SearchResult>;
  searchGeo(query: z.input<typeof geoQuery>): Promise<GeoResult>;
  suggest(query: z.input<typeof suggestQuery>): Promise<Suggestion[]>;
  /** `immo search reindex`: resumable; run again after an interruption and it continues. */
  reindex(options?: { batchSize?: number; onBatch?: (indexed: number) => void }): Promise<{ indexed: number; removed: number; resumed: boolean }>;
}
