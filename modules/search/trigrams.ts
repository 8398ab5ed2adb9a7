import type { Commune, GeoApi } from '@immo/geo';
import { fold } from './query-words.ts';

// Typo tolerance by trigram similarity — pg_trgm's measure (words padded
// "  word ", shared trigrams / all trigrams, look-alike from 0.3) — computed
// here rather than with pg_trgm's `%` operator in SQL. On PGlite a `%` query
// now and then leaves a buffer pin or a statistics tuple behind and the next
// warning or error spins the WASM backend for ever (see README: "The PGlite
// hang"); commune names are reference data held in memory anyway, and street
// candidates are few once their first letters are known.

/** pg_trgm's default `similarity_threshold`. */
export const SIMILARITY_THRESHOLD = 0.3;

/** A place name's comparable form, as `search.fold_name` writes `suggest_terms.folded`. */
export function foldName(text: string): string {
  return fold(text).replace(/[\s\-'’.]+/g, ' ').trim();
}

export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface NameMatch {
  nis: string;
  /** the folded name that matched (as in suggest_terms.folded) */
  folded: string;
  score: number;
}

interface NameEntry {
  nis: string;
  folded: string;
  grams: Set<string>;
  weight: number;
}

const indexes = new WeakMap<GeoApi, NameEntry[]>();

function nameIndex(geo: GeoApi): NameEntry[] {
  let index = indexes.get(geo);
  if (!index) {
    index = [];
    for (const c of geo.communes() as readonly Commune[]) {
      const weight = new Set(c.postalCodes.map((p) => p.code)).size;
      for (const name of new Set([c.name.fr, c.name.nl, c.name.de].filter((n): n is string => !!n))) {
        const folded = foldName(name);
        index.push({ nis: c.nis, folded, grams: trigrams(folded), weight });
      }
    }
    indexes.set(geo, index);
  }
  return index;
}

/** Commune names (every language) that look like `text`, most similar first, then bigger places. */
export function communesLike(geo: GeoApi, text: string, limit: number): NameMatch[] {
  const grams = trigrams(foldName(text));
  const hits: (NameMatch & { weight: number })[] = [];
  for (const entry of nameIndex(geo)) {
    const score = similarity(grams, entry.grams);
    if (score >= SIMILARITY_THRESHOLD) hits.push({ nis: entry.nis, folded: entry.folded, score, weight: entry.weight });
  }
  hits.sort((a, b) => b.score - a.score || b.weight - a.weight || a.folded.localeCompare(b.folded));
  return hits.slice(0, limit).map(({ nis, folded, score }) => ({ nis, folded, score }));
}
