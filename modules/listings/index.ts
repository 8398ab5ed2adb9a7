// @immo/listings: the public face of the listings module.
export * from './contract.ts';
export { listingPublished, listingUpdated, listingPriceChanged, listingArchived } from './events.ts';
