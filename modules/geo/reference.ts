import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Region } from './contract.ts';
import { parseCsv } from './csv.ts';
import type { PostalRow } from './postal-mapping.ts';

/** The repository's root, two folders above this module. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The reference tables shared beside the clone (read-only in CI). */
export const referenceDir = path.resolve(repoRoot, '../shared/data/belgium-reference');
export const dataDir = path.resolve(repoRoot, 'data/belgium');

/** A row of municipalities-2020.csv. */
export interface ReferenceMunicipality {
  nis: string;
  name: { nl: string; fr: string };
  arrondissement: { nl: string; fr: string };
  province: { nl: string; fr: string } | null;
  region: Region;
  inhabitants: number;
  mainPostalCode: string;
}

const REGION_BY_DUTCH_NAME: Record<string, Region> = {
  'Vlaams Gewest': 'flanders',
  'Waals Gewest': 'wallonia',
  'Brussels Hoofdstedelijk Gewest': 'brussels',
};

export function readReferenceMunicipalities(dir = referenceDir): ReferenceMunicipality[] {
  const [header, ...records] = parseCsv(readFileSync(path.join(dir, 'municipalities-2020.csv'), 'utf8'), ',');
  if (header?.fields[0] !== 'NIS_code') throw new Error('municipalities-2020.csv: unexpected header');
  return records.map(({ fields: f, line }) => {
    const region = REGION_BY_DUTCH_NAME[f[7] ?? ''];
    if (f.length !== 11 || !region) throw new Error(`municipalities-2020.csv line ${line}: unexpected row`);
    return {
      nis: f[0]!.padStart(5, '0'),
      name: { nl: f[1]!, fr: f[2]! },
      arrondissement: { nl: f[3]!, fr: f[4]! },
      province: f[5] === '0' ? null : { nl: f[5]!, fr: f[6]! },
      region,
      inhabitants: Number(f[9]),
      mainPostalCode: f[10]!,
    };
  });
}

export function readReferencePostalCodes(dir = referenceDir): PostalRow[] {
  return parseCsv(readFileSync(path.join(dir, 'postal-codes.csv'), 'utf8'), ',').map(
    ({ fields: f, line }) => {
      const [code, place, lon, lat] = f;
      if (f.length !== 4 || !/^\d{4}$/.test(code ?? ''))
        throw new Error(`postal-codes.csv line ${line}: unexpected row`);
      return { code: code!, place: place!.trim(), lon: Number(lon), lat: Number(lat) };
    },
  );
}

const bilingual = z.object({ nl: z.string().min(1), fr: z.string().min(1) });
export const mergersFileSchema = z.object({
  effective: z.string(),
  sources: z.array(z.string()),
  mergers: z.array(
    z.object({
      nis: z.string().regex(/^\d{5}$/),
      name: bilingual,
      from: z.array(z.string().regex(/^\d{5}$/)).min(1),
      note: z.string().optional(),
    }),
  ),
  germanNames: z.record(z.string(), z.string()),
  arrondissementNames: z.record(z.string(), bilingual.extend({ note: z.string().optional() })),
});
export type MergersFile = z.infer<typeof mergersFileSchema>;

export const postalOverridesSchema = z.object({
  note: z.string(),
  places: z.array(z.object({ code: z.string(), place: z.string(), nis: z.string(), commune: z.string() })),
  /**
   * Postal codes that also serve part of another commune than the one their
   * places are in (bpost lists one place per code and commune only).
   */
  sharedPostalCodes: z.array(
    z.object({ code: z.string(), place: z.string(), nis: z.string(), note: z.string() }),
  ),
  /** Places whose coordinates point at a homonym elsewhere, too near to be caught by distance. */
  wrongCoordinates: z.array(z.object({ code: z.string(), place: z.string(), note: z.string() })),
  /** Main postal codes the 2020 reference gives wrongly (a neighbour's code). */
  mainPostalCodeErrata: z.array(
    z.object({ nis: z.string(), commune: z.string(), reference: z.string(), corrected: z.string() }),
  ),
});

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
