-- Visits: availability published per listing, places taken per slot, and the
-- appointments themselves. Times are UTC instants (timestamptz); the Brussels
-- wall time is computed when shown.
create schema if not exists appointments;

create table appointments.availability (
  listing_id uuid primary key,
  owner_id text not null,
  agency_id text,
  visit_minutes int not null check (visit_minutes between 10 and 240),
  mode text not null check (mode in ('private', 'group')),
  capacity int not null check (capacity between 1 and 50),
  lead_minutes int not null default 120,
  -- [{weekday, start, end}] and [{date, closed, windows}]: shapes that vary, kept as JSONB
  weekly jsonb not null default '[]',
  exceptions jsonb not null default '[]',
  updated_at timestamptz not null default now()
);

-- One row per slot that has ever been booked: the booking takes a place here
-- with a single conditional upsert, so parallel bookings cannot overfill it.
create table appointments.slots (
  listing_id uuid not null,
  starts_at timestamptz not null,
  capacity int not null,
  booked int not null default 0 check (booked >= 0),
  primary key (listing_id, starts_at)
);

create table appointments.appointments (
  id uuid primary key,
  listing_id uuid not null,
  seeker_id text,
  owner_id text,
  agency_id text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null check (status in ('requested', 'confirmed', 'done', 'cancelled', 'rescheduled')),
  requested_by text not null check (requested_by in ('seeker', 'owner')),
  reason text,
  note text,
  rescheduled_from uuid,
  rescheduled_to uuid,
  -- [{status, at, by, reason?}]
  history jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index appointments_seeker on appointments.appointments (seeker_id, starts_at, id);
create index appointments_owner on appointments.appointments (owner_id, starts_at, id);
create index appointments_agency on appointments.appointments (agency_id, starts_at, id) where agency_id is not null;
create index appointments_listing on appointments.appointments (listing_id, starts_at);
-- one live booking per person and slot
create unique index appointments_one_per_seeker_slot on appointments.appointments (listing_id, starts_at, seeker_id)
  where status in ('requested', 'confirmed');
