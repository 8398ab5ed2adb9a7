create schema if not exists platform;

-- Events written in the same transaction as the change that caused them,
-- then dispatched at least once (locally or through Redis Streams).
create table platform.outbox (
  id uuid primary key,
  name text not null,
  version int not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  -- deliveries tried: incremented when a dispatcher claims the row, so a
  -- dispatcher that dies while handling still counts towards the dead letter
  attempts int not null default 0,
  -- the row is claimable from then on; a claim pushes it forward (a lease)
  available_at timestamptz not null default now(),
  last_error text,
  dispatched_at timestamptz,
  dead_at timestamptz
);
create index outbox_deliverable on platform.outbox (available_at, id)
  where dispatched_at is null and dead_at is null;
create index outbox_failed on platform.outbox (occurred_at)
  where last_error is not null and dispatched_at is null;

-- One row per event a consumer has applied: inserted in the consumer's own
-- transaction before its handler runs, so a redelivered event is skipped.
create table platform.consumed_events (
  consumer text not null,
  event_id uuid not null,
  consumed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Failures of one consumer group on the Redis transport, where each consumer
-- retries on its own (the outbox row is already dispatched to the stream).
create table platform.consumer_failures (
  consumer text not null,
  event_id uuid not null,
  name text not null,
  version int not null,
  payload jsonb not null,
  -- the stream entry to claim again when the retry is due
  stream_id text not null,
  attempts int not null default 0,
  last_error text not null,
  retry_at timestamptz not null,
  dead_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
create index consumer_failures_due on platform.consumer_failures (consumer, retry_at) where dead_at is null;
