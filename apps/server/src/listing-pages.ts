import { listingArchived, listingPriceChanged, listingPublished, listingUpdated } from '@immo/listings';
import type { Logger, Subscriber } from '@immo/platform';
import type { WebRequestHandler } from './gateway/web.ts';

/** Ids per revalidation request (the web app reads them from the query string). */
const BATCH = 100;
/** How long changes gather before one request expires their pages: a burst (a seed, an import) costs a few requests. */
const GATHER_MS = 50;

/**
 * Keeps the web app's statically regenerated listing pages true: any change
 * of a published listing expires its page at once (the next visit renders it
 * anew) instead of after the page's own `revalidate` timer.
 *
 * Best effort, off the event's path: the consumer only notes the id; changes
 * are gathered and sent in batches; a failed request (the server not
 * listening yet, say) is logged and dropped — the page's timer (60 s) is the
 * fallback, and an event is never retried for a cache.
 *
 * Limit: the pages' cache lives in the process that serves the web app; with
 * the web app in several processes, the one that consumes the event expires
 * its own copy and the others fall back to their timer.
 */
export function listingPageSubscribers(web: Required<Pick<WebRequestHandler, 'revalidateListings'>>, logger: Logger): Subscriber[] {
  const waiting = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    timer = undefined;
    const ids = [...waiting];
    waiting.clear();
    for (let i = 0; i < ids.length; i += BATCH) {
      try {
        await web.revalidateListings(ids.slice(i, i + BATCH));
      } catch (error) {
        logger.debug({ err: error, listings: ids.length }, 'listing pages not expired (they refresh on their timer)');
      }
    }
  };
  const expire = async (payload: { listing: { id: string } }) => {
    waiting.add(payload.listing.id);
    timer ??= setTimeout(() => void flush(), GATHER_MS).unref();
  };
  return [
    { consumer: 'web.listing-page.published', event: listingPublished, handle: expire },
    { consumer: 'web.listing-page.updated', event: listingUpdated, handle: expire },
    { consumer: 'web.listing-page.price-changed', event: listingPriceChanged, handle: expire },
    { consumer: 'web.listing-page.archived', event: listingArchived, handle: expire },
  ] as Subscriber[];
}
