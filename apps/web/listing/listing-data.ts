import { cache } from 'react';
import { webConfig } from '../config.ts';
import { bffQuery } from '../bff/graphql-fetch.ts';
import { LISTING_PAGE_QUERY, listingPageData, type ListingPageData } from '../bff/listing-page-query.ts';
import type { Listing, PriceHistory } from '../api/shapes.ts';

/**
 * The listing page's data in ONE GraphQL call to the BFF (listing, price
 * history, advertiser, similar listings), cached by Next and regenerated
 * after `listingRevalidateSeconds` or on tag `listing:<id>`; undefined when
 * not (or no longer) public. React's cache shares it between the metadata
 * and the page of one render.
 */
export const loadListingPage = cache(async (id: string): Promise<ListingPageData | undefined> => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { listing } = await bffQuery(LISTING_PAGE_QUERY, { id }, listingPageData, {
    revalidate: webConfig.listingRevalidateSeconds,
    tags: [`listing:${id}`],
  });
  if (!listing) return undefined;
  const { priceHistory, advertiser, media, similar, ...rest } = listing;
  const plain: Listing = rest;
  return { listing: plain, priceHistory: { items: priceHistory }, advertiser, media, similar };
});

/** The public listing (from the page's one BFF call). */
export const loadListing = async (id: string): Promise<Listing | undefined> => (await loadListingPage(id))?.listing;

export const loadPriceHistory = async (id: string): Promise<PriceHistory | undefined> => (await loadListingPage(id))?.priceHistory;
