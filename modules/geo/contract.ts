import { z } from 'zod';

// The shape of data/belgium/communes.json and of the geo routes' answers.

export const REGIONS = ['brussels', 'flanders', 'wallonia'] as const;
export const regionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof regionSchema>;

const bilingualName = z.object({ fr: z.string().min(1), nl: z.string().min(1) });
const nisCode = z.string().regex(/^\d{5}$/, 'a NIS code has five digits');
export const postalCodeSchema = z.string().regex(/^[1-9]\d{3}$/, 'a Belgian postal code has four digits');

export const postalPlaceSchema = z.object({
  code: postalCodeSchema,
  place: z.string().min(1),
  lat: z.number(),
  lon: z.number(),
});

export const communeSchema = z.object({
  nis: nisCode,
  name: z.object({ fr: z.string().min(1), nl: z.string().min(1), de: z.string().min(1).optional() }),
  region: regionSchema,
  province: z.object({ nis: nisCode, name: bilingualName }).nullable(),
  arrondissement: z.object({ nis: nisCode.optional(), name: bilingualName }).optional(),
  lat: z.number(),
  lon: z.number(),
  postalCodes: z.array(postalPlaceSchema),
});

export const communesFileSchema = z.array(communeSchema);

export type PostalPlace = z.infer<typeof postalPlaceSchema>;

export interface Commune {
  nis: string;
  name: { fr: string; nl: string; de?: string };
  region: Region;
  province: { nis: string; name: { fr: string; nl: string } } | null;
  /** Present in the shipped data; optional so that callers may build communes in tests. */
  arrondissement?: { nis?: string; name: { fr: string; nl: string } };
  lat: number;
  lon: number;
  postalCodes: { code: string; place: string; lat: number; lon: number }[];
}

export interface RegionInfo {
  id: Region;
  name: { fr: string; nl: string; de: string; en: string };
}

export interface ProvinceInfo {
  nis: string;
  name: { fr: string; nl: string };
  region: Region;
}

export interface GeoApi {
  communes(): readonly Commune[];
  commune(nis: string): Commune | undefined;
  communesByPostalCode(code: string): Commune[];
  /** true when the postal code belongs to the commune */
  postalCodeBelongs(code: string, nis: string): boolean;
  /** accent/case-insensitive lookup by a name in any language (exact), e.g. 'Bergen' -> Mons */
  findByName(name: string): Commune[];
  regions(): RegionInfo[];
  provinces(): ProvinceInfo[];
}

// HTTP schemas (routes.ts)

export const communesQuerySchema = z.object({
  region: regionSchema.optional(),
  province: nisCode.optional(),
});
export const nisParamsSchema = z.object({ nis: z.string().max(16) });
export const postalCodeParamsSchema = z.object({ code: postalCodeSchema });
export const communeListSchema = z.object({ items: z.array(communeSchema) });
