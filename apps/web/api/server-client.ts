import { createImmoClient } from '@immo/api-client';
import type { Locale } from '@immo/i18n';
import { webConfig } from '../config.ts';

/**
 * The API as server components see it: the same process over loopback.
 * `revalidate` lets Next cache the answer (the page is regenerated after it).
 * `locale`: the page's language, for a problem message the page shows
 * (English, the API's own, without it).
 */
export function serverApi(options: { revalidate?: number | false; tags?: string[]; locale?: Locale } = {}) {
  return createImmoClient({
    baseUrl: webConfig.apiOrigin,
    ...(options.locale ? { locale: options.locale } : {}),
    fetch: (request: Request) =>
      fetch(request, options.revalidate === undefined ? { cache: 'no-store' } : { next: { revalidate: options.revalidate, tags: options.tags } }),
  });
}
