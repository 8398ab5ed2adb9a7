create schema if not exists platform;

-- The job queue: workers claim due rows with FOR UPDATE SKIP LOCKED and hold
-- them by a lease (locked_until); a crashed worker's job is taken again after it.
create table platform.jobs (
  id uuid primary key,
  name text not null,
  payload jsonb not null,
  run_at timestamptz not null,
  -- runs started so far (counted when claimed)
  attempts int not null default 0,
  max_attempts int not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
  last_error text,
  locked_by text,
  locked_until timestamptz,
  -- a job enqueued with a key is not enqueued again while one with that key waits
  key text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due on platform.jobs (run_at) where status = 'queued';
create index jobs_leased on platform.jobs (locked_until) where status = 'running';
create index jobs_failed on platform.jobs (finished_at) where status = 'dead' or last_error is not null;
create unique index jobs_waiting_key on platform.jobs (name, key) where key is not null and status = 'queued';

-- Recurring jobs: a scheduler locks the row, enqueues the job and moves
-- next_run_at forward in one transaction, so a due time is enqueued once.
create table platform.schedules (
  name text primary key,
  cron text not null,
  job text not null,
  payload jsonb not null default '{}',
  next_run_at timestamptz not null,
  last_run_at timestamptz
);
