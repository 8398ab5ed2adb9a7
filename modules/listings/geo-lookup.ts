import type { ListingRegion } from './contract.ts';

/**
 * The part of the geo module's API that listings uses (GeoApi satisfies it).
 * Declared here so the rules are testable with the real reference data or a
 * handful of communes.
 */
export interface GeoLookup {
  commune(nis: string): GeoCommune | undefined;
  postalCodeBelongs(code: string, nis: string): boolean;
}

export interface GeoCommune {
  nis: string;
  name: { fr: string; nl: string; de?: string };
  region: ListingRegion;
  province: { nis: string } | null;
  lat: number;
  lon: number;
  postalCodes: { code: string; place: string; lat: number; lon: number }[];
}
