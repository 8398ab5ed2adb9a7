import { cache } from 'react';
import { webConfig } from '../config.ts';
import { serverApi } from '../api/server-client.ts';
import type { Listing, PriceHistory } from '../api/shapes.ts';

/** The public listing, cached by Next and regenerated after `listingRevalidateSeconds`; undefined when not (or no longer) public. */
export const loadListing = cache(async (id: string): Promise<Listing | undefined> => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const api = serverApi({ revalidate: webConfig.listingRevalidateSeconds, tags: [`listing:${id}`] });
  const { data, response } = await api.GET('/v1/listings/{id}', { params: { path: { id } } });
  if (response.status === 404 || response.status === 410 || response.status === 400) return undefined;
  if (!data) throw new Error(`GET /v1/listings/${id} answered ${response.status}`);
  return data;
});

export const loadPriceHistory = cache(async (id: string): Promise<PriceHistory | undefined> => {
  const api = serverApi({ revalidate: webConfig.listingRevalidateSeconds, tags: [`listing:${id}`] });
  const { data } = await api.GET('/v1/listings/{id}/price-history', { params: { path: { id } } });
  return data;
});
