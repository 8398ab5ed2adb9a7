import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import { SYNONYM_GROUPS, synonymsOf } from './vocabulary.ts';

// Synonym groups as concepts (see migration 0006): a document mentioning any
// form of any word of a group carries the group's concept lexeme, and a query
// word of the vocabulary matches through that one lexeme. The forms are the
// ones a query word used to expand to — the French, Dutch and plain lexemes of
// every word of the group — so what matches is unchanged; only the index
// reads one posting list instead of a dozen.

const PREFIX = '~';

/** The concept lexeme of a vocabulary word, or undefined for any other word. */
export function conceptOf(word: string): string | undefined {
  const group = synonymsOf(word);
  return group ? PREFIX + group.words[0] : undefined;
}

/**
 * Writes which lexemes stand for which concept, from the vocabulary, and when
 * that changed (a new synonym, a first start after migration 0006) derives the
 * concepts of every indexed document again. Idempotent; serialised between
 * processes starting together by a transaction-scoped advisory lock.
 */
export async function syncConcepts(trx: Executor): Promise<{ changed: boolean }> {
  await sql`select pg_advisory_xact_lock(hashtext('search.concept_lexemes'))`.execute(trx);
  const words = SYNONYM_GROUPS.flatMap((g) => g.words);
  const concepts = SYNONYM_GROUPS.flatMap((g) => g.words.map(() => PREFIX + g.words[0]));
  // a form of several lexemes ("villa's" → villa & s) is no single lexeme: left out
  const wanted = sql`select distinct trim(both '''' from q::text) as lexeme, concept
    from unnest(${words}::text[], ${concepts}::text[]) as t(word, concept)
    cross join lateral (values (plainto_tsquery('french', word)), (plainto_tsquery('dutch', word)), (plainto_tsquery('simple', word))) as f(q)
    where numnode(q) = 1`;
  const { rows } = await sql<{ differ: boolean }>`
    select exists ((${wanted}) except (select lexeme, concept from search.concept_lexemes))
        or exists ((select lexeme, concept from search.concept_lexemes) except (${wanted})) as differ`.execute(trx);
  if (!rows[0]?.differ) return { changed: false };
  await sql`delete from search.concept_lexemes`.execute(trx);
  await sql`insert into search.concept_lexemes (lexeme, concept) ${wanted}`.execute(trx);
  await sql`update search.listings set doc = search.with_concepts(doc)`.execute(trx);
  return { changed: true };
}
