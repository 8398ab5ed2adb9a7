import { comparableName, type GeoApi } from '@immo/geo';
import type { PropertyType, Transaction } from '@immo/listings';
import {
  AMBIGUOUS_COMMUNE_WORDS,
  BEDROOM_WORDS,
  REGION_WORDS,
  TRANSACTION_WORDS,
  VOCABULARY,
  synonymsOf,
} from './vocabulary.ts';

// Understanding the words of a query, before any SQL: which words name a
// commune (in any language: Bergen is Mons, Luik is Liège), a postal code, a
// region, the transaction, a number of bedrooms; the rest is text, expanded
// with its synonyms and corrected against the vocabulary when misspelt.

export interface TextGroup {
  /** The word as typed (folded). */
  word: string;
  /** Words searched for it, any of them: itself, its synonyms, its correction. */
  variants: string[];
}

export interface MatchedCommune {
  nis: string;
  name: { fr: string; nl: string };
  matched: string;
  fuzzy: boolean;
}

export interface QueryWords {
  groups: TextGroup[];
  communes: MatchedCommune[];
  postalCodes: string[];
  transaction: Transaction | null;
  region: 'brussels' | 'flanders' | 'wallonia' | null;
  /** Types the words name (a ranking boost). */
  types: PropertyType[];
  bedroomsMin: number | null;
}

/** Lower case, no accents: how words are compared everywhere in search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const MAX_PHRASE = 5;

export function readQueryWords(q: string, geo: GeoApi): QueryWords {
  const raw = q.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const words = raw.map(fold);
  const out: QueryWords = { groups: [], communes: [], postalCodes: [], transaction: null, region: null, types: [], bedroomsMin: null };
  const types = new Set<PropertyType>();

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    if (/^\d+$/.test(word)) {
      const next = words[i + 1];
      if (next && BEDROOM_WORDS.has(next) && Number(word) <= 20) {
        out.bedroomsMin = Number(word);
        i += 2;
        continue;
      }
      if (/^[1-9]\d{3}$/.test(word) && geo.communesByPostalCode(word).length > 0) out.postalCodes.push(word);
      i += 1; // other numbers say nothing a filter does not say better
      continue;
    }
    const region = REGION_WORDS[word];
    if (region) {
      out.region = region;
      i += 1;
      continue;
    }
    const transaction = TRANSACTION_WORDS[word];
    if (transaction) {
      out.transaction = transaction;
      i += 1;
      continue;
    }
    const commune = longestPlace(words, raw, i, geo);
    if (commune?.postalCodes) {
      for (const code of commune.postalCodes) if (!out.postalCodes.includes(code)) out.postalCodes.push(code);
      i += commune.length;
      continue;
    }
    if (commune) {
      for (const c of commune.communes) {
        if (!out.communes.some((m) => m.nis === c.nis)) out.communes.push({ nis: c.nis, name: { fr: c.name.fr, nl: c.name.nl }, matched: commune.phrase, fuzzy: false });
      }
      i += commune.length;
      continue;
    }
    i += 1;
    // one letter is an elision (l', d') or an initial: nothing to search
    if (word.length < 2 || BEDROOM_WORDS.has(word)) continue;
    const group = synonymsOf(word) ?? correct(word);
    if (group) {
      group.types.forEach((t) => types.add(t));
      out.groups.push({ word, variants: [...new Set([word, ...group.words])] });
    } else {
      out.groups.push({ word, variants: [word] });
    }
  }
  out.types = [...types];
  return out;
}

/**
 * The longest run of words, from `start`, that names a commune (any
 * language) or else a locality of a postal code ("Louvain-la-Neuve",
 * "Laeken", "Heverlee": its postal codes).
 */
function longestPlace(words: string[], raw: string[], start: number, geo: GeoApi) {
  const capitalised = /^\p{Lu}/u.test(raw[start]!);
  for (let length = Math.min(MAX_PHRASE, words.length - start); length >= 1; length--) {
    const phrase = words.slice(start, start + length).join(' ');
    if (length === 1) {
      if (synonymsOf(phrase)) return undefined; // a vocabulary word first
      // "ans" (years) or "boom" (tree) name a commune only when capitalised
      if (AMBIGUOUS_COMMUNE_WORDS.has(phrase) && !capitalised) return undefined;
    }
    const communes = geo.findByName(phrase);
    if (communes.length > 0) return { communes, postalCodes: undefined, phrase, length };
    // localities are many and some are words ("Loyers", "Nouvelles"): one word counts only when capitalised
    const codes = length > 1 || capitalised ? placesOf(geo).get(phrase) : undefined;
    if (codes) return { communes: [], postalCodes: codes, phrase, length };
  }
  return undefined;
}

const placeIndexes = new WeakMap<GeoApi, Map<string, string[]>>();
function placesOf(geo: GeoApi): Map<string, string[]> {
  let index = placeIndexes.get(geo);
  if (!index) {
    index = new Map();
    for (const commune of geo.communes()) {
      for (const p of commune.postalCodes) {
        const key = comparableName(p.place);
        const codes = index.get(key) ?? [];
        if (!codes.includes(p.code)) codes.push(p.code);
        index.set(key, codes);
      }
    }
    placeIndexes.set(geo, index);
  }
  return index;
}

/** A misspelt vocabulary word ("apartement", "maisson"): one edit away, two for long words. */
function correct(word: string) {
  if (word.length < 5) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of VOCABULARY) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(word, candidate, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best ? synonymsOf(best.word) : undefined;
}

/** Damerau-Levenshtein (adjacent swaps count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return rowMin;
  }
  return rows[a.length]![b.length]!;
}
