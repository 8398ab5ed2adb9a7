-- Conversations between a seeker and a listing's owner side, and their
-- messages. User ids become null when an account is erased: the other
-- party keeps an anonymised copy.
create schema if not exists messaging;

create table messaging.conversations (
  id uuid primary key,
  listing_id uuid not null,
  seeker_id text,
  owner_id text,
  agency_id text,
  created_at timestamptz not null,
  last_message_at timestamptz not null
);
create unique index conversations_listing_seeker on messaging.conversations (listing_id, seeker_id) where seeker_id is not null;
create index conversations_seeker on messaging.conversations (seeker_id, last_message_at desc, id desc);
create index conversations_owner on messaging.conversations (owner_id, last_message_at desc, id desc);
create index conversations_agency on messaging.conversations (agency_id, last_message_at desc, id desc) where agency_id is not null;

-- ids are UUIDv7: time-ordered, so "after this id" is the keyset for pages and for catching up
create table messaging.messages (
  id uuid primary key,
  conversation_id uuid not null references messaging.conversations (id) on delete cascade,
  sender_id text,
  side text not null check (side in ('seeker', 'owner')),
  client_id text,
  body text not null,
  -- [{id, key, filename, contentType, size}]
  attachments jsonb not null default '[]',
  created_at timestamptz not null
);
create index messages_conversation on messaging.messages (conversation_id, id);
create index messages_created on messaging.messages (created_at);
create unique index messages_client_id on messaging.messages (sender_id, client_id) where client_id is not null;

-- uploaded, not yet (or already) attached to a message
create table messaging.attachments (
  id uuid primary key,
  conversation_id uuid not null references messaging.conversations (id) on delete cascade,
  uploader_id text,
  key text not null,
  filename text not null,
  content_type text not null,
  size int not null,
  message_id uuid,
  created_at timestamptz not null
);

-- receipts per person and conversation
create table messaging.receipts (
  conversation_id uuid not null references messaging.conversations (id) on delete cascade,
  user_id text not null,
  side text not null check (side in ('seeker', 'owner')),
  delivered_up_to uuid,
  read_up_to uuid,
  primary key (conversation_id, user_id)
);

-- a party is a user id, or "agency:<id>" for an agency's side
create table messaging.blocks (
  blocker text not null,
  blocked text not null,
  created_at timestamptz not null,
  primary key (blocker, blocked)
);
create index blocks_blocked on messaging.blocks (blocked);

-- reports go to moderation
create table messaging.reports (
  id uuid primary key,
  reporter_id text,
  conversation_id uuid not null,
  message_id uuid,
  reason text not null,
  details text,
  -- the reported messages as they were when reported (they may be deleted later)
  evidence jsonb not null default '[]',
  status text not null default 'open' check (status in ('open', 'closed')),
  created_at timestamptz not null
);
create index reports_open on messaging.reports (created_at) where status = 'open';
