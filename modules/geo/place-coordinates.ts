import { distanceKm, type PostalRow } from './postal-mapping.ts';

/** How far from its commune's other places a place may lie before its coordinates are distrusted. */
export const MISPLACED_KM = 20;

export interface ReplacedCoordinates {
  code: string;
  place: string;
  nis: string;
  was: { lat: number; lon: number };
  km: number;
}

/**
 * OpenStreetMap look-ups by place name sometimes landed on a homonym far away
 * ("Sluizen" 3700 placed 180 km from Tongeren). Within each commune, a place
 * more than {@link MISPLACED_KM} from the median of its commune's places, or
 * listed as known wrong, gets the mean of the commune's other places instead.
 */
export function correctMisplacedCoordinates(
  placesByCommune: Map<string, PostalRow[]>,
  knownWrong: { code: string; place: string }[] = [],
): { places: Map<string, PostalRow[]>; replaced: ReplacedCoordinates[] } {
  const wrong = new Set(knownWrong.map((w) => `${w.code}|${w.place}`));
  const replaced: ReplacedCoordinates[] = [];
  const places = new Map<string, PostalRow[]>();
  for (const [nis, rows] of placesByCommune) {
    const centre = { lat: median(rows.map((r) => r.lat)), lon: median(rows.map((r) => r.lon)) };
    const isOff = (r: PostalRow) => wrong.has(`${r.code}|${r.place}`) || distanceKm(r, centre) > MISPLACED_KM;
    const good = rows.filter((r) => !isOff(r));
    if (good.length === 0) {
      places.set(nis, rows);
      continue;
    }
    const fallback = { lat: round(mean(good.map((r) => r.lat))), lon: round(mean(good.map((r) => r.lon))) };
    places.set(
      nis,
      rows.map((r) => {
        if (!isOff(r)) return r;
        replaced.push({
          code: r.code,
          place: r.place,
          nis,
          was: { lat: r.lat, lon: r.lon },
          km: Math.round(distanceKm(r, centre)),
        });
        return { ...r, ...fallback };
      }),
    );
  }
  return { places, replaced };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6;
