import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import { editDistance, type QueryWords } from './query-words.ts';
import { communesLike } from './trigrams.ts';
import { conceptOf } from './concepts.ts';

// From understood words to tsqueries. Each word is searched as its French,
// Dutch and plain ("simple") lexemes, any of them, because a listing's
// document is stemmed in its own language; words AND together for matching,
// OR together for ranking (partial credit). Stop words of either language
// are dropped (a French document has no "avec", a Dutch one no "met").

export interface TextQuery {
  /** tsquery text: every word (any of its forms) must be in the document. */
  all: string | null;
  /** tsquery text: any word, for ranking. */
  any: string | null;
}

interface Lexemes {
  fr: string;
  nl: string;
  simple: string;
}

/** Lexemes depend only on the word: cached, so a repeated query costs no extra round trip. */
const lexemeCache = new Map<string, Lexemes>();
const CACHE_LIMIT = 20_000;

async function lexemesOf(db: Executor, words: string[]): Promise<Map<string, Lexemes>> {
  const missing = [...new Set(words)].filter((w) => !lexemeCache.has(w));
  if (missing.length > 0) {
    const { rows } = await sql<{ w: string; fr: string; nl: string; simple: string }>`
      select w, plainto_tsquery('french', w)::text as fr, plainto_tsquery('dutch', w)::text as nl,
        plainto_tsquery('simple', w)::text as simple
      from unnest(${missing}::text[]) as w`.execute(db);
    if (lexemeCache.size + rows.length > CACHE_LIMIT) lexemeCache.clear();
    for (const r of rows) lexemeCache.set(r.w, { fr: r.fr, nl: r.nl, simple: r.simple });
  }
  return new Map(words.map((w) => [w, lexemeCache.get(w)!]));
}

/**
 * Words that are no vocabulary word, found in no listing, but close to a
 * commune name ("Schaerbek", "Charleroy", "Anderlect") become that commune:
 * trigram candidates among the commune names (trigrams.ts), confirmed by an
 * edit distance (1, or 2 from six letters).
 */
export async function resolveMisspeltCommunes(db: Executor, words: QueryWords, geo: GeoApi): Promise<QueryWords> {
  const unknown = words.groups.filter((g) => g.variants.length === 1 && g.word.length >= 4).map((g) => g.word);
  if (unknown.length === 0) return words;
  // look-alike communes in memory first (most words have none), confirmed by the edit distance
  const candidates = new Map<string, string[]>();
  for (const w of unknown) {
    const allowed = w.length >= 6 ? 2 : 1;
    const niss = [...new Set(communesLike(geo, w, 3).filter((c) => editDistance(w, c.folded, allowed) <= allowed).map((c) => c.nis))];
    if (niss.length) candidates.set(w, niss);
  }
  if (candidates.size === 0) return words;
  // only a word that no listing contains is taken for a misspelt commune
  const { rows } = await sql<{ w: string }>`
    select w from unnest(${[...candidates.keys()]}::text[]) as w
    where not exists (select 1 from search.listings
      where doc @@ (plainto_tsquery('french', w) || plainto_tsquery('dutch', w) || plainto_tsquery('simple', w)))`.execute(db);
  const found = new Map(rows.map(({ w }) => [w, candidates.get(w)!] as const));
  if (found.size === 0) return words;
  const communes = [...words.communes];
  for (const [word, niss] of found) {
    for (const nis of niss) {
      const c = geo.commune(nis);
      if (c && !communes.some((m) => m.nis === nis)) communes.push({ nis, name: { fr: c.name.fr, nl: c.name.nl }, matched: word, fuzzy: true });
    }
  }
  return { ...words, communes, groups: words.groups.filter((g) => !found.has(g.word)) };
}

export async function buildTextQuery(db: Executor, words: QueryWords): Promise<TextQuery & { kept: string[] }> {
  if (words.groups.length === 0) return { all: null, any: null, kept: [] };
  const lexemes = await lexemesOf(db, words.groups.flatMap((g) => g.variants));
  const matchParts: string[] = [];
  const rankParts: string[] = [];
  const kept: string[] = [];
  for (const group of words.groups) {
    const own = lexemes.get(group.word)!;
    if (!own.fr || !own.nl) continue; // a stop word in French or in Dutch
    // matching: a vocabulary word through its synonym group's concept lexeme (concepts.ts), any other
    // word (the typed one when it was corrected, say) through its own forms; ranking runs on the short
    // head vector, which has no concepts, so it keeps every form
    const match = new Set<string>();
    const rank = new Set<string>();
    for (const v of group.variants) {
      const l = lexemes.get(v)!;
      const forms = [l.fr, l.nl, l.simple].filter(Boolean).map((form) => (form.includes(' ') ? `(${form})` : form));
      forms.forEach((f) => rank.add(f));
      const concept = conceptOf(v);
      if (concept) match.add(`'${concept}'`);
      else forms.forEach((f) => match.add(f));
    }
    matchParts.push(`(${[...match].join(' | ')})`);
    rankParts.push(`(${[...rank].join(' | ')})`);
    kept.push(group.word);
  }
  if (matchParts.length === 0) return { all: null, any: null, kept };
  return { all: matchParts.join(' & '), any: rankParts.join(' | '), kept };
}
