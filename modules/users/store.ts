import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@immo/platform';
import type { AgencyRole, ConsentPurpose, SearchPreferences } from './contract.ts';

export interface UsersTables {
  'users.profiles': { user_id: string; avatar_key: string | null; updated_at: Date };
  'users.search_preferences': { user_id: string; preferences: SearchPreferences; updated_at: Date };
  'users.favorites': { user_id: string; listing_id: string; created_at: Date };
  'users.consents': { id: string; user_id: string; purpose: ConsentPurpose; granted: boolean; recorded_at: Date };
  'users.agencies': {
    id: string;
    legal_name: string;
    vat_number: string;
    ipi_number: string;
    street: string;
    postal_code: string;
    city: string;
    logo_key: string | null;
    created_at: Date;
    updated_at: Date;
  };
  'users.agency_members': { agency_id: string; user_id: string; role: AgencyRole; joined_at: Date };
  'users.agency_invitations': {
    id: string;
    agency_id: string;
    email: string | null;
    role: AgencyRole;
    token_hash: string;
    invited_by: string;
    created_at: Date;
    expires_at: Date;
    accepted_at: Date | null;
    accepted_by: string | null;
  };
}

export type UsersDb = Kysely<UsersTables>;
export type UsersExecutor = UsersDb | Transaction<UsersTables>;
export type AgencyRow = UsersTables['users.agencies'];

/** SQL for the users schema only. */
export class UsersStore {
  readonly db: UsersDb;
  constructor(database: Database) {
    this.db = database.kysely as UsersDb;
  }

  transaction<T>(work: (trx: Transaction<UsersTables>) => Promise<T>) {
    return this.db.transaction().execute(work);
  }

  profile(userId: string, db: UsersExecutor = this.db) {
    return db.selectFrom('users.profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  async setAvatar(userId: string, key: string | null, now: Date) {
    await this.db
      .insertInto('users.profiles')
      .values({ user_id: userId, avatar_key: key, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ avatar_key: key, updated_at: now }))
      .execute();
  }

  async preferences(userId: string) {
    const row = await this.db.selectFrom('users.search_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
    return row?.preferences;
  }

  async putPreferences(userId: string, preferences: SearchPreferences, now: Date) {
    const json = JSON.stringify(preferences) as unknown as SearchPreferences;
    await this.db
      .insertInto('users.search_preferences')
      .values({ user_id: userId, preferences: json, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ preferences: json, updated_at: now }))
      .execute();
  }

  favorites(userId: string) {
    return this.db.selectFrom('users.favorites').select(['listing_id', 'created_at']).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  }

  /** True when the favourite is new. */
  async addFavorite(db: UsersExecutor, userId: string, listingId: string, now: Date) {
    const row = await db
      .insertInto('users.favorites')
      .values({ user_id: userId, listing_id: listingId, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'listing_id']).doNothing())
      .returning('listing_id')
      .executeTakeFirst();
    return !!row;
  }

  async removeFavorite(db: UsersExecutor, userId: string, listingId: string) {
    const row = await db.deleteFrom('users.favorites').where('user_id', '=', userId).where('listing_id', '=', listingId).returning('listing_id').executeTakeFirst();
    return !!row;
  }

  consentHistory(userId: string) {
    return this.db.selectFrom('users.consents').select(['purpose', 'granted', 'recorded_at']).where('user_id', '=', userId).orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute();
  }

  async recordConsents(db: UsersExecutor, rows: UsersTables['users.consents'][]) {
    if (rows.length) await db.insertInto('users.consents').values(rows).execute();
  }

  // agencies

  agency(id: string) {
    return this.db.selectFrom('users.agencies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertAgency(db: UsersExecutor, row: AgencyRow) {
    return db.insertInto('users.agencies').values(row).onConflict((oc) => oc.column('vat_number').doNothing()).returningAll().executeTakeFirst();
  }

  async updateAgency(id: string, patch: Partial<Omit<AgencyRow, 'id' | 'created_at'>>) {
    return this.db.updateTable('users.agencies').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }

  agencyByVat(vat: string) {
    return this.db.selectFrom('users.agencies').select('id').where('vat_number', '=', vat).executeTakeFirst();
  }

  agenciesOf(userId: string) {
    return this.db.selectFrom('users.agency_members').select(['agency_id', 'role']).where('user_id', '=', userId).orderBy('joined_at').execute();
  }

  membership(agencyId: string, userId: string, db: UsersExecutor = this.db) {
    return db.selectFrom('users.agency_members').selectAll().where('agency_id', '=', agencyId).where('user_id', '=', userId).executeTakeFirst();
  }

  members(agencyId: string) {
    return this.db.selectFrom('users.agency_members').selectAll().where('agency_id', '=', agencyId).orderBy('joined_at').execute();
  }

  async addMember(db: UsersExecutor, row: UsersTables['users.agency_members']) {
    await db
      .insertInto('users.agency_members')
      .values(row)
      .onConflict((oc) => oc.columns(['agency_id', 'user_id']).doUpdateSet({ role: row.role }))
      .execute();
  }

  async removeMember(db: UsersExecutor, agencyId: string, userId: string) {
    const row = await db.deleteFrom('users.agency_members').where('agency_id', '=', agencyId).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    return !!row;
  }

  async countOwners(db: UsersExecutor, agencyId: string) {
    const row = await db
      .selectFrom('users.agency_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('role', '=', 'owner')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async addInvitation(row: UsersTables['users.agency_invitations']) {
    await this.db.insertInto('users.agency_invitations').values(row).execute();
  }

  /** Claims a pending invitation; the invitee's address is dropped once it is accepted. */
  acceptInvitation(db: UsersExecutor, tokenHash: string, userId: string, now: Date) {
    return db
      .updateTable('users.agency_invitations')
      .set({ accepted_at: now, accepted_by: userId, email: null })
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }

  invitationByToken(tokenHash: string) {
    return this.db.selectFrom('users.agency_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async deleteInvitationsTo(db: UsersExecutor, email: string) {
    await db.deleteFrom('users.agency_invitations').where('email', '=', email.toLowerCase()).where('accepted_at', 'is', null).execute();
  }

  /** Erasure: everything this schema holds on the person. Agencies (legal entities) stay; their membership goes. */
  async erasePerson(db: UsersExecutor, userId: string) {
    await db.deleteFrom('users.profiles').where('user_id', '=', userId).execute();
    await db.deleteFrom('users.search_preferences').where('user_id', '=', userId).execute();
    await db.deleteFrom('users.favorites').where('user_id', '=', userId).execute();
    await db.deleteFrom('users.consents').where('user_id', '=', userId).execute();
    await db.deleteFrom('users.agency_members').where('user_id', '=', userId).execute();
  }
}
