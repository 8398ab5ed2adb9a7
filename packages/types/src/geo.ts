import { z } from 'zod';
import { finiteNumber } from './numbers.ts';

export const Longitude = finiteNumber({ min: -180, max: 180 });
export const Latitude = finiteNumber({ min: -90, max: 90 });

export const LatLon = z.object({ lat: Latitude, lon: Longitude });
export type LatLon = z.infer<typeof LatLon>;

/** [minLon, minLat, maxLon, maxLat], as in GeoJSON. */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * A bounding box from `"4.30,50.80,4.45,50.90"` (query string) or a 4-number
 * array. West must be left of east and south below north: we do not handle
 * boxes across the antimeridian (Belgium is far from it).
 */
export const BBox = z
  .union([z.string().max(200).transform((s) => s.split(',')), z.array(z.union([z.number(), z.string()]))])
  .pipe(z.tuple([Longitude, Latitude, Longitude, Latitude], { error: 'A bbox is minLon,minLat,maxLon,maxLat.' }))
  .check((ctx) => {
    const [minLon, minLat, maxLon, maxLat] = ctx.value;
    if (minLon >= maxLon) ctx.issues.push({ code: 'custom', message: 'minLon must be less than maxLon.', input: ctx.value, path: [0] });
    if (minLat >= maxLat) ctx.issues.push({ code: 'custom', message: 'minLat must be less than maxLat.', input: ctx.value, path: [1] });
  })
  .transform((v) => v as BBox);

/** A position [lon, lat], as in GeoJSON: JSON numbers only (polygons come in bodies, not query strings). */
export const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const Ring = z
  .array(Position)
  .min(4, 'A ring has at least 4 positions (a triangle and its closing point).')
  .max(2000, 'A ring has at most 2000 positions.')
  .refine((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1], 'A ring must end where it starts.');

/** A GeoJSON Polygon: an outer ring and optional holes, each closed. */
export const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(Ring).min(1).max(20),
});
export type Polygon = z.infer<typeof Polygon>;
