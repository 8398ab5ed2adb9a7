import { sql } from 'kysely';
import type { EventBus, Executor, Subscriber } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import { listingArchived, listingPriceChanged, listingPublished, listingUpdated, type ListingSnapshot } from '@immo/listings';
import { userDeleted } from '@immo/auth';
import { applySnapshot } from './index-store.ts';
import { matchSavedSearches } from './alerts.ts';
import { eraseUserSearches } from './saved-searches.ts';

// What search consumes. The index is fed only by listing events; each
// handler runs in the transaction that records the event as consumed, so a
// redelivery is a no-op, and applySnapshot ignores older snapshots, so
// out-of-order delivery cannot bring back an old price.

export interface ConsumerDeps {
  geo: GeoApi;
  events: EventBus;
}

async function isIndexed(trx: Executor, id: string) {
  const { rows } = await sql`select 1 from search.listings where id = ${id}::uuid`.execute(trx);
  return rows.length > 0;
}

/** Indexes the snapshot; a listing that enters the index is news for the saved searches. */
export async function onListingChanged(trx: Executor, deps: ConsumerDeps, listing: ListingSnapshot, published: boolean) {
  const outcome = await applySnapshot(trx, listing);
  const entered = outcome.applied && outcome.isIndexed && !outcome.wasIndexed;
  // `published` may arrive after a newer `updated` (then it changes nothing) and is still news once
  if (entered || (published && (await isIndexed(trx, listing.id)))) {
    await matchSavedSearches(trx, deps, listing, 'new');
  }
}

export async function onPriceChanged(trx: Executor, deps: ConsumerDeps, payload: { oldPrice: number; newPrice: number; listing: ListingSnapshot }) {
  const outcome = await applySnapshot(trx, payload.listing);
  if (outcome.applied && outcome.isIndexed && !outcome.wasIndexed) await matchSavedSearches(trx, deps, payload.listing, 'new');
  // matched against the index as it now stands (this snapshot, or a newer one)
  if (payload.newPrice < payload.oldPrice && (await isIndexed(trx, payload.listing.id))) {
    await matchSavedSearches(trx, deps, payload.listing, 'price_drop');
  }
}

export function searchSubscribers(deps: ConsumerDeps): Subscriber[] {
  const published: Subscriber<typeof listingPublished.schema> = {
    consumer: 'search.index-published',
    event: listingPublished,
    handle: (payload, _envelope, trx) => onListingChanged(trx, deps, payload.listing, true),
  };
  const updated: Subscriber<typeof listingUpdated.schema> = {
    consumer: 'search.index-updated',
    event: listingUpdated,
    handle: (payload, _envelope, trx) => onListingChanged(trx, deps, payload.listing, false),
  };
  const priceChanged: Subscriber<typeof listingPriceChanged.schema> = {
    consumer: 'search.index-price-changed',
    event: listingPriceChanged,
    handle: (payload, _envelope, trx) => onPriceChanged(trx, deps, payload),
  };
  const archived: Subscriber<typeof listingArchived.schema> = {
    consumer: 'search.index-archived',
    event: listingArchived,
    handle: async (payload, _envelope, trx) => {
      await applySnapshot(trx, payload.listing);
    },
  };
  const erase: Subscriber<typeof userDeleted.schema> = {
    consumer: 'search.erase-user',
    event: userDeleted,
    handle: (payload, _envelope, trx) => eraseUserSearches(trx, payload.userId),
  };
  return [published, updated, priceChanged, archived, erase] as Subscriber[];
}
