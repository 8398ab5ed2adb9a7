import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '@immo/platform';
import { EPC_LABELS, type Facets } from './contract.ts';

// Facet counts over the filtered set, in one pass: the matching rows are
// grouped once by GROUPING SETS — (type, bedrooms, EPC, region, price band)
// together, and the feature list alone — into a few hundred groups, and the
// six facets are summed from those groups. Grouping the feature lists before
// unnesting them unnests a few hundred arrays, not one per match.

/** Price bands differ between sales and monthly rents. */
const SALE_BANDS = [150_000, 250_000, 350_000, 500_000, 750_000, 1_000_000];
const RENT_BANDS = [750, 1000, 1250, 1500, 2000, 3000];

/** width_bucket's answer (0 below the first bound … n from the last) as the band's name. */
function bandName(bounds: number[], bucket: number): string {
  if (bucket >= bounds.length) return `${bounds.at(-1)}+`;
  return `${bucket === 0 ? 0 : bounds[bucket - 1]}-${bounds[bucket]}`;
}

export async function computeFacets(db: Executor, where: RawBuilder<unknown>): Promise<{ facets: Facets; total: number }> {
  const { rows } = await sql<{ facet: keyof Facets | 'price_sale' | 'price_rent'; value: string | null; n: number }>`
    with g as materialized (
      -- (not least(bedrooms, 5): LEAST ignores nulls, and an unknown count is no "5+")
      select type, case when bedrooms > 5 then 5 else bedrooms end as bedrooms, epc_label, region, transaction,
        width_bucket(price, case when transaction = 'sale' then ${SALE_BANDS}::int[] else ${RENT_BANDS}::int[] end) as band,
        features, grouping(features) as by_row, count(*) as n
      from search.listings ${where}
      group by grouping sets ((type, 2, epc_label, region, transaction, 6), (features))
    )
    select 'type' as facet, type as value, sum(n)::int as n from g where by_row = 1 group by type
    union all
    select 'bedrooms', bedrooms::text, sum(n)::int from g where by_row = 1 group by bedrooms
    union all
    select 'epc', epc_label, sum(n)::int from g where by_row = 1 group by epc_label
    union all
    select 'region', region, sum(n)::int from g where by_row = 1 group by region
    union all
    select 'price_' || transaction, band::text, sum(n)::int from g where by_row = 1 group by transaction, band
    union all
    select 'features', f, sum(n)::int from g cross join lateral unnest(features) as f where by_row = 0 group by f`.execute(db);

  const facets: Facets = { type: [], bedrooms: [], epc: [], region: [], price: [], features: [] };
  for (const { facet, value, n } of rows) {
    if (facet === 'price_sale' || facet === 'price_rent') {
      const transaction = facet.slice('price_'.length);
      facets.price.push({ value: `${transaction}:${bandName(transaction === 'sale' ? SALE_BANDS : RENT_BANDS, Number(value))}`, count: n });
    } else if (facet === 'bedrooms') {
      facets.bedrooms.push({ value: value === null ? 'unknown' : value === '5' ? '5+' : value, count: n });
    } else if (facet === 'epc') {
      facets.epc.push({ value: value ?? 'unknown', count: n });
    } else {
      facets[facet].push({ value: value!, count: n });
    }
  }
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
