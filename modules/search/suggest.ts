import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { Suggestion } from './contract.ts';
import { fold } from './query-words.ts';
import { communesLike, similarity, SIMILARITY_THRESHOLD, trigrams } from './trigrams.ts';

/** Streets read for look-alikes: those sharing the first three letters, the busiest first. */
const STREET_CANDIDATES = 500;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// As-you-type suggestions over communes (every language), postal codes and
// the streets of findable listings, from the short `suggest_terms` table:
// prefix matches first (btree text_pattern_ops; communes, then by how many
// listings are there), then, when those are too few, the most similar terms
// by trigram similarity (pg_trgm's measure, computed in trigrams.ts): typo-tolerant.

export async function suggest(
  db: Executor,
  geo: GeoApi,
  input: { q: string; lang?: 'fr' | 'nl' | 'de' | 'en'; limit?: number },
): Promise<Suggestion[]> {
  const q = fold(input.q).replace(/[\s\-'’.]+/g, ' ').trim();
  const limit = input.limit ?? 8;
  if (!q) return [];
  const lang = input.lang === 'nl' ? 'nl' : input.lang === 'de' ? 'de' : 'fr';
  const prefix = `${escapeLike(q)}%`;
  type Hit = { kind: Suggestion['kind']; label: string; commune_nis: string; postal_code: string | null; listing_count: number };
  // 1. prefix matches: a btree range scan (text_pattern_ops), the common case while typing
  const { rows: prefixed } = await sql<Hit>`
    select kind, label, commune_nis, postal_code, listing_count from search.suggest_terms
    where folded like ${prefix} and (kind <> 'street' or listing_count > 0)
    order by (kind = 'commune') desc, listing_count desc, weight desc, label
    limit ${limit * 4}`.execute(db);
  let rows = prefixed;
  // 2. typos, only when prefixes found too little: commune names (every language) by trigram similarity
  // in memory, streets of listings that share the first three letters, by the same measure (trigrams.ts)
  if (prefixed.length < limit && q.length >= 3) {
    const grams = trigrams(q);
    const communes = communesLike(geo, q, limit * 2);
    const score = new Map(communes.map((c) => [`${c.nis}:${c.folded}`, c.score]));
    const { rows: candidates } = await sql<Hit & { folded: string; weight: number }>`
      (select kind, label, folded, commune_nis, postal_code, listing_count, weight from search.suggest_terms
        where kind = 'commune' and commune_nis = any(${communes.map((c) => c.nis)}::text[]))
      union all
      (select kind, label, folded, commune_nis, postal_code, listing_count, weight from search.suggest_terms
        where kind = 'street' and listing_count > 0 and folded like ${`${escapeLike(q.slice(0, 3))}%`}
        order by listing_count desc, label limit ${STREET_CANDIDATES})`.execute(db);
    const fuzzy = candidates
      .map((row) => ({ row, score: row.kind === 'commune' ? (score.get(`${row.commune_nis}:${row.folded}`) ?? 0) : similarity(grams, trigrams(row.folded)) }))
      .filter((hit) => hit.score >= SIMILARITY_THRESHOLD)
      .sort(
        (a, b) =>
          b.score - a.score ||
          Number(b.row.kind === 'commune') - Number(a.row.kind === 'commune') ||
          b.row.listing_count - a.row.listing_count ||
          b.row.weight - a.row.weight ||
          a.row.label.localeCompare(b.row.label),
      )
      .slice(0, limit * 4)
      .map((hit) => hit.row);
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
