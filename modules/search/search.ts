import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { Interpretation, ParsedSearchQuery, SearchCard, SearchResult, Sort } from './contract.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { computeFacets } from './facets.ts';
import { filterConditions, whereClause, type WordFilters } from './filters.ts';
import { readQueryWords, type QueryWords } from './query-words.ts';
import { buildTextQuery, resolveMisspeltCommunes, type TextQuery } from './text-query.ts';

// The list search: understand the words, filter, rank, page, count facets.

/** How many of the newest matches relevance ranks (see README: bounded ranking). */
export const RANKED_CANDIDATES = 1000;

export interface PreparedSearch {
  words: QueryWords;
  text: TextQuery;
  conditions: RawBuilder<unknown>[];
  interpretation: Interpretation;
}

/** Turns a query into SQL conditions; shared by the list, the map and saved-search alerts. */
export async function prepareSearch(db: Executor, geo: GeoApi, query: ParsedSearchQuery): Promise<PreparedSearch> {
  let words = readQueryWords(query.q ?? '', geo);
  words = await resolveMisspeltCommunes(db, words, geo);
  const text = await buildTextQuery(db, words);
  const wordFilters: WordFilters = {
    communes: words.communes.map((c) => c.nis),
    postalCodes: words.postalCodes,
    transaction: words.transaction,
    region: words.region,
    bedroomsMin: words.bedroomsMin,
    textAll: text.all,
  };
  return {
    words,
    text,
    conditions: filterConditions(query, wordFilters),
    interpretation: {
      text: text.kept,
      communes: words.communes,
      postalCodes: words.postalCodes,
      transaction: query.transaction ?? words.transaction,
      types: words.types,
      bedroomsMin: query.bedroomsMin ?? words.bedroomsMin,
    },
  };
}

const CARD_COLUMNS = sql`id, transaction, type, status, price, charges, price_per_m2, bedrooms, living_area, land_area,
  epc_label, features, region, commune_nis, postal_code, street, lat, lon, card, published_at`;

interface CardRow {
  id: string;
  transaction: SearchCard['transaction'];
  type: SearchCard['type'];
  status: string;
  price: number;
  charges: number | null;
  price_per_m2: number | null;
  bedrooms: number | null;
  living_area: number | null;
  land_area: number | null;
  epc_label: string | null;
  features: string[];
  region: string;
  commune_nis: string;
  postal_code: string;
  street: string | null;
  lat: number;
  lon: number;
  card: { title: Record<string, string>; communeName: SearchCard['communeName']; coverPhoto: SearchCard['coverPhoto'] };
  published_at: Date | string;
  sort_value: number | string;
}

/**
 * Relevance: ts_rank over the short `head` vector only (titles, type words,
 * commune names — small, stored inline, so ranking every match stays cheap;
 * the long descriptions are matched through the GIN index but never
 * ranked), plus a boost when the listing is of a type the words name.
 */
function relevance(prepared: PreparedSearch): RawBuilder<number> {
  const types = prepared.words.types;
  const boost = types.length ? sql`case when type = any(${types}::text[]) then 0.3 else 0 end` : sql`0`;
  return sql<number>`round((ts_rank(head, ${prepared.text.any}::tsquery) + ${boost})::numeric, 6)`;
}

interface SortPlan {
  value: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  after(value: number | string, id: string): RawBuilder<unknown>;
}

function sortPlan(sort: Sort, prepared: PreparedSearch): SortPlan {
  switch (sort) {
    case 'relevance':
      return {
        value: relevance(prepared),
        order: sql`sort_value desc, id asc`,
        after: (v, id) => sql`(sort_value < ${v}::numeric or (sort_value = ${v}::numeric and id > ${id}::uuid))`,
      };
    case 'price_asc':
      return { value: sql`price`, order: sql`sort_value asc, id asc`, after: (v, id) => sql`(sort_value, id) > (${v}::int, ${id}::uuid)` };
    case 'price_desc':
      return { value: sql`price`, order: sql`sort_value desc, id desc`, after: (v, id) => sql`(sort_value, id) < (${v}::int, ${id}::uuid)` };
    case 'price_per_m2':
      return {
        value: sql`ppm2_key`,
        order: sql`sort_value asc, id asc`,
        after: (v, id) => sql`(sort_value, id) > (${v}::float8, ${id}::uuid)`,
      };
    case 'newest':
      return {
        value: sql`published_at`,
        order: sql`sort_value desc, id desc`,
        after: (v, id) => sql`(sort_value, id) < (${v}::timestamptz, ${id}::uuid)`,
      };
  }
}

export async function runSearch(db: Executor, geo: GeoApi, query: ParsedSearchQuery, options: { concurrent?: boolean } = {}): Promise<SearchResult> {
  const prepared = await prepareSearch(db, geo, query);
  const limit = query.limit ?? 20;
  // without text there is nothing to rank: newest first
  const sort: Sort = (query.sort ?? 'relevance') === 'relevance' && !prepared.text.any ? 'newest' : (query.sort ?? 'relevance');
  const plan = sortPlan(sort, prepared);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  const where = whereClause(prepared.conditions);

  // The sort value is computed in an inner select so that the keyset
  // condition and ORDER BY name it once; for the index-backed sorts the
  // planner pulls the condition down and walks the index.
  // Relevance ranks a bounded candidate set: the RANKED_CANDIDATES newest
  // matches (total and facets still count every match), so its cost stays
  // flat however many listings match a common word.
  const source =
    sort === 'relevance'
      ? sql`(select * from search.listings ${where} order by published_at desc, id desc limit ${RANKED_CANDIDATES}) as candidates`
      : sql`search.listings ${where}`;
  const page = async () =>
    sql<CardRow>`select * from (select ${CARD_COLUMNS}, ${plan.value} as sort_value from ${source}) r
      ${cursor ? sql`where ${plan.after(cursor.value, cursor.id)}` : sql``}
      order by ${plan.order} limit ${limit + 1}`.execute(db);
  const counts = async () => {
    if (query.facets === false) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from search.listings ${where}`.execute(db);
      return { total: rows[0]?.n ?? 0, facets: undefined };
    }
    return computeFacets(db, where);
  };
  const [pageResult, countResult] = options.concurrent ? await Promise.all([page(), counts()]) : [await page(), await counts()];

  const rows = pageResult.rows.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor =
    pageResult.rows.length > limit && last ? encodeCursor({ sort, value: sortValueForCursor(last.sort_value), id: last.id }) : null;
  return {
    items: rows.map(toCard),
    total: countResult.total,
    nextCursor,
    ...(countResult.facets ? { facets: countResult.facets } : {}),
    interpreted: prepared.interpretation,
  };
}

function sortValueForCursor(value: number | string | Date): number | string {
  // timestamps go back as exact text (microseconds kept), numbers as numbers
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function toCard(row: CardRow): SearchCard {
  return {
    id: row.id,
    transaction: row.transaction,
    type: row.type,
    status: row.status,
    price: row.price,
    charges: row.charges,
    pricePerM2: row.price_per_m2,
    bedrooms: row.bedrooms,
    livingArea: row.living_area,
    landArea: row.land_area,
    epcLabel: row.epc_label,
    features: row.features,
    region: row.region,
    communeNis: row.commune_nis,
    postalCode: row.postal_code,
    communeName: row.card.communeName,
    street: row.street,
    lat: row.lat,
    lon: row.lon,
    title: row.card.title,
    coverPhoto: row.card.coverPhoto,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}
