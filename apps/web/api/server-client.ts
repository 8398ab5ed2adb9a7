import { createImmoClient } from '@immo/api-client';
import { webConfig } from '../config.ts';

/**
 * The API as server components see it: the same process over loopback.
 * `revalidate` lets Next cache the answer (the page is regenerated after it).
 */
export function serverApi(options: { revalidate?: number | false; tags?: string[] } = {}) {
  return createImmoClient({
    baseUrl: webConfig.apiOrigin,
    fetch: (request: Request) =>
      fetch(request, options.revalidate === undefined ? { cache: 'no-store' } : { next: { revalidate: options.revalidate, tags: options.tags } }),
  });
}
