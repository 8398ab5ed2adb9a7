-- Notifications: what each person was told (in-app list), how it went out on
-- each channel (the delivery log), their preferences and push devices, and
-- two projections fed by events (favourites per listing, listing statuses).
create schema if not exists notifications;

create table notifications.notifications (
  id uuid primary key,
  user_id text not null,
  kind text not null,
  title text not null,
  body text not null,
  url text,
  data jsonb not null default '{}',
  -- false when the person turned in-app off for this kind: kept for the log, not listed
  in_app boolean not null default true,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notifications_user on notifications.notifications (user_id, id desc) where in_app;
create index notifications_unread on notifications.notifications (user_id) where in_app and read_at is null;

create table notifications.deliveries (
  id uuid primary key,
  notification_id uuid not null references notifications.notifications (id) on delete cascade,
  user_id text not null,
  channel text not null check (channel in ('in_app', 'email', 'push', 'sms')),
  status text not null check (status in ('queued', 'sent', 'failed', 'skipped', 'digest')),
  attempts int not null default 0,
  last_error text,
  -- per device results, provider ids
  detail jsonb not null default '{}',
  created_at timestamptz not null,
  sent_at timestamptz
);
create index deliveries_user on notifications.deliveries (user_id, created_at desc);
create index deliveries_digest on notifications.deliveries (user_id) where status = 'digest';

create table notifications.preferences (
  user_id text primary key,
  -- {kind: {channel: boolean}}: only what the person changed; defaults live in code
  channels jsonb not null default '{}',
  quiet_start text,
  quiet_end text,
  daily_digest boolean not null default false,
  updated_at timestamptz not null
);

create table notifications.devices (
  id uuid primary key,
  user_id text not null,
  type text not null check (type in ('webpush', 'expo')),
  -- the Web Push endpoint, or the Expo push token
  address text not null unique,
  keys jsonb,
  created_at timestamptz not null
);
create index devices_user on notifications.devices (user_id);

create table notifications.favorites (
  listing_id text not null,
  user_id text not null,
  primary key (listing_id, user_id)
);
create index favorites_user on notifications.favorites (user_id);

create table notifications.listing_states (
  listing_id text primary key,
  status text not null,
  version int not null
);
