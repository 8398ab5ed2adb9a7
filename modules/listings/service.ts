import {
  conflict,
  forbidden,
  newId,
  notFound,
  requireRole,
  unprocessable,
  type Cache,
  type Clock,
  type Database,
  type EventBus,
  type AuditLog,
  type Executor,
  type Principal,
} from '@immo/platform';
import {
  createListingInput,
  isIndexable,
  updateListingInput,
  type CreateListingInput,
  type ListingSnapshot,
  type ListingStatus,
  type ListingView,
  type ListingsApi,
  type PriceHistoryEntry,
  type UpdateListingInput,
} from './contract.ts';
import { announceChange } from './events.ts';
import { fieldColumns, fieldsFromCommand, mergePatch, placementColumns } from './listing-fields.ts';
import { accessTo, type AccountLookup, type MembershipLookup } from './access.ts';
import { transitionRefusal } from './lifecycle.ts';
import { createListingReadCache } from './read-cache.ts';
import { toSnapshot, toView } from './snapshot.ts';
import * as store from './store.ts';
import { checkListing, publishRefusals } from './validation.ts';
import type { GeoLookup } from './geo-lookup.ts';

export interface ListingsDeps {
  db: Database;
  events: Pick<EventBus, 'publish'>;
  cache: Cache;
  clock: Clock;
  geo: GeoLookup;
  accounts: AccountLookup;
  memberships: MembershipLookup;
  /** Moderators' changes to other people's listings are recorded there, in the change's transaction. */
  audit?: Pick<AuditLog, 'record'>;
}

/** A listing not refreshed for this long expires (archived by the daily job). */
export const EXPIRY_DAYS = 60;
const DAY_MS = 86_400_000;

export type ListingsService = ReturnType<typeof createListingsService>;

export function createListingsService(deps: ListingsDeps) {
  const { db, events, clock, geo, accounts, memberships } = deps;
  const readCache = createListingReadCache(deps.cache);

  /** Runs a change in one transaction (row + price history + outbox), then invalidates the cache. */
  async function change<T>(ids: string[] | ((result: T) => string[]), work: (trx: Executor) => Promise<T>): Promise<T> {
    const result = await db.kysely.transaction().execute(work);
    await readCache.invalidate(...(typeof ids === 'function' ? ids(result) : ids));
    return result;
  }

  /**
   * Who may change the listing is decided before the transaction: the users
   * and auth modules are asked outside it (on PGlite, one connection, a call
   * from inside would wait for our own transaction). Others get a 404, as if
   * the listing did not exist.
   */
  async function authorize(principal: Principal, id: string) {
    const row = await store.findListing(db.kysely, id);
    const access = row ? await accessTo(principal, row, memberships) : 'none';
    if (!row || access === 'none') throw notFound('This listing');
    return { row, access };
  }

  /** Locks the row for the change; refuses if its version moved past the one expected or its ownership changed meanwhile. */
  async function lockForChange(trx: Executor, authorized: { row: store.ListingRow }, expectedVersion: number | undefined) {
    const row = await store.findListing(trx, authorized.row.id, { forUpdate: true });
    if (!row) throw notFound('This listing');
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw conflict(`The listing changed since you read it (it is at version ${row.version}, you sent ${expectedVersion}): reload it and apply your change again.`, {
        code: 'listing.version_conflict',
        params: { current: row.version, sent: expectedVersion },
      });
    }
    if (row.owner_id !== authorized.row.owner_id || row.agency_id !== authorized.row.agency_id) {
      throw conflict('The listing changed hands while you were changing it; reload it and try again.', { code: 'listing.changed_meanwhile' });
    }
    return row;
  }

  async function requireVerifiedOwner(ownerId: string) {
    const account = await accounts.getAccount(ownerId);
    const missing = [
      !account?.emailVerified && 'e-mail address',
      !account?.phoneVerified && 'phone number',
    ].filter(Boolean);
    if (!account || account.status !== 'active') throw forbidden('The advertiser\'s account is not active; the listing cannot be published.', { code: 'listing.advertiser_inactive' });
    const unverified = missing.length > 1 ? 'listing.contact_unverified' : account.emailVerified ? 'listing.phone_unverified' : 'listing.email_unverified';
    if (missing.length) throw forbidden(`Publishing needs the advertiser's verified ${missing.join(' and ')}: verify ${missing.length > 1 ? 'them' : 'it'} in your account first.`, { code: unverified });
  }

  async function requireAgencyMember(principal: Principal, agencyId: string) {
    if (!(await memberships.isAgencyMember(principal.userId, agencyId))) {
      throw forbidden('You can only advertise for an agency you belong to.', { code: 'listing.agency_not_member' });
    }
  }

  /** A moderator acting on someone else's listing leaves a trace in the audit log. */
  async function recordModeration(trx: Executor, access: string, actor: Principal, listingId: string, detail: Record<string, unknown>) {
    if (access !== 'moderator' || !deps.audit) return;
    await deps.audit.record(trx, { actorId: actor.userId, action: 'listing.moderated', subjectType: 'listing', subjectId: listingId, detail });
  }

  const announce = (trx: Executor, before: store.ListingRow | undefined, after: store.ListingRow) => announceChange(events, trx, before, after);

  async function publicSnapshot(id: string): Promise<ListingSnapshot | undefined> {
    const value = await readCache.read(id, async () => {
      const row = await store.findListing(db.kysely, id);
      return row && isIndexable(row.status) ? toSnapshot(row) : null;
    });
    return value ?? undefined;
  }

  /** Archives every listing of the owner and erases their contact details (GDPR erasure). */
  async function eraseOwnerIn(trx: Executor, ownerId: string): Promise<string[]> {
    const now = clock.now();
    const rows = await store.listingsOwnedBy(trx, ownerId);
    for (const row of rows) {
      const status: ListingStatus = row.status === 'draft' || row.status === 'archived' ? row.status : 'archived';
      const after = await store.updateListing(trx, row.id, row.version, { status, contact: null, updated_at: now });
      if (after) await announce(trx, row, after);
    }
    return rows.map((r) => r.id);
  }

  const service = {
    /** `options.id`: the demo seed's stable ids; routes never pass it. */
    async create(principal: Principal | undefined, input: CreateListingInput, options: { id?: string } = {}): Promise<ListingView> {
      const caller = requireRole(principal, 'individual');
      const command = createListingInput.parse(input);
      if (command.agencyId) await requireAgencyMember(caller, command.agencyId);
      const fields = fieldsFromCommand(command);
      const now = clock.now();
      const placement = checkListing(fields, geo, now);
      const id = options.id ?? newId();
      const row: store.NewListingRow = {
        id,
        version: 1,
        status: 'draft',
        owner_id: caller.userId,
        ...fieldColumns(fields),
        ...placementColumns(placement),
        published_at: null,
        refreshed_at: null,
        created_at: now,
        updated_at: now,
      };
      return change([id], async (trx) => {
        await store.insertListing(trx, row);
        await store.recordPrice(trx, { listingId: id, price: fields.price, charges: fields.charges, at: now });
        return toView((await store.findListing(trx, id))!);
      });
    },

    /** The owner, the agency's agents and moderators see everything; others the public state of a live listing. */
    async get(principal: Principal | undefined, id: string): Promise<ListingView | ListingSnapshot> {
      if (principal) {
        const row = await store.findListing(db.kysely, id);
        if (row && (await accessTo(principal, row, memberships)) !== 'none') return toView(row);
      }
      const snapshot = await publicSnapshot(id);
      if (!snapshot) throw notFound('This listing');
      return snapshot;
    },

    async update(principal: Principal | undefined, id: string, input: UpdateListingInput, ifMatch?: number): Promise<ListingView> {
      const caller = requireRole(principal, 'individual');
      const patch = updateListingInput.parse(input);
      const expected = patch.version ?? ifMatch;
      if (patch.version !== undefined && ifMatch !== undefined && patch.version !== ifMatch) {
        throw unprocessable('The body\'s version and the If-Match header disagree; send one of them.');
      }
      const authorized = await authorize(caller, id);
      const { access } = authorized;
      if (patch.agencyId && patch.agencyId !== authorized.row.agency_id) await requireAgencyMember(caller, patch.agencyId);
      return change([id], async (trx) => {
        const row = await lockForChange(trx, authorized, expected);
        if (row.status === 'archived' || row.status === 'sold' || row.status === 'rented') {
          throw conflict(`A ${row.status} listing cannot be edited.`, { code: 'listing.not_editable' });
        }
        const current = toView(row);
        const merged = mergePatch(current, patch);
        if (merged.transaction !== current.transaction && row.status !== 'draft') {
          throw conflict('The transaction (sale or rent) of a published listing cannot change; archive it and create a new one.', { code: 'listing.transaction_locked' });
        }
        const now = clock.now();
        const placement = checkListing(merged, geo, now);
        if (isIndexable(row.status)) {
          const refusals = publishRefusals(merged);
          if (refusals.length) throw unprocessable(`A published listing must keep what publishing needs: ${refusals.map((r) => r.message).join(' ')}`, refusals, { code: 'listing.epc_required' });
        }
        const next = { ...fieldColumns(merged), ...placementColumns(placement) };
        // an edit that changes nothing keeps the version: other editors' If-Match stays valid
        if (Object.entries(next).every(([column, value]) => sameValue(row[column as keyof store.ListingRow], value))) return current;
        const after = await store.updateListing(trx, id, row.version, {
          ...next,
          updated_at: now,
          ...(access !== 'moderator' && isIndexable(row.status) ? { refreshed_at: now } : {}),
        });
        if (!after) throw conflict('The listing changed while it was being saved; reload it and try again.', { code: 'listing.changed_meanwhile' });
        if (after.price !== row.price || after.charges !== row.charges) {
          await store.recordPrice(trx, { listingId: id, price: after.price, charges: after.charges, at: now });
        }
        await recordModeration(trx, access, caller, id, { change: 'update', fields: Object.keys(patch).filter((k) => k !== 'version') });
        await announce(trx, row, after);
        return toView(after);
      });
    },

    async changeStatus(principal: Principal | undefined, id: string, to: ListingStatus, expectedVersion?: number): Promise<ListingView> {
      const caller = requireRole(principal, 'individual');
      const authorized = await authorize(caller, id);
      const { access } = authorized;
      if (to === 'published' && authorized.row.status === 'draft') await requireVerifiedOwner(authorized.row.owner_id);
      return change([id], async (trx) => {
        const row = await lockForChange(trx, authorized, expectedVersion);
        const refusal = transitionRefusal(row.status, to, row.transaction as 'sale' | 'rent');
        if (refusal) throw conflict(refusal, { code: 'listing.status_move_refused' });
        const now = clock.now();
        const firstShowing = to === 'published' && row.status === 'draft';
        if (firstShowing) {
          const refusals = publishRefusals(toView(row));
          if (refusals.length) throw unprocessable(`The listing cannot be published yet: ${refusals.map((r) => r.message).join(' ')}`, refusals, { code: 'listing.not_publishable' });
        }
        const after = await store.updateListing(trx, id, row.version, {
          status: to,
          updated_at: now,
          ...(firstShowing ? { published_at: now } : {}),
          ...(isIndexable(to) && access !== 'moderator' ? { refreshed_at: now } : {}),
        });
        if (!after) throw conflict('The listing changed while it was being saved; reload it and try again.', { code: 'listing.changed_meanwhile' });
        await recordModeration(trx, access, caller, id, { change: 'status', from: row.status, to });
        await announce(trx, row, after);
        return toView(after);
      });
    },

    publish(principal: Principal | undefined, id: string, expectedVersion?: number) {
      return service.changeStatus(principal, id, 'published', expectedVersion);
    },

    /** Tells buyers the listing is still current; keeps it from expiring. */
    async refresh(principal: Principal | undefined, id: string): Promise<ListingView> {
      const caller = requireRole(principal, 'individual');
      const authorized = await authorize(caller, id);
      return change([id], async (trx) => {
        const row = await lockForChange(trx, authorized, undefined);
        if (!isIndexable(row.status)) throw conflict(`Only a published or under-offer listing can be refreshed; this one is ${row.status}.`);
        const now = clock.now();
        const after = (await store.updateListing(trx, id, row.version, { refreshed_at: now, updated_at: now }))!;
        await announce(trx, row, after);
        return toView(after);
      });
    },

    /** A draft never published is deleted; anything else is archived (its history stays). */
    async remove(principal: Principal | undefined, id: string, expectedVersion?: number): Promise<{ deleted: boolean; listing?: ListingView }> {
      const caller = requireRole(principal, 'individual');
      const authorized = await authorize(caller, id);
      return change([id], async (trx) => {
        const row = await lockForChange(trx, authorized, expectedVersion);
        await recordModeration(trx, authorized.access, caller, id, { change: 'remove', from: row.status });
        if (row.status === 'draft' && row.published_at === null) {
          await store.deleteListing(trx, id);
          return { deleted: true };
        }
        if (row.status === 'archived') return { deleted: false, listing: toView(row) };
        const after = (await store.updateListing(trx, id, row.version, { status: 'archived', updated_at: clock.now() }))!;
        await announce(trx, row, after);
        return { deleted: false, listing: toView(after) };
      });
    },

    async priceHistory(principal: Principal | undefined, id: string): Promise<PriceHistoryEntry[]> {
      const row = await store.findListing(db.kysely, id);
      const visible = row && (isIndexable(row.status) || (await accessTo(principal, row, memberships)) !== 'none');
      if (!visible) throw notFound('This listing');
      const entries = await store.priceHistory(db.kysely, id);
      return entries.map((e) => ({ price: e.price, charges: e.charges, changedAt: e.changedAt.toISOString() }));
    },

    /** The caller's listings and those of the agencies they belong to. */
    async mine(principal: Principal | undefined, options: { status?: ListingStatus; limit?: number } = {}): Promise<ListingView[]> {
      const caller = requireRole(principal, 'individual');
      const agencyIds = await memberships.agencyIdsOf(caller.userId);
      const rows = await store.listingsOf(db.kysely, caller.userId, agencyIds, { status: options.status, limit: options.limit ?? 100 });
      return rows.map(toView);
    },

    /** The daily job: archives live listings not refreshed for EXPIRY_DAYS, each in its own transaction. */
    async expireStale(batch = 200): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - EXPIRY_DAYS * DAY_MS);
      let expired = 0;
      for (;;) {
        const ids = await store.staleListingIds(db.kysely, cutoff, batch);
        if (ids.length === 0) return expired;
        for (const id of ids) {
          const done = await change([id], async (trx) => {
            const row = await store.findListing(trx, id, { forUpdate: true });
            // refreshed or withdrawn since the scan: leave it
            if (!row || !isIndexable(row.status) || !row.refreshed_at || row.refreshed_at >= cutoff) return false;
            const after = (await store.updateListing(trx, id, row.version, { status: 'archived', updated_at: clock.now() }))!;
            await announce(trx, row, after);
            return true;
          });
          if (done) expired++;
        }
        if (ids.length < batch) return expired;
      }
    },

    /** GDPR erasure inside the caller's transaction (the `user.deleted` consumer). Returns the listings touched. */
    eraseOwnerIn,

    /** After the erasure committed: drop cached copies. */
    forget: (ids: string[]) => readCache.invalidate(...ids),

    /** GDPR export: the person's listings with their price history. */
    async exportPersonalData(userId: string) {
      const rows = await store.listingsOwnedBy(db.kysely, userId);
      const listings = [];
      for (const row of rows) {
        const history = await store.priceHistory(db.kysely, row.id);
        listings.push({ ...toView(row), priceHistory: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })) });
      }
      return { listings };
    },

    api: {
      get: publicSnapshot,
      async getMany(ids: string[]) {
        const unique = [...new Set(ids)];
        const rows = await store.findListings(db.kysely, unique);
        const byId = new Map(rows.filter((r) => isIndexable(r.status)).map((r) => [r.id, toSnapshot(r)]));
        return ids.map((id) => byId.get(id)).filter((s): s is ListingSnapshot => !!s);
      },
      async snapshotsForReindex(afterId: string | null, limit: number) {
        const rows = await store.indexableAfter(db.kysely, afterId, Math.max(1, Math.min(limit, 5000)));
        return rows.map(toSnapshot);
      },
      async isOwnerOrAgent(principal: Principal, listingId: string) {
        const row = await store.findListing(db.kysely, listingId);
        if (!row) return false;
        const access = await accessTo(principal, row, memberships);
        return access === 'owner' || access === 'agent';
      },
      async readFor(principal: Principal | undefined, id: string) {
        const row = await store.findListing(db.kysely, id);
        if (row && principal && (await accessTo(principal, row, memberships)) !== 'none') return toSnapshot(row);
        return publicSnapshot(id);
      },
      async priceHistories(principal: Principal | undefined, ids: string[]) {
        const rows = new Map((await store.findListings(db.kysely, [...new Set(ids)])).map((r) => [r.id, r]));
        const visible = new Set<string>();
        for (const row of rows.values()) {
          if (isIndexable(row.status) || (await accessTo(principal, row, memberships)) !== 'none') visible.add(row.id);
        }
        const entries = await store.priceHistories(db.kysely, [...visible]);
        return ids.map((id) =>
          visible.has(id) ? (entries.get(id) ?? []).map((e) => ({ price: e.price, charges: e.charges, changedAt: e.changedAt.toISOString() })) : undefined,
        );
      },
    } satisfies ListingsApi,
  };
  return service;
}

/** Equal as stored: jsonb does not keep key order, so objects compare with sorted keys. */
function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a ?? null) === stableJson(b ?? null);
}
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
