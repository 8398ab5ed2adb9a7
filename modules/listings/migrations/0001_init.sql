-- The listings module's own schema: listings and their price history.
create schema if not exists listings;

create table listings.listings (
  id uuid primary key,
  version int not null default 1,
  status text not null default 'draft'
    check (status in ('draft', 'published', 'under_offer', 'sold', 'rented', 'archived')),
  transaction text not null check (transaction in ('sale', 'rent')),
  type text not null,
  price bigint not null check (price >= 0),
  charges bigint check (charges >= 0),
  owner_id text not null,
  agency_id text,
  street text not null,
  number text not null,
  box text,
  postal_code text not null,
  commune_nis text not null,
  address_hidden boolean not null default false,
  -- derived from the commune (geo) when the listing is written
  region text not null check (region in ('brussels', 'flanders', 'wallonia')),
  province_nis text,
  commune_name jsonb not null,
  commune_lat double precision not null,
  commune_lon double precision not null,
  -- the exact point (given, or the postal code's / commune's point)
  lat double precision not null,
  lon double precision not null,
  living_area numeric,
  land_area numeric,
  rooms int,
  bedrooms int,
  bathrooms int,
  year_built int,
  condition text,
  epc jsonb,
  features jsonb not null default '[]',
  available_from text,
  language text not null,
  title jsonb not null,
  description jsonb not null default '{}',
  photos jsonb not null default '[]',
  cover_photo_id text,
  -- personal data of the advertiser: erased on user.deleted
  contact jsonb,
  published_at timestamptz,
  refreshed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create index listings_owner_idx on listings.listings (owner_id);
create index listings_agency_idx on listings.listings (agency_id) where agency_id is not null;
-- the expiry job's scan: live listings by last refresh
create index listings_live_refreshed_idx on listings.listings (refreshed_at)
  where status in ('published', 'under_offer');

create table listings.price_history (
  id bigint generated always as identity primary key,
  listing_id uuid not null references listings.listings (id) on delete cascade,
  price bigint not null,
  charges bigint,
  changed_at timestamptz not null
);
create index price_history_listing_idx on listings.price_history (listing_id, changed_at);
