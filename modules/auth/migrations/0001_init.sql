-- Accounts, credentials, sessions and signing keys. Personal values live in
-- accounts (email, phone, display_name) and are blanked on erasure.
create schema if not exists auth;

create table auth.accounts (
  id uuid primary key,
  email text not null,
  email_verified boolean not null default false,
  password_hash text,
  role text not null default 'individual'
    check (role in ('public', 'individual', 'agency', 'admin', 'superadmin')),
  status text not null default 'active' check (status in ('active', 'suspended', 'deleted')),
  phone text,
  phone_verified boolean not null default false,
  locale text not null default 'fr' check (locale in ('fr', 'nl', 'de', 'en')),
  display_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- e-mails compare case-insensitively; an erased account keeps a placeholder address
create unique index accounts_email_key on auth.accounts (lower(email));

-- One session = one refresh-token family. Revoking it ends every token of the family.
create table auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.accounts (id) on delete cascade,
  mfa boolean not null default false,
  method text not null,
  user_agent text,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index sessions_user_idx on auth.sessions (user_id);

create table auth.refresh_tokens (
  token_hash text primary key,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  created_at timestamptz not null,
  used_at timestamptz
);
create index refresh_tokens_session_idx on auth.refresh_tokens (session_id);

-- E-mail verification links, password resets, phone codes: stored hashed, single use.
create table auth.one_time_tokens (
  token_hash text primary key,
  user_id uuid not null references auth.accounts (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password', 'verify_phone')),
  -- the phone number a code was sent to: verified only if it is still the one asked for
  target text,
  attempts int not null default 0,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index one_time_tokens_user_idx on auth.one_time_tokens (user_id, purpose);

create table auth.mfa_totp (
  user_id uuid primary key references auth.accounts (id) on delete cascade,
  secret_enc text not null,
  confirmed_at timestamptz,
  last_time_step bigint not null default 0,
  created_at timestamptz not null
);

create table auth.mfa_recovery_codes (
  code_hash text primary key,
  user_id uuid not null references auth.accounts (id) on delete cascade,
  used_at timestamptz
);
create index mfa_recovery_codes_user_idx on auth.mfa_recovery_codes (user_id);

-- Access-token signing keys (RS256). The private key is encrypted at rest;
-- a retired key stays published in the JWKS until its last token has expired.
create table auth.signing_keys (
  kid text primary key,
  public_jwk jsonb not null,
  private_key_enc text not null,
  created_at timestamptz not null,
  retired_at timestamptz,
  expires_at timestamptz
);

-- Social login: an external identity (issuer + subject) linked to an account.
create table auth.identities (
  provider text not null,
  subject text not null,
  user_id uuid not null references auth.accounts (id) on delete cascade,
  created_at timestamptz not null,
  primary key (provider, subject)
);
create index identities_user_idx on auth.identities (user_id);

-- An authorization request in flight: PKCE verifier, state and nonce.
create table auth.social_logins (
  state text primary key,
  provider text not null,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
