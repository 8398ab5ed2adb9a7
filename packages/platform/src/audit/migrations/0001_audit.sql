create schema if not exists platform;

-- Sensitive actions, append-only and hash-chained: each row's hash covers the
-- previous row's hash and this row's fields, so an edited, removed or
-- reordered row breaks the chain from that row on. Rows hold ids, never a
-- person's name, e-mail or phone: erasure never needs to touch this table.
create table platform.audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id text,
  action text not null,
  subject_type text not null,
  subject_id text,
  detail jsonb not null default '{}',
  ip text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_subject on platform.audit_log (subject_type, subject_id, seq);
create index audit_log_actor on platform.audit_log (actor_id, seq);

-- The chain's head, one row: appends lock it (select ... for update) in the
-- caller's transaction, so concurrent appends queue up and form one chain.
create table platform.audit_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
insert into platform.audit_head (singleton, seq, hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function platform.audit_log_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'platform.audit_log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only
  before update or delete on platform.audit_log
  for each row execute function platform.audit_log_refuse_change();

create trigger audit_log_no_truncate
  before truncate on platform.audit_log
  for each statement execute function platform.audit_log_refuse_change();
