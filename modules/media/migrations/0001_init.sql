create schema if not exists media;

-- One uploaded file: a listing photo, an avatar, an agency logo or a message
-- attachment. The original is kept privately and never served; what is
-- delivered are the variants.
create table media.assets (
  id uuid primary key,
  purpose text not null check (purpose in ('listing_photo', 'avatar', 'logo', 'attachment')),
  visibility text not null check (visibility in ('public', 'private')),
  -- the person who uploaded it; null once they are erased from an agency's photo
  owner_user_id uuid,
  owner_agency_id uuid,
  listing_id uuid,
  status text not null check (status in ('awaiting_upload', 'processing', 'ready', 'failed')),
  -- decided by the file's magic bytes (while awaiting a direct upload: the announced type)
  content_type text not null,
  byte_size bigint not null,
  original_key text not null,
  width int,
  height int,
  position int not null default 0,
  is_cover boolean not null default false,
  blurhash text,
  dominant_color text,
  quality_warnings text[] not null default '{}',
  sharpness real,
  -- perceptual hashes as bit strings: bit_count(dhash # other) is their Hamming distance
  dhash bit(64),
  phash bit(64),
  -- the dHash cut into 8 position-tagged bytes: any hash within distance 7 shares one
  hash_bands int[],
  watermark text,
  failure text,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  check (purpose <> 'listing_photo' or listing_id is not null)
);
create index assets_listing on media.assets (listing_id, position) where listing_id is not null;
create index assets_owner_user on media.assets (owner_user_id);
create index assets_owner_agency on media.assets (owner_agency_id) where owner_agency_id is not null;
create index assets_hash_bands on media.assets using gin (hash_bands);
create unique index assets_one_cover on media.assets (listing_id) where is_cover;

-- Renditions of an image. Public ones live at a content-addressed key (the
-- sha256 of their bytes), so the same bytes may back several assets.
create table media.variants (
  asset_id uuid not null references media.assets (id) on delete cascade,
  name text not null,
  format text not null,
  width int not null,
  height int not null,
  byte_size int not null,
  content_type text not null,
  sha256 text not null,
  storage_key text not null,
  primary key (asset_id, name, format)
);
create index variants_storage_key on media.variants (storage_key);

-- What the listing events told us: its owner, agency and status, kept to
-- watermark with the agency's name and to erase photos of archived listings.
create table media.listings (
  listing_id uuid primary key,
  owner_user_id text not null,
  agency_id text,
  status text not null,
  version int not null,
  archived_at timestamptz
);

-- Cross-owner duplicates found by perceptual hash, one row per pair.
create table media.duplicates (
  photo_id uuid not null references media.assets (id) on delete cascade,
  matches_photo_id uuid not null references media.assets (id) on delete cascade,
  distance int not null,
  detected_at timestamptz not null default now(),
  primary key (photo_id, matches_photo_id)
);
