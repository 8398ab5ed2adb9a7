import { listingArchived, listingPriceChanged, listingPublished, listingUpdated } from '@immo/listings';
import type { Subscriber } from '@immo/platform';
import type { WebRequestHandler } from './gateway/web.ts';

/**
 * Keeps the web app's statically regenerated listing pages true: any change
 * of a published listing expires its page at once (the next visit renders it
 * anew) instead of after the page's own `revalidate` timer.
 *
 * Limit: the pages' cache lives in the process that serves the web app; with
 * the web app in several processes, the one that consumes the event expires
 * its own copy and the others fall back to their timer (60 s).
 */
export function listingPageSubscribers(web: Required<Pick<WebRequestHandler, 'revalidateListings'>>): Subscriber[] {
  const expire = async (payload: { listing: { id: string } }) => web.revalidateListings([payload.listing.id]);
  return [
    { consumer: 'web.listing-page.published', event: listingPublished, handle: expire },
    { consumer: 'web.listing-page.updated', event: listingUpdated, handle: expire },
    { consumer: 'web.listing-page.price-changed', event: listingPriceChanged, handle: expire },
    { consumer: 'web.listing-page.archived', event: listingArchived, handle: expire },
  ] as Subscriber[];
}
