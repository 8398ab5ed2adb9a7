-- Typo-tolerant suggestions as a nearest-neighbour search: a GiST trigram
-- index answers "the 30 closest terms" (ORDER BY folded <-> q) without
-- scanning every term above a similarity threshold.
create index suggest_terms_trgm_gist on search.suggest_terms using gist (folded gist_trgm_ops);
