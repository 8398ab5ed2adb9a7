import { sql } from 'kysely';
import { conflict, newId, notFound, type Database, type Executor, type Principal } from '@immo/platform';
import { saveSearchInput, type AlertMatch, type SaveSearchInput, type SavedSearch } from './contract.ts';

// Saved searches belong to one person: every read and write checks the
// owner, and anyone else gets the same 404 as for a search that does not exist.

const MAX_PER_USER = 50;

interface SavedRow {
  id: string;
  name: string;
  query: Record<string, unknown>;
  alert: SavedSearch['alert'];
  created_at: Date | string;
}

const toSaved = (r: SavedRow): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: r.query,
  alert: r.alert,
  createdAt: new Date(r.created_at).toISOString(),
});

export function createSavedSearches(db: Database) {
  async function owned(principal: Principal, id: string): Promise<SavedRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('This saved search');
    const { rows } = await sql<SavedRow>`select id, name, query, alert, created_at from search.saved_searches
      where id = ${id}::uuid and user_id = ${principal.userId}`.execute(db.kysely);
    if (!rows[0]) throw notFound('This saved search');
    return rows[0];
  }

  return {
    async save(principal: Principal, input: SaveSearchInput): Promise<SavedSearch> {
      const parsed = saveSearchInput.parse(input);
      // the query is stored as given (minus undefined), so it reads back as the person made it
      const query = JSON.parse(JSON.stringify(input.query ?? {})) as Record<string, unknown>;
      return db.kysely.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`search.saved:${principal.userId}`}))`.execute(trx);
        const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from search.saved_searches where user_id = ${principal.userId}`.execute(trx);
        if ((count[0]?.n ?? 0) >= MAX_PER_USER) throw conflict(`You already have ${MAX_PER_USER} saved searches; delete one to save another.`);
        const { rows } = await sql<SavedRow>`
          insert into search.saved_searches (id, user_id, name, query, alert, transaction)
          values (${newId()}, ${principal.userId}, ${parsed.name}, ${JSON.stringify(query)}::jsonb, ${parsed.alert}, ${parsed.query.transaction ?? null})
          returning id, name, query, alert, created_at`.execute(trx);
        return toSaved(rows[0]!);
      });
    },

    async list(principal: Principal): Promise<SavedSearch[]> {
      const { rows } = await sql<SavedRow>`select id, name, query, alert, created_at from search.saved_searches
        where user_id = ${principal.userId} order by created_at desc, id desc`.execute(db.kysely);
      return rows.map(toSaved);
    },

    async get(principal: Principal, id: string): Promise<SavedSearch> {
      return toSaved(await owned(principal, id));
    },

    async remove(principal: Principal, id: string): Promise<void> {
      await owned(principal, id);
      await sql`delete from search.saved_searches where id = ${id}::uuid and user_id = ${principal.userId}`.execute(db.kysely);
    },

    /** The listings that matched, newest first (both instant and daily alerts are kept here). */
    async matches(principal: Principal, id: string, limit = 50): Promise<AlertMatch[]> {
      await owned(principal, id);
      const { rows } = await sql<{ id: string; listing_id: string; reason: AlertMatch['reason']; price: number; created_at: Date | string }>`
        select id, listing_id, reason, price, created_at from search.alerts where saved_search_id = ${id}::uuid
        order by created_at desc, id desc limit ${limit}`.execute(db.kysely);
      return rows.map((r) => ({ id: r.id, listingId: r.listing_id, reason: r.reason, price: r.price, createdAt: new Date(r.created_at).toISOString() }));
    },

    /** GDPR export: the saved searches and what they matched. */
    async exportFor(userId: string) {
      const { rows: searches } = await sql<SavedRow>`select id, name, query, alert, created_at from search.saved_searches
        where user_id = ${userId} order by created_at`.execute(db.kysely);
      const { rows: alerts } = await sql`select saved_search_id, listing_id, reason, price, created_at from search.alerts
        where user_id = ${userId} order by created_at`.execute(db.kysely);
      return { savedSearches: searches.map(toSaved), alerts };
    },
  };
}

/** Erasure on `user.deleted`: the alerts go with their searches (on delete cascade). */
export async function eraseUserSearches(trx: Executor, userId: string) {
  await sql`delete from search.alerts where user_id = ${userId}`.execute(trx);
  await sql`delete from search.saved_searches where user_id = ${userId}`.execute(trx);
}

export type SavedSearches = ReturnType<typeof createSavedSearches>;
