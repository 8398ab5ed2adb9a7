import type { Redis } from 'ioredis';
import { listingArchived, listingPriceChanged, listingPublished, listingUpdated } from '@immo/listings';
import type { Logger, Subscriber } from '@immo/platform';
import type { WebRequestHandler } from './gateway/web.ts';

/** Expires the cached pages of these listings: in this process's web app, or in every web process. */
export type PageExpiry = (ids: string[]) => Promise<void>;

/** The Redis channel (after REDIS_PREFIX) on which consumers name listings whose pages every web process expires. */
export const listingPagesChannel = (redisPrefix: string) => `${redisPrefix}:web:listing-pages`;

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
 * The pages' cache lives in each process that serves the web app. With
 * REDIS_URL, the consuming process publishes the ids on
 * `<REDIS_PREFIX>:web:listing-pages` and every web-serving process expires its own copy
 * (`followPageExpiry`) — also when the consumer (`immo worker`) serves no web
 * at all. Without Redis, one process does both.
 */
export function listingPageSubscribers(expirePages: PageExpiry, logger: Logger): Subscriber[] {
  const waiting = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    timer = undefined;
    const ids = [...waiting];
    waiting.clear();
    for (let i = 0; i < ids.length; i += BATCH) {
      try {
        await expirePages(ids.slice(i, i + BATCH));
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

/** Consumer side with Redis: names the listings to every web process. */
export function publishPageExpiry(redis: Redis, redisPrefix: string): PageExpiry {
  return async (ids) => {
    await redis.publish(listingPagesChannel(redisPrefix), JSON.stringify(ids));
  };
}

/** Web side with Redis: expires this process's pages of the listings any consumer names. */
export async function followPageExpiry(
  redis: Redis,
  redisPrefix: string,
  web: Required<Pick<WebRequestHandler, 'revalidateListings'>>,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const subscriber = redis.duplicate();
  subscriber.on('message', (_channel: string, message: string) => {
    let ids: unknown;
    try {
      ids = JSON.parse(message);
    } catch {
      return;
    }
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return;
    web.revalidateListings(ids).catch((error: unknown) => logger.debug({ err: error, listings: ids.length }, 'listing pages not expired (they refresh on their timer)'));
  });
  await subscriber.subscribe(listingPagesChannel(redisPrefix));
  return {
    async close() {
      await subscriber.quit().catch(() => undefined);
    },
  };
}
