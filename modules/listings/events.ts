import { z } from 'zod';
import { defineEvent, type EventBus, type Executor } from '@immo/platform';
import { listingSnapshot } from './contract.ts';
import { toSnapshot } from './snapshot.ts';
import type { ListingRow } from './store.ts';

// What listings publishes. Each is written to the outbox in the transaction of
// the change. Consumers must be idempotent and ignore a snapshot whose
// `version` is lower than the one they hold (delivery can be out of order).

/** A listing became published (from draft, or again after being withdrawn). */
export const listingPublished = defineEvent('listing.published', 1, z.object({ listing: listingSnapshot }));

/** Any change to a listing that is or was published, status changes included. */
export const listingUpdated = defineEvent('listing.updated', 1, z.object({ listing: listingSnapshot }));

export const listingPriceChanged = defineEvent(
  'listing.price.changed',
  1,
  z.object({ listingId: z.string(), oldPrice: z.number().int(), newPrice: z.number().int(), listing: listingSnapshot }),
);

/** Archived by its owner, a moderator, expiry, or the owner's account deletion. */
export const listingArchived = defineEvent(
  'listing.archived',
  1,
  z.object({ listingId: z.string(), listing: listingSnapshot }),
);

/** Publishes the events a change of a (once) published listing calls for, in its transaction. */
export async function announceChange(events: Pick<EventBus, 'publish'>, trx: Executor, before: ListingRow | undefined, after: ListingRow) {
  const listing = toSnapshot(after);
  if (after.status === 'published' && before?.status !== 'published' && before?.status !== 'under_offer') {
    await events.publish(trx, listingPublished, { listing });
    return;
  }
  if (after.published_at === null) return; // a draft never shown: nobody to tell
  if (after.status === 'archived') {
    if (before?.status !== 'archived') await events.publish(trx, listingArchived, { listingId: after.id, listing });
    return;
  }
  await events.publish(trx, listingUpdated, { listing });
  if (before && before.price !== after.price) {
    await events.publish(trx, listingPriceChanged, { listingId: after.id, oldPrice: before.price, newPrice: after.price, listing });
  }
}
