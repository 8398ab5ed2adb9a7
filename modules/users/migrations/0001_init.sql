-- People's profiles, preferences, favourites and consents; agencies and their members.
-- Listing ids are references into another module: no foreign key crosses schemas.
create schema if not exists users;

create table users.profiles (
  user_id uuid primary key,
  avatar_key text,
  updated_at timestamptz not null
);

create table users.search_preferences (
  user_id uuid primary key,
  preferences jsonb not null,
  updated_at timestamptz not null
);

create table users.favorites (
  user_id uuid not null,
  listing_id text not null,
  created_at timestamptz not null,
  primary key (user_id, listing_id)
);
create index favorites_listing_idx on users.favorites (listing_id);

-- Append-only history: the current state of a purpose is its latest row.
create table users.consents (
  id uuid primary key,
  user_id uuid not null,
  purpose text not null check (purpose in ('analytics', 'marketing', 'partner_sharing')),
  granted boolean not null,
  recorded_at timestamptz not null
);
create index consents_user_idx on users.consents (user_id, purpose, recorded_at desc);

create table users.agencies (
  id uuid primary key,
  legal_name text not null,
  vat_number text not null,
  ipi_number text not null,
  street text not null,
  postal_code text not null,
  city text not null,
  logo_key text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index agencies_vat_key on users.agencies (vat_number);

create table users.agency_members (
  agency_id uuid not null references users.agencies (id) on delete cascade,
  user_id uuid not null,
  role text not null check (role in ('owner', 'agent')),
  joined_at timestamptz not null,
  primary key (agency_id, user_id)
);
create index agency_members_user_idx on users.agency_members (user_id);

-- The invitee's address is kept only while the invitation is pending.
create table users.agency_invitations (
  id uuid primary key,
  agency_id uuid not null references users.agencies (id) on delete cascade,
  email text,
  role text not null check (role in ('owner', 'agent')),
  token_hash text not null unique,
  invited_by uuid not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid
);
create index agency_invitations_agency_idx on users.agency_invitations (agency_id);
