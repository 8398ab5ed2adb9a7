-- Typo look-alikes are found by trigram similarity computed in TypeScript
-- (trigrams.ts), not by pg_trgm's `%` operator: on PGlite a `%` query could
-- leave a buffer pin or a statistics tuple behind and the next warning spun
-- the WASM backend for ever (README: "The PGlite hang"). The trigram index has
-- no reader left; dropping it also keeps pg_trgm out of every term insert.
drop index if exists search.suggest_terms_trgm;
