import type { ListingSnapshot, ListingView } from './contract.ts';
import type { ListingRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** What the owner and the agency's agents see: everything, exact address included. */
export function toView(row: ListingRow): ListingView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    transaction: row.transaction as ListingView['transaction'],
    type: row.type as ListingView['type'],
    price: row.price,
    charges: row.charges,
    ownerId: row.owner_id,
    agencyId: row.agency_id,
    address: {
      street: row.street,
      number: row.number,
      box: row.box,
      postalCode: row.postal_code,
      communeNis: row.commune_nis,
      hidden: row.address_hidden,
    },
    region: row.region as ListingView['region'],
    provinceNis: row.province_nis,
    communeNis: row.commune_nis,
    postalCode: row.postal_code,
    communeName: row.commune_name,
    lat: row.lat,
    lon: row.lon,
    livingArea: row.living_area,
    landArea: row.land_area,
    rooms: row.rooms,
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    yearBuilt: row.year_built,
    condition: row.condition as ListingView['condition'],
    epc: row.epc,
    features: row.features as ListingView['features'],
    availableFrom: row.available_from,
    language: row.language as ListingView['language'],
    title: row.title,
    description: row.description,
    photos: row.photos,
    coverPhotoId: row.cover_photo_id,
    publishedAt: iso(row.published_at),
    refreshedAt: iso(row.refreshed_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    contact: row.contact,
  };
}

/**
 * The public state (events, search, anonymous reads). A hidden address shows
 * neither street nor number, and the commune centroid instead of the point.
 */
export function toSnapshot(row: ListingRow): ListingSnapshot {
  const { contact: _contact, ...view } = toView(row);
  if (!row.address_hidden) return view;
  return {
    ...view,
    address: { ...view.address, street: '', number: '', box: null },
    lat: row.commune_lat,
    lon: row.commune_lon,
  };
}
