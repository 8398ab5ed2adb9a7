-- The GiST trigram index of 0002 made suggestion scans on PGlite (WASM) spin
-- without end now and then; typo suggestions use the `%` similarity operator,
-- which the GIN trigram index of 0001 serves on both engines.
drop index if exists search.suggest_terms_trgm_gist;
