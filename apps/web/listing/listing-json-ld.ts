import type { Locale } from '@immo/i18n';
import type { Listing } from '../api/shapes.ts';
import { communeName, listingTitle } from './listing-title.ts';

const SCHEMA_TYPES: Record<string, string> = { apartment: 'Apartment', studio: 'Apartment', duplex: 'Apartment', penthouse: 'Apartment', loft: 'Apartment', house: 'House', villa: 'House', bungalow: 'House', farmhouse: 'House' };

/** schema.org RealEstateListing for the listing page, in the page's language. */
export function listingJsonLd(listing: Listing, locale: Locale, url: string) {
  const place = {
    '@type': SCHEMA_TYPES[listing.type] ?? 'Place',
    address: {
      '@type': 'PostalAddress',
      postalCode: listing.postalCode,
      addressLocality: communeName(listing, locale),
      addressCountry: 'BE',
      ...(listing.address.hidden ? {} : { streetAddress: `${listing.address.street} ${listing.address.number}` }),
    },
    geo: { '@type': 'GeoCoordinates', latitude: listing.lat, longitude: listing.lon },
    ...(listing.livingArea ? { floorSize: { '@type': 'QuantitativeValue', value: listing.livingArea, unitCode: 'MTK' } } : {}),
    ...(listing.bedrooms !== null ? { numberOfBedrooms: listing.bedrooms } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'RealEstateListing',
    '@id': url,
    url,
    name: listingTitle(listing, locale),
    description: listing.description[locale] ?? listing.description[listing.language] ?? undefined,
    inLanguage: `${locale}-BE`,
    datePosted: listing.publishedAt ?? undefined,
    image: listing.photos.map((p) => p.url).filter(Boolean),
    about: place,
    offers: {
      '@type': 'Offer',
      price: listing.price,
      priceCurrency: 'EUR',
      businessFunction: listing.transaction === 'rent' ? 'http://purl.org/goodrelations/v1#LeaseOut' : 'http://purl.org/goodrelations/v1#Sell',
      availability: listing.status === 'published' ? 'https://schema.org/InStock' : 'https://schema.org/LimitedAvailability',
    },
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
