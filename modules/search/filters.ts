import { sql, type RawBuilder } from 'kysely';
import { epcRank, type BBox, type SearchFilters } from './contract.ts';
import type { QueryWords } from './query-words.ts';

// The filters as SQL conditions on search.listings. One function for the
// list, the map, the facets and the saved-search alerts, so a saved search
// matches exactly what its list showed.

type Condition = RawBuilder<unknown>;

/** What the words of `q` add to the filters (a commune named in the text, "à louer"...). */
export interface WordFilters {
  communes: string[];
  postalCodes: string[];
  transaction: QueryWords['transaction'];
  region: QueryWords['region'];
  bedroomsMin: number | null;
  /** tsquery text that the document must match */
  textAll: string | null;
}

export function filterConditions(f: SearchFilters, words?: WordFilters): Condition[] {
  const c: Condition[] = [];
  const transaction = f.transaction ?? words?.transaction;
  if (transaction) c.push(sql`transaction = ${transaction}`);
  if (f.types?.length) c.push(sql`type = any(${f.types}::text[])`);
  if (f.priceMin !== undefined) c.push(sql`price >= ${f.priceMin}`);
  if (f.priceMax !== undefined) c.push(sql`price <= ${f.priceMax}`);
  const bedroomsMin = f.bedroomsMin ?? words?.bedroomsMin ?? undefined;
  if (bedroomsMin !== undefined && bedroomsMin !== null) c.push(sql`bedrooms >= ${bedroomsMin}`);
  if (f.livingAreaMin !== undefined) c.push(sql`living_area >= ${f.livingAreaMin}`);
  if (f.livingAreaMax !== undefined) c.push(sql`living_area <= ${f.livingAreaMax}`);
  if (f.landAreaMin !== undefined) c.push(sql`land_area >= ${f.landAreaMin}`);
  if (f.epcMax) c.push(sql`epc_rank <= ${epcRank(f.epcMax)}`);
  if (f.features?.length) c.push(sql`features @> ${f.features}::text[]`);
  const region = f.region ?? words?.region;
  if (region) c.push(sql`region = ${region}`);
  if (f.province) c.push(sql`province_nis = ${f.province}`);
  if (f.communes?.length) c.push(sql`commune_nis = any(${f.communes}::text[])`);
  if (f.postalCodes?.length) c.push(sql`postal_code = any(${f.postalCodes}::text[])`);
  // Communes and postal codes named in the text: either kind of place
  const placeCommunes = words?.communes ?? [];
  const placeCodes = words?.postalCodes ?? [];
  if (placeCommunes.length && placeCodes.length) {
    c.push(sql`(commune_nis = any(${placeCommunes}::text[]) or postal_code = any(${placeCodes}::text[]))`);
  } else if (placeCommunes.length) {
    c.push(sql`commune_nis = any(${placeCommunes}::text[])`);
  } else if (placeCodes.length) {
    c.push(sql`postal_code = any(${placeCodes}::text[])`);
  }
  if (f.bbox) c.push(inBox(f.bbox));
  if (f.near) {
    const { lat, lon, radiusKm } = f.near;
    // a box around the circle uses the GiST index; the exact distance then trims its corners
    const dLat = radiusKm / 111.2;
    const dLon = radiusKm / (111.2 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    c.push(inBox([lon - dLon, lat - dLat, lon + dLon, lat + dLat]));
    c.push(sql`${distanceKm(lat, lon)} <= ${radiusKm}`);
  }
  if (f.polygon) {
    const xs = f.polygon.map((p) => p[0]);
    const ys = f.polygon.map((p) => p[1]);
    c.push(inBox([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]));
    // PostgreSQL's own polygon type: planar point-in-polygon on lon/lat, fine at a map's scale
    const literal = `(${f.polygon.map(([x, y]) => `(${x},${y})`).join(',')})`;
    c.push(sql`point(lon, lat) <@ ${literal}::polygon`);
  }
  if (words?.textAll) c.push(sql`doc @@ ${words.textAll}::tsquery`);
  return c;
}

export function inBox([minLon, minLat, maxLon, maxLat]: BBox): Condition {
  return sql`point(lon, lat) <@ box(point(${minLon}, ${minLat}), point(${maxLon}, ${maxLat}))`;
}

/** Great-circle distance in km (haversine), plain SQL: no PostGIS. */
export function distanceKm(lat: number, lon: number): RawBuilder<number> {
  return sql<number>`(12742 * asin(sqrt(
    power(sin(radians(lat - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lon - ${lon}) / 2), 2))))`;
}

export function whereClause(conditions: Condition[]): RawBuilder<unknown> {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}
