-- The search module's own index, fed only by listing events (see README).
create schema if not exists search;

-- unaccent() is only STABLE (it reads a dictionary by name); with the
-- dictionary given explicitly the result never changes, so this wrapper may
-- be IMMUTABLE and used in indexes and stored columns.
create or replace function search.fold(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- A place name's comparable form: folded, and hyphens, apostrophes and dots
-- read as a space ("Sint-Truiden" = "sint truiden").
create or replace function search.fold_name(text) returns text
  language sql immutable parallel safe strict
  as $$ select btrim(regexp_replace(search.fold($1), '[\s''’.-]+', ' ', 'g')) $$;

-- The last version seen of every listing, also after it left the index, so a
-- late, older snapshot can never bring back a removed listing or an old price.
create table search.listing_versions (
  listing_id uuid primary key,
  version int not null
);

-- One row per findable listing (status published or under_offer).
create table search.listings (
  id uuid primary key,
  version int not null,
  status text not null,
  transaction text not null,
  type text not null,
  price int not null,
  charges int,
  -- price per m² of living area; the sort key puts listings without area last
  price_per_m2 numeric(12, 2),
  ppm2_key double precision not null,
  bedrooms int,
  bathrooms int,
  living_area numeric(10, 2),
  land_area numeric(12, 2),
  epc_label text,
  -- A++ = 0, A+ = 1, A = 2 ... G = 8: one scale for the three regions' letters
  epc_rank smallint,
  features text[] not null default '{}',
  region text not null,
  province_nis text,
  commune_nis text not null,
  postal_code text not null,
  -- null when the owner hides the address
  street text,
  lat double precision not null,
  lon double precision not null,
  owner_id text not null,
  published_at timestamptz not null,
  language text not null,
  -- short: title + type words + commune names; used for ranking (stays small and inline)
  head tsvector not null,
  -- full: head + description; used for matching (GIN)
  doc tsvector not null,
  -- what a result card shows, so a search never calls the listings module
  card jsonb not null,
  indexed_at timestamptz not null default now()
);

create index listings_doc on search.listings using gin (doc);
create index listings_point on search.listings using gist (point(lon, lat));
create index listings_newest on search.listings (published_at desc, id desc);
create index listings_price on search.listings (transaction, price, id);
create index listings_ppm2 on search.listings (transaction, ppm2_key, id);
create index listings_commune on search.listings (commune_nis);
create index listings_postal_code on search.listings (postal_code);

-- Short strings for as-you-type suggestions and commune typo tolerance.
-- kind: commune (one row per name and language), postal_code, street.
create table search.suggest_terms (
  id bigserial primary key,
  kind text not null check (kind in ('commune', 'postal_code', 'street')),
  label text not null,
  folded text not null,
  lang text,
  commune_nis text not null,
  postal_code text,
  -- communes: inhabitants-like weight from the reference; streets/postal codes: findable listings there
  weight int not null default 0,
  listing_count int not null default 0
);
create unique index suggest_terms_key on search.suggest_terms (kind, folded, commune_nis, coalesce(lang, ''), coalesce(postal_code, ''));
create index suggest_terms_trgm on search.suggest_terms using gin (folded gin_trgm_ops);
create index suggest_terms_prefix on search.suggest_terms (folded text_pattern_ops);

-- Resumable `immo search reindex`: one row, the keyset position of the run.
create table search.reindex_runs (
  id int primary key default 1 check (id = 1),
  started_at timestamptz not null,
  after_id uuid,
  indexed int not null default 0,
  finished_at timestamptz
);

create table search.saved_searches (
  id uuid primary key,
  user_id text not null,
  name text not null,
  -- the search as the user made it: { q?, filters..., sort? } (contract: savedSearchQuery)
  query jsonb not null,
  alert text not null check (alert in ('instant', 'daily', 'none')),
  -- copied from the query so alert matching narrows candidates cheaply
  transaction text,
  created_at timestamptz not null default now(),
  last_digest_at timestamptz
);
create index saved_searches_user on search.saved_searches (user_id, created_at desc);
create index saved_searches_alerting on search.saved_searches (transaction) where alert <> 'none';

create table search.alerts (
  id uuid primary key,
  saved_search_id uuid not null references search.saved_searches (id) on delete cascade,
  user_id text not null,
  listing_id uuid not null,
  reason text not null check (reason in ('new', 'price_drop')),
  -- 0 for 'new' (a listing is new once per saved search), the snapshot version for a price drop
  listing_version int not null,
  price int not null,
  created_at timestamptz not null default now(),
  digested_at timestamptz,
  unique (saved_search_id, listing_id, reason, listing_version)
);
create index alerts_search on search.alerts (saved_search_id, created_at desc, id desc);
create index alerts_digest on search.alerts (user_id) where digested_at is null;
