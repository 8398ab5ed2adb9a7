import { z } from 'zod';
import { defineEvent } from '@immo/platform';
import { listingSnapshot } from './contract.ts';

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
