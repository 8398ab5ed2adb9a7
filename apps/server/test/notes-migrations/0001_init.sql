create schema notes;
create table notes.notes (
  id uuid primary key,
  title text not null,
  stars int not null,
  created_at timestamptz not null default now()
);
