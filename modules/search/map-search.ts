import { sql } from 'kysely';
import type { Executor } from '@immo/platform';
import type { GeoApi } from '@immo/geo';
import type { GeoResult, ParsedSearchQuery } from './contract.ts';
import { whereClause } from './filters.ts';
import { prepareSearch } from './search.ts';

// The map: compact markers for the listings in the visible box, or, when
// there are too many to draw, a server-side grid of clusters (count, centre,
// lowest price) so the answer stays small at any zoom.

const GRID = 16;

export async function runMapSearch(
  db: Executor,
  geo: GeoApi,
  query: ParsedSearchQuery & { bbox: [number, number, number, number]; maxMarkers?: number },
): Promise<GeoResult> {
  const prepared = await prepareSearch(db, geo, query);
  const where = whereClause(prepared.conditions);
  const maxMarkers = query.maxMarkers ?? 500;
  // Any maxMarkers + 1 matches tell whether markers fit: the scan stops there, with no sort of every match
  // in a wide box (then clustered anyway); when they fit, they are all the matches, sorted newest first.
  const { rows } = await sql<{ id: string; lat: number; lon: number; price: number; type: string }>`
    select id, lat, lon, price, type from (
      select id, lat, lon, price, type, published_at from search.listings ${where} limit ${maxMarkers + 1}
    ) as some_matches order by published_at desc, id`.execute(db);
  if (rows.length <= maxMarkers) {
    return { total: rows.length, clustered: false, markers: rows, clusters: [] };
  }
  const [minLon, minLat, maxLon, maxLat] = query.bbox;
  const cellLon = (maxLon - minLon) / GRID;
  const cellLat = (maxLat - minLat) / GRID;
  const { rows: cells } = await sql<{ lat: number; lon: number; count: number; min_price: number }>`
    select avg(lat)::float8 as lat, avg(lon)::float8 as lon, count(*)::int as count, min(price)::int as min_price
    from search.listings ${where}
    group by floor((lon - ${minLon}) / ${cellLon}), floor((lat - ${minLat}) / ${cellLat})
    order by count desc`.execute(db);
  return {
    total: cells.reduce((n, c) => n + c.count, 0),
    clustered: true,
    markers: [],
    clusters: cells.map((c) => ({ lat: c.lat, lon: c.lon, count: c.count, minPrice: c.min_price })),
  };
}
