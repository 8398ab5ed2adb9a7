import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '@immo/platform';
import { EPC_LABELS, type Facets } from './contract.ts';

// Facet counts over the filtered set, in one pass: the matching rows are
// read once (a CTE referenced six times is materialised), then grouped six ways.

/** Price bands differ between sales and monthly rents. */
const SALE_BANDS = [150_000, 250_000, 350_000, 500_000, 750_000, 1_000_000];
const RENT_BANDS = [750, 1000, 1250, 1500, 2000, 3000];

function bandSql(bounds: number[]): RawBuilder<string> {
  const cases = bounds.map((b, i) => sql`when price < ${sql.lit(b)} then ${sql.lit(`${i === 0 ? 0 : bounds[i - 1]}-${b}`)}`);
  return sql<string>`case ${sql.join(cases, sql` `)} else ${sql.lit(`${bounds.at(-1)}+`)} end`;
}

export async function computeFacets(db: Executor, where: RawBuilder<unknown>): Promise<{ facets: Facets; total: number }> {
  const { rows } = await sql<{ facet: keyof Facets; value: string; n: number }>`
    with m as materialized (
      select type, bedrooms, epc_label, region, price, transaction, features from search.listings ${where}
    )
    select 'type' as facet, type as value, count(*)::int as n from m group by type
    union all
    select 'bedrooms', case when bedrooms is null then 'unknown' when bedrooms >= 5 then '5+' else bedrooms::text end, count(*)::int
      from m group by 2
    union all
    select 'epc', coalesce(epc_label, 'unknown'), count(*)::int from m group by 2
    union all
    select 'region', region, count(*)::int from m group by region
    union all
    select 'price', transaction || ':' || case when transaction = 'sale' then ${bandSql(SALE_BANDS)} else ${bandSql(RENT_BANDS)} end,
      count(*)::int from m group by 2
    union all
    select 'features', f, count(*)::int from m cross join lateral unnest(features) as f group by f`.execute(db);

  const facets: Facets = { type: [], bedrooms: [], epc: [], region: [], price: [], features: [] };
  for (const row of rows) facets[row.facet].push({ value: row.value, count: row.n });
  const total = facets.type.reduce((n, f) => n + f.count, 0);
  const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) => b.count - a.count || a.value.localeCompare(b.value);
  facets.type.sort(byCount);
  facets.features.sort(byCount);
  facets.region.sort(byCount);
  facets.bedrooms.sort((a, b) => a.value.localeCompare(b.value));
  const epcOrder = (v: string) => (EPC_LABELS as readonly string[]).indexOf(v) >>> 0;
  facets.epc.sort((a, b) => epcOrder(a.value) - epcOrder(b.value));
  facets.price.sort((a, b) => a.value.localeCompare(b.value, 'en', { numeric: true }));
  return { facets, total };
}
