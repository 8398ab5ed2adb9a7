import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { Suggestion } from './contract.ts';
import { fold } from './query-words.ts';

// As-you-type suggestions over communes (every language), postal codes and
// the streets of findable listings, from the short `suggest_terms` table:
// prefix matches first (btree text_pattern_ops; communes, then by how many
// listings are there), then, when those are too few, the most similar terms
// by trigram similarity (pg_trgm): typo-tolerant.

export async function suggest(
  db: Executor,
  geo: GeoApi,
  input: { q: string; lang?: 'fr' | 'nl' | 'de' | 'en'; limit?: number },
): Promise<Suggestion[]> {
  const q = fold(input.q).replace(/[\s\-'’.]+/g, ' ').trim();
  const limit = input.limit ?? 8;
  if (!q) return [];
  const lang = input.lang === 'nl' ? 'nl' : input.lang === 'de' ? 'de' : 'fr';
  const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  type Hit = { kind: Suggestion['kind']; label: string; commune_nis: string; postal_code: string | null; listing_count: number };
  // 1. prefix matches: a btree range scan (text_pattern_ops), the common case while typing
  const { rows: prefixed } = await sql<Hit>`
    select kind, label, commune_nis, postal_code, listing_count from search.suggest_terms
    where folded like ${prefix} and (kind <> 'street' or listing_count > 0)
    order by (kind = 'commune') desc, listing_count desc, weight desc, label
    limit ${limit * 4}`.execute(db);
  let rows = prefixed;
  // 2. typos: terms whose trigram similarity passes pg_trgm's threshold (0.3, the `%` operator, served by
  // the trigram index), only when prefixes found too little. (A GiST KNN `<->` scan gave wrong or endless
  // results on PGlite under load; the similarity filter is as fast on this short table and stable.)
  if (prefixed.length < limit && q.length >= 3) {
    const { rows: fuzzy } = await sql<Hit>`
      select kind, label, commune_nis, postal_code, listing_count from search.suggest_terms
      where folded % ${q} and (kind <> 'street' or listing_count > 0)
      order by similarity(folded, ${q}) desc, (kind = 'commune') desc, listing_count desc, weight desc, label
      limit ${limit * 4}`.execute(db);
    rows = [...prefixed, ...fuzzy];
  }

  // one line per commune, in the asked language; postal codes say which commune
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const row of rows) {
    const commune = geo.commune(row.commune_nis);
    let label = row.label;
    if (row.kind === 'commune' && commune) {
      const own = commune.name[lang] ?? commune.name.fr;
      label = own === row.label || row.label === commune.name[lang] ? own : `${own} (${row.label})`;
    } else if (row.kind === 'postal_code' && commune) {
      label = `${row.postal_code} ${commune.name[lang] ?? commune.name.fr}`;
    } else if (row.kind === 'street' && commune) {
      label = `${row.label}, ${row.postal_code ?? ''} ${commune.name[lang] ?? commune.name.fr}`.replace(/\s+/g, ' ');
    }
    const key = row.kind === 'commune' ? `c:${row.commune_nis}` : `${row.kind}:${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: row.kind, label, communeNis: row.commune_nis, postalCode: row.postal_code, listingCount: row.listing_count });
    if (out.length >= limit) break;
  }
  return out;
}
