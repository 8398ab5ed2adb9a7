import type { ListingSnapshot } from '@immo/listings';
import { epcRank } from './contract.ts';
import { FEATURE_WORDS, TYPE_WORDS } from './vocabulary.ts';

/** The text search configuration of the ad's own language. */
export const TEXT_CONFIG: Record<ListingSnapshot['language'], string> = {
  fr: 'french',
  nl: 'dutch',
  de: 'german',
  en: 'english',
};

/** A listing as the index stores it (before its tsvectors are computed in SQL). */
export interface IndexRow {
  id: string;
  version: number;
  status: string;
  transaction: string;
  type: string;
  price: number;
  charges: number | null;
  price_per_m2: number | null;
  ppm2_key: number;
  bedrooms: number | null;
  bathrooms: number | null;
  living_area: number | null;
  land_area: number | null;
  epc_label: string | null;
  epc_rank: number | null;
  features: string[];
  region: string;
  province_nis: string | null;
  commune_nis: string;
  postal_code: string;
  street: string | null;
  lat: number;
  lon: number;
  owner_id: string;
  published_at: string;
  language: string;
  config: string;
  /** Ranked text: titles, type words, commune names. */
  head_text: string;
  /** Matched only: descriptions, feature words, street, postal code. */
  body_text: string;
  card: { title: Record<string, string>; communeName: ListingSnapshot['communeName']; coverPhoto: { id: string; url?: string } | null };
}

/** Listings without a living area sort after every priced-per-m² one. */
export const NO_PPM2 = 1e12;

export function toIndexRow(listing: ListingSnapshot): IndexRow {
  const pricePerM2 = listing.livingArea && listing.livingArea > 0 ? Math.round((listing.price / listing.livingArea) * 100) / 100 : null;
  const titles = Object.values(listing.title).filter((t): t is string => !!t);
  const descriptions = Object.values(listing.description).filter((t): t is string => !!t);
  const communeNames = [listing.communeName.fr, listing.communeName.nl, listing.communeName.de].filter((n): n is string => !!n);
  const street = listing.address.hidden ? null : listing.address.street || null;
  const cover = listing.photos.find((p) => p.id === listing.coverPhotoId) ?? listing.photos[0] ?? null;
  const title: Record<string, string> = {};
  for (const [lang, text] of Object.entries(listing.title)) if (text) title[lang] = text;
  return {
    id: listing.id,
    version: listing.version,
    status: listing.status,
    transaction: listing.transaction,
    type: listing.type,
    price: listing.price,
    charges: listing.charges,
    price_per_m2: pricePerM2,
    ppm2_key: pricePerM2 ?? NO_PPM2,
    bedrooms: listing.bedrooms,
    bathrooms: listing.bathrooms,
    living_area: listing.livingArea,
    land_area: listing.landArea,
    epc_label: listing.epc?.label ?? null,
    epc_rank: epcRank(listing.epc?.label),
    features: [...listing.features],
    region: listing.region,
    province_nis: listing.provinceNis,
    commune_nis: listing.communeNis,
    postal_code: listing.postalCode,
    street,
    lat: listing.lat,
    lon: listing.lon,
    owner_id: listing.ownerId,
    published_at: listing.publishedAt ?? listing.updatedAt,
    language: listing.language,
    config: TEXT_CONFIG[listing.language],
    head_text: [...titles, ...TYPE_WORDS[listing.type], ...communeNames].join(' \n '),
    body_text: [...descriptions, ...listing.features.flatMap((f) => FEATURE_WORDS[f]), street ?? '', listing.postalCode].join(' \n '),
    card: {
      title,
      communeName: listing.communeName,
      coverPhoto: cover ? { id: cover.id, ...(cover.url ? { url: cover.url } : {}) } : null,
    },
  };
}
