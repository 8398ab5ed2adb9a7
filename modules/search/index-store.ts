import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import { isIndexable, type ListingSnapshot } from '@immo/listings';
import type { Commune } from '@immo/geo';
import { toIndexRow, type IndexRow } from './document.ts';

// The write side of the index: applying a listing snapshot, version-ordered,
// and keeping the suggestion counts in step.

export type ApplyOutcome =
  /** older than (or the same as) what the index already holds: nothing changed */
  | { applied: false }
  | { applied: true; wasIndexed: boolean; isIndexed: boolean };

/**
 * Applies one snapshot. The version row is taken first, under its row lock:
 * two deliveries of the same listing serialise there, and the older one is
 * ignored (a redelivery of the same version too).
 */
export async function applySnapshot(trx: Executor, listing: ListingSnapshot): Promise<ApplyOutcome> {
  const { rows: claimed } = await sql`
    insert into search.listing_versions (listing_id, version) values (${listing.id}, ${listing.version})
    on conflict (listing_id) do update set version = excluded.version
      where search.listing_versions.version < excluded.version
    returning listing_id`.execute(trx);
  if (claimed.length === 0) return { applied: false };

  const { rows: old } = await sql<SuggestKey>`
    delete from search.listings where id = ${listing.id}
    returning commune_nis, postal_code, street`.execute(trx);
  const before = old[0];
  if (before) await countSuggestTerms(trx, before, -1);

  const indexable = isIndexable(listing.status);
  if (indexable) {
    const row = toIndexRow(listing);
    await insertRows(trx, [row]);
    await countSuggestTerms(trx, row, +1);
  }
  return { applied: true, wasIndexed: !!before, isIndexed: indexable };
}

/** For a reindex run: marks a row as seen even when its snapshot brought nothing new. */
export async function touch(trx: Executor, listingId: string, version: number) {
  await sql`update search.listings set indexed_at = now() where id = ${listingId} and version >= ${version}`.execute(trx);
}

const COLUMNS = [
  'id', 'version', 'status', 'transaction', 'type', 'price', 'charges', 'price_per_m2', 'ppm2_key', 'bedrooms', 'bathrooms',
  'living_area', 'land_area', 'epc_label', 'epc_rank', 'features', 'region', 'province_nis', 'commune_nis', 'postal_code',
  'street', 'lat', 'lon', 'owner_id', 'published_at', 'language',
] as const;

/**
 * Inserts rows (the caller removed older ones); the tsvectors are built here, by each ad's own language,
 * the document with its synonym concepts (concepts.ts).
 */
export async function insertRows(trx: Executor, rows: IndexRow[]) {
  if (rows.length === 0) return;
  const values = rows.map((r) => {
    const cfg = sql`${r.config}::regconfig`;
    const head = sql`setweight(to_tsvector(${cfg}, search.fold(${r.head_text})), 'A')`;
    return sql`(${sql.join(COLUMNS.map((c) => (c === 'features' ? sql`${r.features}::text[]` : sql`${r[c]}`)))},
      ${head}, search.with_concepts(${head} || to_tsvector(${cfg}, search.fold(${r.body_text}))), ${JSON.stringify(r.card)}::jsonb)`;
  });
  await sql`insert into search.listings (${sql.join(COLUMNS.map((c) => sql.ref(c)))}, head, doc, card)
    values ${sql.join(values)}`.execute(trx);
}

interface SuggestKey {
  commune_nis: string;
  postal_code: string;
  street: string | null;
}

/** Findable listings per commune, postal code and street, for ranking suggestions. */
async function countSuggestTerms(trx: Executor, key: SuggestKey, delta: 1 | -1) {
  await sql`update search.suggest_terms set listing_count = greatest(listing_count + ${delta}, 0)
    where (kind = 'commune' and commune_nis = ${key.commune_nis})
       or (kind = 'postal_code' and postal_code = ${key.postal_code} and commune_nis = ${key.commune_nis})`.execute(trx);
  if (!key.street) return;
  if (delta > 0) {
    await sql`insert into search.suggest_terms (kind, label, folded, commune_nis, postal_code, listing_count)
      values ('street', ${key.street}, search.fold_name(${key.street}), ${key.commune_nis}, ${key.postal_code}, 1)
      on conflict (kind, folded, commune_nis, (coalesce(lang, '')), (coalesce(postal_code, '')))
      do update set listing_count = search.suggest_terms.listing_count + 1`.execute(trx);
  } else {
    await sql`update search.suggest_terms set listing_count = greatest(listing_count - 1, 0)
      where kind = 'street' and folded = search.fold_name(${key.street}) and commune_nis = ${key.commune_nis}
        and postal_code = ${key.postal_code}`.execute(trx);
  }
}

/**
 * The communes' names (every language) and postal codes as suggestion terms.
 * Reference data: written once, again only when the commune list changed.
 */
export async function syncCommuneTerms(trx: Executor, communes: readonly Commune[]) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from search.suggest_terms where kind = 'commune'`.execute(trx);
  const expected = communes.reduce((n, c) => n + new Set([c.name.fr, c.name.nl, c.name.de].filter(Boolean)).size, 0);
  if (rows[0]?.n === expected) return;
  await sql`delete from search.suggest_terms where kind in ('commune', 'postal_code')`.execute(trx);
  const terms: { kind: string; label: string; lang: string | null; nis: string; code: string | null; weight: number }[] = [];
  for (const c of communes) {
    // bigger places have more postal codes: a rough, public stand-in for population
    const weight = new Set(c.postalCodes.map((p) => p.code)).size;
    const names = new Set<string>();
    for (const lang of ['fr', 'nl', 'de'] as const) {
      const name = c.name[lang];
      if (name && !names.has(name)) terms.push({ kind: 'commune', label: name, lang, nis: c.nis, code: null, weight });
      if (name) names.add(name);
    }
    for (const code of new Set(c.postalCodes.map((p) => p.code))) terms.push({ kind: 'postal_code', label: code, lang: null, nis: c.nis, code, weight });
  }
  // one statement over arrays: a few thousand rows in one round trip
  await sql`insert into search.suggest_terms (kind, label, folded, lang, commune_nis, postal_code, weight)
    select kind, label, search.fold_name(label), lang, nis, code, weight
    from unnest(${terms.map((t) => t.kind)}::text[], ${terms.map((t) => t.label)}::text[], ${terms.map((t) => t.lang)}::text[],
                ${terms.map((t) => t.nis)}::text[], ${terms.map((t) => t.code)}::text[], ${terms.map((t) => t.weight)}::int[])
      as t(kind, label, lang, nis, code, weight)
    on conflict do nothing`.execute(trx);
  await recountSuggestTerms(trx);
  await sql`analyze search.suggest_terms`.execute(trx);
}

/**
 * Bulk load of snapshots that are not in the index yet (fixtures, the bench,
 * a first fill): multi-row inserts, then one recount of the suggestion terms.
 */
export async function bulkLoad(trx: Executor, listings: ListingSnapshot[], options: { chunk?: number; recount?: boolean } = {}) {
  const chunk = options.chunk ?? 250;
  const indexable = listings.filter((l) => isIndexable(l.status));
  for (let i = 0; i < listings.length; i += 1000) {
    const part = listings.slice(i, i + 1000);
    await sql`insert into search.listing_versions (listing_id, version)
      select * from unnest(${part.map((l) => l.id)}::uuid[], ${part.map((l) => l.version)}::int[])`.execute(trx);
  }
  for (let i = 0; i < indexable.length; i += chunk) await insertRows(trx, indexable.slice(i, i + chunk).map(toIndexRow));
  if (options.recount !== false) await recountSuggestTerms(trx);
}

/** Recomputes every listing count from the index (after a bulk load or a reindex). */
export async function recountSuggestTerms(trx: Executor) {
  await sql`update search.suggest_terms t set listing_count = c.n
    from (select commune_nis, count(*)::int as n from search.listings group by commune_nis) c
    where t.kind = 'commune' and t.commune_nis = c.commune_nis and t.listing_count <> c.n`.execute(trx);
  await sql`update search.suggest_terms t set listing_count = c.n
    from (select commune_nis, postal_code, count(*)::int as n from search.listings group by commune_nis, postal_code) c
    where t.kind = 'postal_code' and t.commune_nis = c.commune_nis and t.postal_code = c.postal_code and t.listing_count <> c.n`.execute(trx);
  // terms of places with no listing left
  await sql`update search.suggest_terms t set listing_count = 0
    where kind in ('commune', 'postal_code') and listing_count <> 0
      and not exists (select 1 from search.listings l where l.commune_nis = t.commune_nis
        and (t.kind = 'commune' or l.postal_code = t.postal_code))`.execute(trx);
  await sql`delete from search.suggest_terms where kind = 'street'`.execute(trx);
  await sql`insert into search.suggest_terms (kind, label, folded, commune_nis, postal_code, listing_count)
    select 'street', min(street), search.fold_name(street), commune_nis, postal_code, count(*)::int
    from search.listings where street is not null
    group by search.fold_name(street), commune_nis, postal_code`.execute(trx);
}
