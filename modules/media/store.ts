import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Executor } from '@immo/platform';
import type { AssetStatus, Purpose } from './contract.ts';
import { hashBands, BAND_COUNT } from './perceptual-hash.ts';

// SQL for the media schema only. Every function takes the executor it runs on,
// so a change and the job or event it asks for share one transaction.

export interface AssetsTable {
  id: string;
  purpose: Purpose;
  visibility: 'public' | 'private';
  owner_user_id: string | null;
  owner_agency_id: string | null;
  listing_id: string | null;
  status: AssetStatus;
  content_type: string;
  byte_size: number;
  original_key: string;
  width: number | null;
  height: number | null;
  position: number;
  is_cover: boolean;
  blurhash: string | null;
  dominant_color: string | null;
  quality_warnings: string[];
  sharpness: number | null;
  dhash: string | null;
  phash: string | null;
  hash_bands: number[] | null;
  watermark: string | null;
  failure: string | null;
  created_at: Generated<Date>;
  processed_at: Date | null;
}

export interface VariantsTable {
  asset_id: string;
  name: string;
  format: string;
  width: number;
  height: number;
  byte_size: number;
  content_type: string;
  sha256: string;
  storage_key: string;
}

export interface ListingsTable {
  listing_id: string;
  owner_user_id: string;
  agency_id: string | null;
  status: string;
  version: number;
  archived_at: Date | null;
}

export interface DuplicatesTable {
  photo_id: string;
  matches_photo_id: string;
  distance: number;
  detected_at: Generated<Date>;
}

export interface MediaSchema {
  'media.assets': AssetsTable;
  'media.variants': VariantsTable;
  'media.listings': ListingsTable;
  'media.duplicates': DuplicatesTable;
}

export type AssetRow = Selectable<AssetsTable>;
export type VariantRow = Selectable<VariantsTable>;
type Db = Kysely<MediaSchema>;
const on = (executor: Executor) => executor as unknown as Db;

export type NewAsset = Pick<
  AssetsTable,
  'id' | 'purpose' | 'visibility' | 'owner_user_id' | 'owner_agency_id' | 'listing_id' | 'status' | 'content_type' | 'byte_size' | 'original_key'
>;

export async function insertAsset(executor: Executor, asset: NewAsset): Promise<AssetRow> {
  const db = on(executor);
  let position = 0;
  let isCover = false;
  if (asset.listing_id) {
    // serialise uploads to one listing: positions stay dense and one cover exists
    await lockListingPhotos(db, asset.listing_id);
    const row = await db
      .selectFrom('media.assets')
      .select(({ fn }) => [fn.max('position').as('last'), fn.countAll<number>().as('n'), fn.countAll<number>().filterWhere('is_cover', '=', true).as('covers')])
      .where('listing_id', '=', asset.listing_id)
      .executeTakeFirstOrThrow();
    position = row.n === 0 ? 0 : Number(row.last) + 1;
    isCover = Number(row.covers) === 0;
  }
  return db
    .insertInto('media.assets')
    .values({ ...asset, position, is_cover: isCover, quality_warnings: [] })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Serialises changes to one listing's photos until the transaction ends
 * (uploads, order, cover, deletion): on PostgreSQL, two cover changes at once
 * would otherwise both pass the one-cover index check, and two reorders could
 * lock the same rows in opposite orders.
 */
export async function lockListingPhotos(executor: Executor, listingId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${listingId}, 0))`.execute(on(executor));
}

export async function countListingAssets(executor: Executor, listingId: string): Promise<number> {
  const row = await on(executor)
    .selectFrom('media.assets')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('listing_id', '=', listingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAsset(executor: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<AssetRow | undefined> {
  let query = on(executor).selectFrom('media.assets').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A listing's assets, cover first, then in the owner's order. */
export async function listingAssets(executor: Executor, listingId: string): Promise<AssetRow[]> {
  return on(executor)
    .selectFrom('media.assets')
    .selectAll()
    .where('listing_id', '=', listingId)
    .orderBy('is_cover', 'desc')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function variantsOf(executor: Executor, assetIds: string[]): Promise<VariantRow[]> {
  if (assetIds.length === 0) return [];
  return on(executor).selectFrom('media.variants').selectAll().where('asset_id', 'in', assetIds).execute();
}

export interface ProcessingResult {
  width: number;
  height: number;
  blurhash: string;
  dominantColor: string;
  warnings: string[];
  sharpness: number;
  dhash: string;
  phash: string;
  watermark: string | null;
  variants: Omit<VariantsTable, 'asset_id'>[];
}

export async function recordProcessed(executor: Executor, id: string, result: ProcessingResult, at: Date): Promise<void> {
  const db = on(executor);
  await db.deleteFrom('media.variants').where('asset_id', '=', id).execute();
  if (result.variants.length > 0) {
    await db
      .insertInto('media.variants')
      .values(result.variants.map((v) => ({ ...v, asset_id: id })))
      .execute();
  }
  await db
    .updateTable('media.assets')
    .set({
      status: 'ready',
      width: result.width,
      height: result.height,
      blurhash: result.blurhash,
      dominant_color: result.dominantColor,
      quality_warnings: result.warnings,
      sharpness: result.sharpness,
      dhash: sql<string>`${result.dhash}::bit(64)`,
      phash: sql<string>`${result.phash}::bit(64)`,
      hash_bands: sql<number[]>`${sql.raw(`array[${hashBands(result.dhash).join(',')}]`)}::int[]`,
      watermark: result.watermark,
      failure: null,
      processed_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateAsset(
  executor: Executor,
  id: string,
  patch: Partial<Pick<AssetsTable, 'status' | 'failure' | 'content_type' | 'byte_size' | 'processed_at'>>,
): Promise<void> {
  await on(executor).updateTable('media.assets').set(patch).where('id', '=', id).execute();
}

/** Sets the display order: `ids` in order get positions 0, 1, 2... */
export async function setPositions(executor: Executor, listingId: string, ids: string[]): Promise<void> {
  const db = on(executor);
  for (const [position, id] of ids.entries()) {
    await db.updateTable('media.assets').set({ position }).where('id', '=', id).where('listing_id', '=', listingId).execute();
  }
}

export async function setCover(executor: Executor, listingId: string, photoId: string | null): Promise<void> {
  const db = on(executor);
  await db.updateTable('media.assets').set({ is_cover: false }).where('listing_id', '=', listingId).where('is_cover', '=', true).execute();
  if (photoId) await db.updateTable('media.assets').set({ is_cover: true }).where('id', '=', photoId).where('listing_id', '=', listingId).execute();
}

/**
 * Deletes assets (their variants go with them) and returns every storage key
 * they used; the caller deletes those no other asset still uses.
 */
export async function deleteAssets(executor: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const db = on(executor);
  const variants = await db.selectFrom('media.variants').select('storage_key').where('asset_id', 'in', ids).execute();
  const assets = await db.deleteFrom('media.assets').where('id', 'in', ids).returning('original_key').execute();
  return [...new Set([...assets.map((a) => a.original_key), ...variants.map((v) => v.storage_key)])];
}

/** The listings these assets belong to. */
export async function listingIdsOf(executor: Executor, assetIds: string[]): Promise<string[]> {
  if (assetIds.length === 0) return [];
  const rows = await on(executor).selectFrom('media.assets').select('listing_id').distinct().where('id', 'in', assetIds).where('listing_id', 'is not', null).execute();
  return rows.map((r) => r.listing_id!);
}

/** Of these keys, those that no asset or variant refers to any more. */
export async function unreferencedKeys(executor: Executor, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const db = on(executor);
  const [variants, originals] = await Promise.all([
    db.selectFrom('media.variants').select('storage_key as key').where('storage_key', 'in', keys).execute(),
    db.selectFrom('media.assets').select('original_key as key').where('original_key', 'in', keys).execute(),
  ]);
  const used = new Set([...variants, ...originals].map((r) => r.key));
  return keys.filter((k) => !used.has(k));
}

export async function assetIdsWhere(
  executor: Executor,
  where: { listingId?: string; ownerUserIdWithoutAgency?: string },
): Promise<string[]> {
  let query = on(executor).selectFrom('media.assets').select('id');
  if (where.listingId) query = query.where('listing_id', '=', where.listingId);
  if (where.ownerUserIdWithoutAgency) query = query.where('owner_user_id', '=', where.ownerUserIdWithoutAgency).where('owner_agency_id', 'is', null);
  return (await query.execute()).map((r) => r.id);
}

/** The storage key of the agency's newest ready logo, as WebP (it keeps transparency). */
export async function agencyLogoKey(executor: Executor, agencyId: string): Promise<{ assetId: string; key: string } | undefined> {
  const row = await on(executor)
    .selectFrom('media.assets')
    .innerJoin('media.variants', 'media.variants.asset_id', 'media.assets.id')
    .select(['media.assets.id as assetId', 'media.variants.storage_key as key'])
    .where('media.assets.purpose', '=', 'logo')
    .where('media.assets.owner_agency_id', '=', agencyId)
    .where('media.assets.status', '=', 'ready')
    .where('media.variants.name', '=', 'card')
    .where('media.variants.format', '=', 'webp')
    .orderBy('media.assets.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row;
}

/** Direct uploads announced before `before` and never completed. */
export async function abandonedUploadIds(executor: Executor, before: Date, limit = 500): Promise<string[]> {
  const rows = await on(executor)
    .selectFrom('media.assets')
    .select('id')
    .where('status', '=', 'awaiting_upload')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** An agency's photos outlive the agent who uploaded them; the agent's id does not. */
export async function forgetUploader(executor: Executor, userId: string): Promise<void> {
  await on(executor).updateTable('media.assets').set({ owner_user_id: null }).where('owner_user_id', '=', userId).execute();
}

export interface SimilarRow {
  id: string;
  listing_id: string | null;
  owner_user_id: string | null;
  owner_agency_id: string | null;
  phash: string | null;
  distance: number;
}

/**
 * Ready photos whose dHash is within `maxDistance` bits of `bits`. Up to 7
 * bits the band index narrows the candidates first (two hashes that close
 * share a band); beyond, every hash is compared (`bit_count` is cheap, but it
 * is a scan).
 */
export async function similarByHash(executor: Executor, bits: string, maxDistance: number, excludeId?: string, limit = 50): Promise<SimilarRow[]> {
  const distance = sql<number>`bit_count(dhash # ${bits}::bit(64))`;
  let query = on(executor)
    .selectFrom('media.assets')
    .select(['id', 'listing_id', 'owner_user_id', 'owner_agency_id', sql<string | null>`phash::text`.as('phash'), distance.as('distance')])
    .where('status', '=', 'ready')
    .where('dhash', 'is not', null)
    .where(distance, '<=', maxDistance);
  if (excludeId) query = query.where('id', '<>', excludeId);
  if (maxDistance < BAND_COUNT) {
    query = query.where(sql<boolean>`hash_bands && ${sql.raw(`array[${hashBands(bits).join(',')}]`)}::int[]`);
  }
  const rows = await query.orderBy(distance).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, distance: Number(r.distance) }));
}

export async function recordDuplicates(executor: Executor, photoId: string, matches: { id: string; distance: number }[], at: Date): Promise<void> {
  if (matches.length === 0) return;
  await on(executor)
    .insertInto('media.duplicates')
    .values(matches.map((m) => ({ photo_id: photoId, matches_photo_id: m.id, distance: m.distance, detected_at: at })))
    .onConflict((oc) => oc.columns(['photo_id', 'matches_photo_id']).doUpdateSet({ distance: (eb) => eb.ref('excluded.distance') }))
    .execute();
}

export async function findListing(executor: Executor, listingId: string): Promise<Selectable<ListingsTable> | undefined> {
  return on(executor).selectFrom('media.listings').selectAll().where('listing_id', '=', listingId).executeTakeFirst();
}

/** Keeps what a listing event says, ignoring an event older than what is held (delivery can be out of order). */
export async function upsertListing(executor: Executor, listing: Omit<ListingsTable, 'archived_at'>, at: Date): Promise<boolean> {
  const archivedAt = listing.status === 'archived' ? at : null;
  const row = await on(executor)
    .insertInto('media.listings')
    .values({ ...listing, archived_at: archivedAt })
    .onConflict((oc) =>
      oc
        .column('listing_id')
        .doUpdateSet({
          owner_user_id: listing.owner_user_id,
          agency_id: listing.agency_id,
          status: listing.status,
          version: listing.version,
          archived_at: archivedAt,
        })
        .where('media.listings.version', '<', listing.version),
    )
    .returning('listing_id')
    .executeTakeFirst();
  return !!row;
}

export async function forgetListing(executor: Executor, listingId: string): Promise<void> {
  await on(executor).deleteFrom('media.listings').where('listing_id', '=', listingId).execute();
}
