import communes from '../../../data/belgium/communes.json';

/** Belgium's communes as GeoJSON points (their centroids), from the open data in data/belgium. */
export function communePoints() {
  return {
    type: 'FeatureCollection' as const,
    features: communes.map((commune) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [commune.lon, commune.lat] },
      properties: { nis: commune.nis, fr: commune.name.fr, nl: commune.name.nl, region: commune.region },
    })),
  };
}

/** [minLon, minLat, maxLon, maxLat] of the country, for the map's first view. */
export const BELGIUM_BOUNDS: [number, number, number, number] = [2.54, 49.49, 6.41, 51.51];
