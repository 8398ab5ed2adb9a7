-- Synonym groups indexed as concepts. A query word of the vocabulary
-- ("appartement") used to match as an OR of every form of every synonym
-- (appart | appartement | flat | apartment | …: 14 lexemes, three of them in
-- a third of all documents), and the GIN index merged those long posting
-- lists for every search. Now each document also carries one lexeme per
-- synonym group it mentions ('~appartement'), so the word matches through a
-- single posting list. Which lexemes stand for which group is written by the
-- module from vocabulary.ts at start (concepts.ts); a '~' never comes out of
-- the text parser, so a concept lexeme cannot collide with a word.
create table search.concept_lexemes (
  lexeme text not null,
  concept text not null,
  primary key (lexeme, concept)
);

-- The concept lexemes of a document's words.
create or replace function search.concepts_of(tsvector) returns tsvector
  language sql stable parallel safe strict
  as $$ select coalesce(array_to_tsvector(array(
    select distinct c.concept from search.concept_lexemes c where c.lexeme = any(tsvector_to_array($1)))), ''::tsvector) $$;

-- A document with its concept lexemes (re)derived from its words.
create or replace function search.with_concepts(tsvector) returns tsvector
  language sql stable parallel safe strict
  as $$ select search.concepts_of(d) || d
    from (select ts_delete($1, array(select l from unnest(tsvector_to_array($1)) as l where l like '~%')) as d) as words $$;
