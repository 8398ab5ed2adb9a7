import type { Generated, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { JsonWebKey } from 'node:crypto';
import type { Database, Role } from '@immo/platform';
import type { Account } from './contract.ts';

/** The auth schema's tables, as Kysely sees them. */
export interface AuthTables {
  'auth.accounts': {
    id: string;
    email: string;
    email_verified: boolean;
    password_hash: string | null;
    role: Generated<Role>;
    status: Generated<'active' | 'suspended' | 'deleted'>;
    phone: Generated<string | null>;
    phone_verified: Generated<boolean>;
    locale: 'fr' | 'nl' | 'de' | 'en';
    display_name: string | null;
    created_at: Date;
    updated_at: Date;
    deleted_at: Generated<Date | null>;
  };
  'auth.sessions': {
    id: string;
    user_id: string;
    mfa: boolean;
    method: string;
    user_agent: string | null;
    created_at: Date;
    last_used_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
    revoked_reason: string | null;
  };
  'auth.refresh_tokens': { token_hash: string; session_id: string; created_at: Date; used_at: Date | null };
  'auth.one_time_tokens': {
    token_hash: string;
    user_id: string;
    purpose: OneTimePurpose;
    target: string | null;
    attempts: Generated<number>;
    created_at: Date;
    expires_at: Date;
    used_at: Generated<Date | null>;
  };
  'auth.mfa_totp': { user_id: string; secret_enc: string; confirmed_at: Date | null; last_time_step: number; created_at: Date };
  'auth.mfa_recovery_codes': { code_hash: string; user_id: string; used_at: Date | null };
  'auth.signing_keys': {
    kid: string;
    public_jwk: JsonWebKey;
    private_key_enc: string;
    created_at: Date;
    retired_at: Date | null;
    expires_at: Date | null;
  };
  'auth.identities': { provider: string; subject: string; user_id: string; created_at: Date };
  'auth.social_logins': { state: string; provider: string; code_verifier: string; nonce: string; created_at: Date; expires_at: Date };
}

export type OneTimePurpose = 'verify_email' | 'reset_password' | 'verify_phone';
export type AuthDb = Kysely<AuthTables>;
export type AuthExecutor = Kysely<AuthTables> | Transaction<AuthTables>;
export type AccountRow = Selectable<AuthTables['auth.accounts']>;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    emailVerified: row.email_verified,
    phone: row.phone,
    phoneVerified: row.phone_verified,
    status: row.status,
    locale: row.locale,
    displayName: row.display_name,
  };
}

/** SQL for the auth schema only. Methods taking `db` run inside the caller's transaction. */
export class AuthStore {
  readonly db: AuthDb;
  constructor(database: Database) {
    this.db = database.kysely as AuthDb;
  }

  transaction<T>(work: (trx: Transaction<AuthTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  // accounts

  accountById(id: string, db: AuthExecutor = this.db) {
    return db.selectFrom('auth.accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  accountByEmail(email: string, db: AuthExecutor = this.db) {
    return db
      .selectFrom('auth.accounts')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async insertAccount(db: AuthExecutor, row: Pick<AccountRow, 'id' | 'email' | 'password_hash' | 'locale' | 'display_name' | 'email_verified' | 'created_at'>) {
    const inserted = await db
      .insertInto('auth.accounts')
      .values({ ...row, updated_at: row.created_at })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returningAll()
      .executeTakeFirst();
    return inserted;
  }

  async updateAccount(db: AuthExecutor, id: string, patch: Updateable<AuthTables['auth.accounts']>, now: Date) {
    return db
      .updateTable('auth.accounts')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  listAccounts(filter: { email?: string; role?: Role; status?: AccountRow['status'] }, limit: number) {
    let q = this.db.selectFrom('auth.accounts').selectAll().orderBy('created_at', 'desc').limit(limit);
    if (filter.email) q = q.where(sql<string>`lower(email)`, 'like', `%${filter.email.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
    if (filter.role) q = q.where('role', '=', filter.role);
    if (filter.status) q = q.where('status', '=', filter.status);
    return q.execute();
  }

  // one-time tokens (e-mail links, resets, phone codes)

  async addOneTimeToken(db: AuthExecutor, row: Omit<Selectable<AuthTables['auth.one_time_tokens']>, 'attempts' | 'used_at'>) {
    // a new link or code replaces the pending ones of the same purpose
    await db
      .updateTable('auth.one_time_tokens')
      .set({ used_at: row.created_at })
      .where('user_id', '=', row.user_id)
      .where('purpose', '=', row.purpose)
      .where('used_at', 'is', null)
      .execute();
    await db.insertInto('auth.one_time_tokens').values(row).execute();
  }

  /** Marks a valid token used and returns it; undefined when unknown, used or expired. */
  consumeOneTimeToken(db: AuthExecutor, hash: string, purpose: OneTimePurpose, now: Date) {
    return db
      .updateTable('auth.one_time_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  pendingOneTimeToken(db: AuthExecutor, userId: string, purpose: OneTimePurpose, now: Date) {
    return db
      .selectFrom('auth.one_time_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .forUpdate()
      .executeTakeFirst();
  }

  async countOneTimeAttempt(db: AuthExecutor, hash: string, exhaustedAt: number, now: Date) {
    await db
      .updateTable('auth.one_time_tokens')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), used_at: sql`case when attempts + 1 >= ${exhaustedAt} then ${now}::timestamptz else null end` }))
      .where('token_hash', '=', hash)
      .execute();
  }

  // MFA

  totp(userId: string, db: AuthExecutor = this.db) {
    return db.selectFrom('auth.mfa_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  async putTotp(db: AuthExecutor, userId: string, secretEnc: string, now: Date) {
    await db
      .insertInto('auth.mfa_totp')
      .values({ user_id: userId, secret_enc: secretEnc, created_at: now, confirmed_at: null, last_time_step: 0 })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_enc: secretEnc, created_at: now, confirmed_at: null, last_time_step: 0 }))
      .execute();
  }

  async confirmTotp(db: AuthExecutor, userId: string, timeStep: number, now: Date) {
    await db.updateTable('auth.mfa_totp').set({ confirmed_at: now, last_time_step: timeStep }).where('user_id', '=', userId).execute();
  }

  /** Records the time step a code was accepted at; false when it was already used (replay). */
  async advanceTotpStep(db: AuthExecutor, userId: string, timeStep: number): Promise<boolean> {
    const row = await db
      .updateTable('auth.mfa_totp')
      .set({ last_time_step: timeStep })
      .where('user_id', '=', userId)
      .where('last_time_step', '<', timeStep)
      .returning('user_id')
      .executeTakeFirst();
    return !!row;
  }

  async deleteMfa(db: AuthExecutor, userId: string) {
    await db.deleteFrom('auth.mfa_totp').where('user_id', '=', userId).execute();
    await db.deleteFrom('auth.mfa_recovery_codes').where('user_id', '=', userId).execute();
  }

  async replaceRecoveryCodes(db: AuthExecutor, userId: string, hashes: string[]) {
    await db.deleteFrom('auth.mfa_recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length) await db.insertInto('auth.mfa_recovery_codes').values(hashes.map((h) => ({ code_hash: h, user_id: userId, used_at: null }))).execute();
  }

  async useRecoveryCode(db: AuthExecutor, userId: string, hash: string, now: Date): Promise<boolean> {
    const row = await db
      .updateTable('auth.mfa_recovery_codes')
      .set({ used_at: now })
      .where('code_hash', '=', hash)
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .returning('code_hash')
      .executeTakeFirst();
    return !!row;
  }

  async remainingRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('auth.mfa_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  // signing keys

  async signingKeys() {
    const rows = await this.db
      .selectFrom('auth.signing_keys')
      .select(['kid', 'public_jwk', 'created_at', 'retired_at', 'expires_at'])
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ kid: r.kid, publicJwk: r.public_jwk, createdAt: r.created_at, retiredAt: r.retired_at, expiresAt: r.expires_at }));
  }

  async signingKeyPrivate(kid: string) {
    const row = await this.db.selectFrom('auth.signing_keys').select('private_key_enc').where('kid', '=', kid).executeTakeFirst();
    return row?.private_key_enc;
  }

  async addSigningKey(k: { kid: string; publicJwk: JsonWebKey; privateKeyEnc: string; now: Date; retireOthersUntil: Date }) {
    await this.transaction(async (trx) => {
      await trx
        .updateTable('auth.signing_keys')
        .set({ retired_at: k.now, expires_at: k.retireOthersUntil })
        .where('retired_at', 'is', null)
        .execute();
      await trx
        .insertInto('auth.signing_keys')
        .values({ kid: k.kid, public_jwk: JSON.stringify(k.publicJwk) as unknown as JsonWebKey, private_key_enc: k.privateKeyEnc, created_at: k.now, retired_at: null, expires_at: null })
        .execute();
    });
  }

  async deleteExpiredSigningKeys(now: Date): Promise<number> {
    const rows = await this.db.deleteFrom('auth.signing_keys').where('expires_at', '<=', now).returning('kid').execute();
    return rows.length;
  }

  // social identities

  identity(provider: string, subject: string) {
    return this.db.selectFrom('auth.identities').selectAll().where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst();
  }

  async linkIdentity(db: AuthExecutor, row: AuthTables['auth.identities']) {
    await db.insertInto('auth.identities').values(row).onConflict((oc) => oc.columns(['provider', 'subject']).doNothing()).execute();
  }

  identitiesOf(userId: string) {
    return this.db.selectFrom('auth.identities').select(['provider', 'created_at']).where('user_id', '=', userId).execute();
  }

  async putSocialLogin(row: AuthTables['auth.social_logins']) {
    await this.db.deleteFrom('auth.social_logins').where('expires_at', '<=', row.created_at).execute();
    await this.db.insertInto('auth.social_logins').values(row).execute();
  }

  takeSocialLogin(state: string, now: Date) {
    return this.db
      .deleteFrom('auth.social_logins')
      .where('state', '=', state)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  /** Removes every credential of an erased account (its row stays, blanked, so ids others hold resolve to "deleted"). */
  async eraseCredentials(db: AuthExecutor, userId: string) {
    for (const table of ['auth.sessions', 'auth.one_time_tokens', 'auth.mfa_totp', 'auth.mfa_recovery_codes', 'auth.identities'] as const) {
      await db.deleteFrom(table).where('user_id', '=', userId).execute();
    }
  }
}
