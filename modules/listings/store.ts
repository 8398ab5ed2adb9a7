import { sql, type Kysely, type Transaction, type Selectable, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '@immo/platform';
import type { ListingContact, ListingStatus } from './contract.ts';

// SQL for the listings schema only. Every function takes the executor it runs
// on, so a service call and its outbox events share one transaction.

export interface ListingsTable {
  id: string;
  version: number;
  status: ListingStatus;
  transaction: string;
  type: string;
  price: number;
  charges: number | null;
  owner_id: string;
  agency_id: string | null;
  street: string;
  number: string;
  box: string | null;
  postal_code: string;
  commune_nis: string;
  address_hidden: boolean;
  region: string;
  province_nis: string | null;
  commune_name: { fr: string; nl: string; de?: string };
  commune_lat: number;
  commune_lon: number;
  lat: number;
  lon: number;
  living_area: number | null;
  land_area: number | null;
  rooms: number | null;
  bedrooms: number | null;
  bathrooms: number | null;
  year_built: number | null;
  condition: string | null;
  epc: { label: string; kwh: number; certificate: string } | null;
  features: string[];
  available_from: string | null;
  language: string;
  title: Record<string, string>;
  description: Record<string, string>;
  photos: { id: string; url?: string; width?: number; height?: number }[];
  cover_photo_id: string | null;
  /** The media module's revision of `photos` last applied (see media-photos.ts). */
  photos_revision: number | null;
  contact: ListingContact | null;
  published_at: Date | null;
  refreshed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface PriceHistoryTable {
  id: number;
  listing_id: string;
  price: number;
  charges: number | null;
  changed_at: Date;
}

export interface ListingsSchema {
  'listings.listings': ListingsTable;
  'listings.price_history': Omit<PriceHistoryTable, 'id'> & { id?: never };
}

export type ListingRow = Selectable<ListingsTable>;
export type NewListingRow = Insertable<ListingsTable>;
export type ListingPatch = Updateable<ListingsTable>;
export type ListingsDb = Kysely<ListingsSchema> | Transaction<ListingsSchema>;

export const as = (executor: Executor) => executor as unknown as ListingsDb;

/** jsonb columns are written as JSON text so both engines store the same thing. */
const JSON_COLUMNS = ['commune_name', 'epc', 'features', 'title', 'description', 'photos', 'contact'] as const;
function encode<T extends Partial<ListingsTable>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const column of JSON_COLUMNS) {
    if (column in out) out[column] = out[column] === null ? null : JSON.stringify(out[column]);
  }
  return out as T;
}

/** The row as both engines return it: numbers for numeric, Date for timestamps, objects for jsonb. */
function decode(row: ListingRow): ListingRow {
  return {
    ...row,
    price: Number(row.price),
    charges: row.charges === null ? null : Number(row.charges),
    living_area: row.living_area === null ? null : Number(row.living_area),
    land_area: row.land_area === null ? null : Number(row.land_area),
  };
}

export async function insertListing(db: Executor, row: NewListingRow): Promise<void> {
  await as(db).insertInto('listings.listings').values(encode(row)).execute();
}

/**
 * Many rows in one statement, passed as one JSON parameter and expanded by
 * `jsonb_populate_recordset`: far fewer parameters to bind than a multi-row
 * VALUES (the seed's bulk path; ~2x faster on PGlite).
 */
export async function insertListings(db: Executor, rows: NewListingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await sql`insert into listings.listings
    select * from jsonb_populate_recordset(null::listings.listings, ${json}::jsonb)`.execute(db);
}

/** Ids come from URLs: anything that is not a UUID simply does not exist (instead of a database error). */
export const isListingId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function findListing(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isListingId(id)) return undefined;
  let query = as(db).selectFrom('listings.listings').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? decode(row) : undefined;
}

export async function findListings(db: Executor, ids: string[]): Promise<ListingRow[]> {
  ids = ids.filter(isListingId);
  if (ids.length === 0) return [];
  const rows = await as(db).selectFrom('listings.listings').selectAll().where('id', 'in', ids).execute();
  return rows.map(decode);
}

/**
 * Writes a patch only if the row still has `expectedVersion`, and bumps the
 * version: the loser of a race gets undefined instead of overwriting.
 */
export async function updateListing(db: Executor, id: string, expectedVersion: number, patch: ListingPatch) {
  const row = await as(db)
    .updateTable('listings.listings')
    .set({ ...encode(patch), version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? decode(row) : undefined;
}

/** Records that media's photos at `revision` are applied, when they needed no change (the version stays). */
export async function setPhotosRevision(db: Executor, id: string, revision: number): Promise<void> {
  await as(db).updateTable('listings.listings').set({ photos_revision: revision }).where('id', '=', id).execute();
}

export async function deleteListing(db: Executor, id: string): Promise<void> {
  await as(db).deleteFrom('listings.listings').where('id', '=', id).execute();
}

/** The owner's listings and those of the given agencies, newest first. */
export async function listingsOf(db: Executor, ownerId: string, agencyIds: string[], options: { limit: number; status?: ListingStatus }) {
  let query = as(db)
    .selectFrom('listings.listings')
    .selectAll()
    .where((eb) => (agencyIds.length ? eb.or([eb('owner_id', '=', ownerId), eb('agency_id', 'in', agencyIds)]) : eb('owner_id', '=', ownerId)));
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(decode);
}

export async function listingsOwnedBy(db: Executor, ownerId: string): Promise<ListingRow[]> {
  const rows = await as(db).selectFrom('listings.listings').selectAll().where('owner_id', '=', ownerId).orderBy('id').execute();
  return rows.map(decode);
}

/** Indexable listings after `afterId`, by id (keyset). */
export async function indexableAfter(db: Executor, afterId: string | null, limit: number): Promise<ListingRow[]> {
  let query = as(db).selectFrom('listings.listings').selectAll().where('status', 'in', ['published', 'under_offer']);
  if (afterId && isListingId(afterId)) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map(decode);
}

/** Live listings whose last refresh is before `before` (the expiry job). */
export async function staleListingIds(db: Executor, before: Date, limit: number): Promise<string[]> {
  const rows = await as(db)
    .selectFrom('listings.listings')
    .select('id')
    .where('status', 'in', ['published', 'under_offer'])
    .where('refreshed_at', '<', before)
    .orderBy('refreshed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function recordPrice(db: Executor, entry: { listingId: string; price: number; charges: number | null; at: Date }) {
  await as(db)
    .insertInto('listings.price_history')
    .values({ listing_id: entry.listingId, price: entry.price, charges: entry.charges, changed_at: entry.at })
    .execute();
}

export async function recordPrices(db: Executor, entries: { listingId: string; price: number; charges: number | null; at: Date }[]) {
  if (entries.length === 0) return;
  await as(db)
    .insertInto('listings.price_history')
    .values(entries.map((e) => ({ listing_id: e.listingId, price: e.price, charges: e.charges, changed_at: e.at })))
    .execute();
}

/** The price histories of many listings in one query, by listing id. */
export async function priceHistories(db: Executor, listingIds: string[]) {
  const ids = listingIds.filter(isListingId);
  const out = new Map<string, { price: number; charges: number | null; changedAt: Date }[]>();
  if (ids.length === 0) return out;
  const rows = await sql<{ listing_id: string; price: number; charges: number | null; changed_at: Date }>`
    select listing_id, price, charges, changed_at from listings.price_history
    where listing_id in (${sql.join(ids)}) order by changed_at, id`.execute(db);
  for (const r of rows.rows) {
    const list = out.get(r.listing_id) ?? [];
    list.push({ price: Number(r.price), charges: r.charges === null ? null : Number(r.charges), changedAt: new Date(r.changed_at) });
    out.set(r.listing_id, list);
  }
  return out;
}

export async function priceHistory(db: Executor, listingId: string) {
  if (!isListingId(listingId)) return [];
  const rows = await sql<{ price: number; charges: number | null; changed_at: Date }>`
    select price, charges, changed_at from listings.price_history
    where listing_id = ${listingId} order by changed_at, id`.execute(db);
  return rows.rows.map((r) => ({ price: Number(r.price), charges: r.charges === null ? null : Number(r.charges), changedAt: new Date(r.changed_at) }));
}
