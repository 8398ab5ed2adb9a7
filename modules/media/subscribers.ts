import type { Subscriber } from '@immo/platform';
import { userDeleted } from '@immo/auth';
import { listingArchived, listingPublished, listingUpdated, type ListingSnapshot } from '@immo/listings';
import type { MediaService } from './service.ts';

/** What media consumes: erasure on `user.deleted`, and listing state from the listing events. */
export function mediaSubscribers(service: MediaService): Subscriber[] {
  const remember = (listing: ListingSnapshot) => ({
    id: listing.id,
    ownerId: listing.ownerId,
    agencyId: listing.agencyId,
    status: listing.status,
    version: listing.version,
  });
  const subscribers = [
    { consumer: 'media.erase-user', event: userDeleted, handle: async ({ userId }, _envelope, trx) => void (await service.eraseUser(trx, userId)) },
    { consumer: 'media.listing-published', event: listingPublished, handle: ({ listing }, _envelope, trx) => service.onListingEvent(trx, remember(listing)) },
    { consumer: 'media.listing-updated', event: listingUpdated, handle: ({ listing }, _envelope, trx) => service.onListingEvent(trx, remember(listing)) },
    { consumer: 'media.listing-archived', event: listingArchived, handle: ({ listing }, _envelope, trx) => service.onListingEvent(trx, remember(listing)) },
  ] satisfies [Subscriber<typeof userDeleted.schema>, ...Subscriber<typeof listingPublished.schema>[]];
  return subscribers as Subscriber[];
}
