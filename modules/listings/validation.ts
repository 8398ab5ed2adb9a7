import { epcLabelFor, epcRank, epcLabels, isValidEpcLabel } from '@immo/i18n';
import { unprocessable, type FieldError } from '@immo/platform';
import type { ListingView, ListingRegion, PropertyType } from './contract.ts';
import { LAND_AREA, MAX_CHARGES, MAX_COORDINATE_DISTANCE_KM, PRICE_PER_M2, TYPE_BOUNDS } from './bounds.ts';
import type { GeoLookup } from './geo-lookup.ts';

/** The editable state of a listing, complete and normalised (what a create or a merged update yields). */
export type ListingFields = Omit<
  ListingView,
  'id' | 'version' | 'status' | 'ownerId' | 'region' | 'provinceNis' | 'communeNis' | 'postalCode' | 'communeName' | 'lat' | 'lon' | 'publishedAt' | 'refreshedAt' | 'createdAt' | 'updatedAt'
> & {
  /** Coordinates given by the advertiser; null: derived from the postal code or the commune. */
  lat: number | null;
  lon: number | null;
};

/** What the commune decides: region, province, names and points. */
export interface Placement {
  region: ListingRegion;
  provinceNis: string | null;
  communeName: { fr: string; nl: string; de?: string };
  communeLat: number;
  communeLon: number;
  lat: number;
  lon: number;
}

/** Types an energy certificate does not apply to (no heated living space). */
const EPC_EXEMPT: readonly PropertyType[] = ['land', 'garage'];
export const needsEpc = (type: PropertyType) => !EPC_EXEMPT.includes(type);

/**
 * Checks a listing against Belgian reference data and sane bounds; throws a
 * 422 naming every wrong field at once, so nothing is written.
 */
export function checkListing(fields: ListingFields, geo: GeoLookup, today: Date): Placement {
  const errors: FieldError[] = [];
  // code and params let the server word the message in the caller's language
  const add = (path: string, message: string, code?: string, params?: FieldError['params']) =>
    errors.push({ path, message, ...(code ? { code } : {}), ...(params ? { params } : {}) });
  const bounds = TYPE_BOUNDS[fields.type];

  const commune = geo.commune(fields.address.communeNis);
  if (!commune) add('address.communeNis', `No Belgian commune has the NIS code ${fields.address.communeNis}.`, 'listing.commune_unknown', { nis: fields.address.communeNis });
  else if (!geo.postalCodeBelongs(fields.address.postalCode, commune.nis)) {
    const codes = [...new Set(commune.postalCodes.map((p) => p.code))].join(', ');
    add('address.postalCode', `Postal code ${fields.address.postalCode} is not in ${commune.name.fr} / ${commune.name.nl} (its codes: ${codes}).`, 'listing.postal_code_not_in_commune', {
      postalCode: fields.address.postalCode,
      commune: `${commune.name.fr} / ${commune.name.nl}`,
      codes,
    });
  }

  const [minPrice, maxPrice] = bounds[fields.transaction];
  const what = fields.transaction === 'rent' ? 'A monthly rent' : 'A sale price';
  if (fields.price < minPrice || fields.price > maxPrice) {
    add('price', `${what} for a ${fields.type} must be between ${minPrice} and ${maxPrice} euros; got ${fields.price}.`, 'listing.price_out_of_bounds', { min: minPrice, max: maxPrice, price: fields.price });
  }
  if (fields.charges !== null) {
    if (fields.transaction !== 'rent') add('charges', 'Monthly charges apply to rentals only; leave them out for a sale.', 'listing.charges_for_sale');
    else if (fields.charges > MAX_CHARGES) add('charges', `Monthly charges above ${MAX_CHARGES} euros are not plausible.`, 'listing.charges_too_high', { max: MAX_CHARGES });
  }

  if (bounds.livingArea === null) {
    if (fields.livingArea !== null) add('livingArea', `A ${fields.type} has no living area; give its land area instead.`, 'listing.no_living_area');
  } else if (fields.livingArea !== null) {
    const [min, max] = bounds.livingArea;
    if (fields.livingArea < min || fields.livingArea > max) {
      add('livingArea', `The living area of a ${fields.type} must be between ${min} and ${max} m²; got ${fields.livingArea}.`, 'listing.living_area_out_of_bounds', { min, max, area: fields.livingArea });
    } else if (bounds.bedrooms) {
      const perM2 = fields.price / fields.livingArea;
      const [lo, hi] = PRICE_PER_M2[fields.transaction];
      if (perM2 < lo || perM2 > hi) {
        add('price', `${what} of ${fields.price} euros for ${fields.livingArea} m² is ${Math.round(perM2)} €/m², outside ${lo}–${hi} €/m²: check the price and the surface.`, 'listing.price_per_m2_implausible', { perM2: Math.round(perM2), lo, hi });
      }
    }
  }
  if (fields.type === 'land' && fields.landArea === null) add('landArea', 'A plot of land needs its land area.', 'listing.land_area_missing');
  if (fields.landArea !== null && (fields.landArea < LAND_AREA[0] || fields.landArea > LAND_AREA[1])) {
    add('landArea', `The land area must be between ${LAND_AREA[0]} and ${LAND_AREA[1]} m²; got ${fields.landArea}.`, 'listing.land_area_out_of_bounds', { min: LAND_AREA[0], max: LAND_AREA[1], area: fields.landArea });
  }

  if (!bounds.bedrooms && fields.bedrooms) add('bedrooms', `A ${fields.type} has no bedrooms.`, 'listing.no_bedrooms');
  if (fields.rooms !== null && fields.bedrooms !== null && fields.bedrooms > fields.rooms) {
    add('bedrooms', `There are more bedrooms (${fields.bedrooms}) than rooms (${fields.rooms}).`, 'listing.bedrooms_above_rooms', { bedrooms: fields.bedrooms, rooms: fields.rooms });
  }
  if (fields.yearBuilt !== null && fields.yearBuilt > today.getUTCFullYear() + 5) {
    add('yearBuilt', `The year built ${fields.yearBuilt} is too far in the future.`, 'listing.year_built_future');
  }
  if (fields.availableFrom !== null && Number.isNaN(Date.parse(`${fields.availableFrom}T00:00:00Z`))) {
    add('availableFrom', `${fields.availableFrom} is not a calendar date.`, 'field.date');
  }

  if (fields.epc && commune) {
    const region = commune.region;
    if (!isValidEpcLabel(region, fields.epc.label)) {
      add('epc.label', `EPC label "${fields.epc.label}" does not exist in ${region}; its scale is ${epcLabels(region).join(', ')}.`, 'listing.epc_label_not_in_region', { label: fields.epc.label, scale: epcLabels(region).join(', ') });
    } else {
      const expected = epcLabelFor(region, fields.epc.kwh);
      if (epcRank(region, expected) !== epcRank(region, fields.epc.label)) {
        add('epc.kwh', `${fields.epc.kwh} kWh/m²/year is label ${expected} in ${region}, not ${fields.epc.label}: check the certificate.`, 'listing.epc_label_mismatch', { kwh: fields.epc.kwh, expected, label: fields.epc.label });
      }
    }
  }

  if (!fields.title[fields.language]) add(`title.${fields.language}`, `The title needs a text in the ad's main language (${fields.language}).`, 'listing.title_missing');
  if (fields.coverPhotoId !== null && !fields.photos.some((p) => p.id === fields.coverPhotoId)) {
    add('coverPhotoId', 'The cover photo must be one of the listing\'s photos.', 'listing.cover_not_a_photo');
  }
  if (new Set(fields.photos.map((p) => p.id)).size !== fields.photos.length) add('photos', 'A photo appears twice.', 'listing.photo_twice');

  if ((fields.lat === null) !== (fields.lon === null)) add('lat', 'Give both lat and lon, or neither.');
  if (errors.length) throw unprocessable(`The listing has ${errors.length} problem(s): ${errors.map((e) => e.message).join(' ')}`, errors, { code: 'listing.invalid', params: { count: errors.length } });

  const place = commune!;
  const postal = place.postalCodes.find((p) => p.code === fields.address.postalCode);
  let lat = fields.lat ?? postal?.lat ?? place.lat;
  let lon = fields.lon ?? postal?.lon ?? place.lon;
  if (fields.lat !== null && fields.lon !== null && distanceKm(fields.lat, fields.lon, place.lat, place.lon) > MAX_COORDINATE_DISTANCE_KM) {
    throw unprocessable(`The coordinates are more than ${MAX_COORDINATE_DISTANCE_KM} km from ${place.name.fr}: check them or leave them out.`, [
      { path: 'lat', message: `Too far from the commune ${place.nis}.` },
    ]);
  }
  lat = round6(lat);
  lon = round6(lon);
  return {
    region: place.region,
    provinceNis: place.province?.nis ?? null,
    communeName: place.name.de ? { fr: place.name.fr, nl: place.name.nl, de: place.name.de } : { fr: place.name.fr, nl: place.name.nl },
    communeLat: place.lat,
    communeLon: place.lon,
    lat,
    lon,
  };
}

/** What publishing needs beyond a valid listing. */
export function publishRefusals(fields: Pick<ListingFields, 'type' | 'epc'>): FieldError[] {
  if (needsEpc(fields.type) && !fields.epc) {
    return [{ path: 'epc', message: 'An energy certificate (label, kWh/m²/year and certificate number) is mandatory to publish.', code: 'listing.epc_required' }];
  }
  return [];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
