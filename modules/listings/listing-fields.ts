import type { CreateListingInput, ListingView, UpdateListingInput } from './contract.ts';
import type { ListingFields, Placement } from './validation.ts';

// A listing's editable fields: from a create command, merged with an update,
// and as columns of listings.listings.

/** The complete fields of a parsed create command (absent means empty). */
export function fieldsFromCommand(command: CreateListingInput): ListingFields {
  return {
    transaction: command.transaction,
    type: command.type,
    price: command.price,
    charges: command.charges ?? null,
    agencyId: command.agencyId ?? null,
    address: { ...command.address, box: command.address.box ?? null, hidden: command.address.hidden ?? false },
    lat: command.lat ?? null,
    lon: command.lon ?? null,
    livingArea: command.livingArea ?? null,
    landArea: command.landArea ?? null,
    rooms: command.rooms ?? null,
    bedrooms: command.bedrooms ?? null,
    bathrooms: command.bathrooms ?? null,
    yearBuilt: command.yearBuilt ?? null,
    condition: command.condition ?? null,
    epc: command.epc ?? null,
    features: command.features ?? [],
    availableFrom: command.availableFrom ?? null,
    language: command.language,
    title: command.title,
    description: command.description ?? {},
    photos: command.photos ?? [],
    coverPhotoId: command.coverPhotoId ?? null,
    contact: command.contact ?? null,
  };
}

/**
 * The fields after a partial update: undefined keeps, null clears. Moving the
 * address without new coordinates places the listing again from its postal code.
 */
export function mergePatch(current: ListingView, patch: UpdateListingInput): ListingFields {
  const addressMoved =
    patch.address !== undefined &&
    (patch.address.communeNis !== current.communeNis || patch.address.postalCode !== current.postalCode);
  return {
    transaction: patch.transaction ?? current.transaction,
    type: patch.type ?? current.type,
    price: patch.price ?? current.price,
    charges: patch.charges !== undefined ? patch.charges : current.charges,
    agencyId: patch.agencyId !== undefined ? patch.agencyId : current.agencyId,
    address: patch.address
      ? { ...patch.address, box: patch.address.box ?? null, hidden: patch.address.hidden ?? current.address.hidden }
      : current.address,
    lat: patch.lat ?? (addressMoved ? null : current.lat),
    lon: patch.lon ?? (addressMoved ? null : current.lon),
    livingArea: pick(patch.livingArea, current.livingArea),
    landArea: pick(patch.landArea, current.landArea),
    rooms: pick(patch.rooms, current.rooms),
    bedrooms: pick(patch.bedrooms, current.bedrooms),
    bathrooms: pick(patch.bathrooms, current.bathrooms),
    yearBuilt: pick(patch.yearBuilt, current.yearBuilt),
    condition: pick(patch.condition, current.condition),
    epc: pick(patch.epc, current.epc),
    features: patch.features ?? current.features,
    availableFrom: pick(patch.availableFrom, current.availableFrom),
    language: patch.language ?? current.language,
    title: patch.title ?? current.title,
    description: patch.description ?? current.description,
    photos: patch.photos ?? current.photos,
    coverPhotoId: pick(patch.coverPhotoId, current.coverPhotoId),
    contact: pick(patch.contact, current.contact),
  };
}

export function placementColumns(placement: Placement) {
  return {
    region: placement.region,
    province_nis: placement.provinceNis,
    commune_name: placement.communeName,
    commune_lat: placement.communeLat,
    commune_lon: placement.communeLon,
    lat: placement.lat,
    lon: placement.lon,
  };
}

export function fieldColumns(f: ListingFields) {
  return {
    transaction: f.transaction,
    type: f.type,
    price: f.price,
    charges: f.charges,
    agency_id: f.agencyId,
    street: f.address.street,
    number: f.address.number,
    box: f.address.box,
    postal_code: f.address.postalCode,
    commune_nis: f.address.communeNis,
    address_hidden: f.address.hidden,
    living_area: f.livingArea,
    land_area: f.landArea,
    rooms: f.rooms,
    bedrooms: f.bedrooms,
    bathrooms: f.bathrooms,
    year_built: f.yearBuilt,
    condition: f.condition,
    epc: f.epc,
    features: [...new Set(f.features)],
    available_from: f.availableFrom,
    language: f.language,
    title: f.title,
    description: f.description,
    photos: f.photos,
    cover_photo_id: f.coverPhotoId,
    contact: f.contact,
  };
}

/** A patch field: undefined keeps the current value, null clears it. */
function pick<T>(next: T | null | undefined, current: T | null): T | null {
  return next === undefined ? current : next;
}
