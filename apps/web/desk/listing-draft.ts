// The desk form's state: every field of the listing contract kept as the text
// the person typed, and the one mapping between it and the API's body. Empty
// boxes become null (cleared) so the server, not the form, judges the values.
import type { paths } from '@immo/api-client';
import type { Listing } from '../api/shapes.ts';

export type ListingBody = paths['/v1/listings']['post']['requestBody']['content']['application/json'];
export type Language = 'fr' | 'nl' | 'de' | 'en';
export const LANGUAGES: Language[] = ['fr', 'nl', 'de', 'en'];

// The contract's enums (modules/listings/contract.ts), in the order the form shows them.
export const TRANSACTIONS = ['sale', 'rent'] as const;
export const PROPERTY_TYPES = [
  'apartment', 'house', 'studio', 'duplex', 'penthouse', 'loft', 'villa', 'mansion', 'farmhouse', 'building', 'land', 'office', 'commercial', 'garage',
] as const satisfies readonly ListingBody['type'][];
export const CONDITIONS = ['new', 'excellent', 'good', 'to_refresh', 'to_renovate', 'to_demolish'] as const satisfies readonly NonNullable<ListingBody['condition']>[];
export const FEATURES = [
  'garden', 'terrace', 'balcony', 'parking', 'garage', 'lift', 'cellar', 'attic', 'furnished', 'pool', 'fireplace',
  'solar_panels', 'heat_pump', 'air_conditioning', 'accessible', 'pets_allowed',
] as const satisfies readonly NonNullable<ListingBody['features']>[number][];

export interface ListingDraft {
  transaction: ListingBody['transaction'];
  type: ListingBody['type'];
  price: string;
  charges: string;
  agencyId: string;
  street: string;
  number: string;
  box: string;
  postalCode: string;
  communeNis: string;
  hidden: boolean;
  livingArea: string;
  landArea: string;
  rooms: string;
  bedrooms: string;
  bathrooms: string;
  yearBuilt: string;
  condition: string;
  epcLabel: string;
  epcKwh: string;
  epcCertificate: string;
  features: string[];
  availableFrom: string;
  language: Language;
  title: Record<Language, string>;
  description: Record<Language, string>;
}

const texts = (): Record<Language, string> => ({ fr: '', nl: '', de: '', en: '' });

export function emptyDraft(language: Language, agencyId = ''): ListingDraft {
  return {
    transaction: 'sale', type: 'apartment', price: '', charges: '', agencyId,
    street: '', number: '', box: '', postalCode: '', communeNis: '', hidden: false,
    livingArea: '', landArea: '', rooms: '', bedrooms: '', bathrooms: '', yearBuilt: '', condition: '',
    epcLabel: '', epcKwh: '', epcCertificate: '', features: [], availableFrom: '',
    language, title: texts(), description: texts(),
  };
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftFromListing(listing: Listing): ListingDraft {
  const pick = (source: Partial<Record<Language, string>>) => ({ fr: text(source.fr), nl: text(source.nl), de: text(source.de), en: text(source.en) });
  return {
    transaction: listing.transaction,
    type: listing.type,
    price: text(listing.price),
    charges: text(listing.charges),
    agencyId: text(listing.agencyId),
    street: listing.address.street,
    number: listing.address.number,
    box: text(listing.address.box),
    postalCode: listing.address.postalCode,
    communeNis: listing.address.communeNis,
    hidden: listing.address.hidden,
    livingArea: text(listing.livingArea),
    landArea: text(listing.landArea),
    rooms: text(listing.rooms),
    bedrooms: text(listing.bedrooms),
    bathrooms: text(listing.bathrooms),
    yearBuilt: text(listing.yearBuilt),
    condition: text(listing.condition),
    epcLabel: text(listing.epc?.label),
    epcKwh: text(listing.epc?.kwh),
    epcCertificate: text(listing.epc?.certificate),
    features: [...listing.features],
    availableFrom: text(listing.availableFrom),
    language: listing.language,
    title: pick(listing.title),
    description: pick(listing.description),
  };
}

/** "1.250,50" or "1250.5" → 1250.5; empty → null; nonsense → NaN, which the server refuses by name. */
export function parseNumber(value: string): number | null {
  const trimmed = value.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised = /,\d{1,2}$/.test(trimmed) ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/[.,](?=\d{3}\b)/g, '');
  return Number(normalised);
}

const localized = (values: Record<Language, string>) => {
  const out: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) if (values[language].trim()) out[language] = values[language].trim();
  return out;
};

/** The body of POST /v1/listings (and of PUT: every field sent, so a cleared box clears the value). */
export function draftToBody(draft: ListingDraft): ListingBody {
  const epcGiven = draft.epcLabel || draft.epcKwh.trim() || draft.epcCertificate.trim();
  return {
    transaction: draft.transaction,
    type: draft.type,
    price: parseNumber(draft.price) ?? Number.NaN,
    charges: draft.transaction === 'rent' ? parseNumber(draft.charges) : null,
    agencyId: draft.agencyId || null,
    address: {
      street: draft.street,
      number: draft.number,
      box: draft.box.trim() || null,
      postalCode: draft.postalCode.trim(),
      communeNis: draft.communeNis,
      hidden: draft.hidden,
    },
    livingArea: parseNumber(draft.livingArea),
    landArea: parseNumber(draft.landArea),
    rooms: parseNumber(draft.rooms),
    bedrooms: parseNumber(draft.bedrooms),
    bathrooms: parseNumber(draft.bathrooms),
    yearBuilt: parseNumber(draft.yearBuilt),
    condition: (draft.condition || null) as ListingBody['condition'],
    epc: epcGiven ? { label: draft.epcLabel, kwh: parseNumber(draft.epcKwh) ?? Number.NaN, certificate: draft.epcCertificate } : null,
    features: draft.features as ListingBody['features'],
    availableFrom: draft.availableFrom || null,
    language: draft.language,
    title: localized(draft.title),
    description: localized(draft.description),
  };
}
