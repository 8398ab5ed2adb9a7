import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { syncConcepts } from './concepts.ts';
import { searchHarness, type SearchHarness } from './fixtures/harness.ts';
import { listingId, makeListing } from './fixtures/listings.ts';

// Synonym groups are matched through one concept lexeme per group in each
// document (migration 0006). What a buyer finds must be what the plain
// expansion found: any form of any synonym, in the ad's own language.

let h: SearchHarness;
const listings = [
  // the synonym only in a Dutch description, inflected ("flats" is no type word of an office)
  makeListing({ n: 1, commune: 'Gent', type: 'office', price: 300_000, title: { nl: 'Kantoor aan de Leie' }, description: { nl: 'Vroeger twee flats, nu kantoorruimte met tuinen.' } }),
  // a French plural that only the French stemmer brings to the group ("terrasses")
  makeListing({ n: 2, commune: 'Namur', type: 'house', price: 320_000, title: { fr: 'Maison de ville' }, description: { fr: 'Deux terrasses plein sud.' } }),
  makeListing({ n: 3, commune: 'Namur', type: 'house', price: 280_000, title: { fr: 'Maison de ville' }, description: { fr: 'Cour intérieure.' } }),
];
beforeAll(async () => {
  h = await searchHarness();
  for (const l of listings) await h.publish('published', l);
}, 60_000);
afterAll(() => h.close());

const ids = async (q: string) => (await h.service.search({ q, facets: false })).items.map((i) => i.id).sort();

describe('synonym concepts', () => {
  it('finds a synonym written in the description, in either language, inflected', async () => {
    expect(await ids('appartement')).toEqual([listingId(1)]);
    expect(await ids('jardin')).toEqual([listingId(1)]);
    expect(await ids('terras')).toEqual([listingId(2)]);
    expect(await ids('terrasse maison')).toEqual([listingId(2)]);
  });

  it('matches a vocabulary word through one lexeme, and any other word through its own forms', async () => {
    const { rows } = await sql<{ doc: string }>`select doc::text as doc from search.listings where id = ${listingId(1)}`.execute(h.db.kysely);
    expect(rows[0]!.doc).toContain("'~appartement'");
    expect(rows[0]!.doc).toContain("'~jardin'");
    expect(rows[0]!.doc).not.toContain("'~maison'");
    expect(await ids('cour')).toEqual([listingId(3)]);
  });

  it('derives every document again when the vocabulary changed, and only then', async () => {
    // as after an older vocabulary: a group missing from the table and from the documents
    await sql`delete from search.concept_lexemes where concept = '~terrasse'`.execute(h.db.kysely);
    await sql`update search.listings set doc = search.with_concepts(doc)`.execute(h.db.kysely);
    expect(await ids('terrasse')).toEqual([]);

    expect(await h.db.kysely.transaction().execute((trx) => syncConcepts(trx))).toEqual({ changed: true });
    expect(await ids('terrasse')).toEqual([listingId(2)]);
    expect(await h.db.kysely.transaction().execute((trx) => syncConcepts(trx))).toEqual({ changed: false });
  });
});
