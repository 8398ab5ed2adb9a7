/**
 * Builds data/belgium/communes.json, the 565 communes of 2025, from the
 * shared 2020 reference tables, data/belgium/mergers-2025.json and
 * data/belgium/postal-code-overrides.json.
 *
 *   npx tsx modules/geo/build-data.ts [referenceDir]
 *
 * Deterministic: the same inputs give the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Commune, Region } from './contract.ts';
import { provinceNisOf } from './province.ts';
import { correctMisplacedCoordinates, type ReplacedCoordinates } from './place-coordinates.ts';
import { assignPostalCodes, type MappingRule, type PostalRow } from './postal-mapping.ts';
import {
  dataDir,
  mergersFileSchema,
  postalOverridesSchema,
  readJson,
  readReferenceMunicipalities,
  readReferencePostalCodes,
  referenceDir,
  type ReferenceMunicipality,
} from './reference.ts';

export interface BuildReport {
  communes: number;
  postalPlaces: number;
  byRule: Record<MappingRule, number>;
  unmapped: number;
  germanNames: number;
  coordinatesReplaced: ReplacedCoordinates[];
}

export function buildCommunes(
  refDir = referenceDir,
  outDir = dataDir,
): { communes: Commune[]; report: BuildReport } {
  const municipalities = readReferenceMunicipalities(refDir);
  const rows = readReferencePostalCodes(refDir);
  const mergers = readJson(path.join(outDir, 'mergers-2025.json'), mergersFileSchema);
  const overrides = readJson(path.join(outDir, 'postal-code-overrides.json'), postalOverridesSchema);

  const errata = new Map(overrides.mainPostalCodeErrata.map((e) => [e.nis, e.corrected]));
  const assignments = assignPostalCodes(
    municipalities.map((m) => ({
      nis: m.nis,
      name: m.name,
      region: m.region,
      province: provinceNisOf(m.nis) ?? '04000',
      mainPostalCode: errata.get(m.nis) ?? m.mainPostalCode,
    })),
    rows,
    overrides.places,
  );

  // Names of arrondissements and provinces as the 2020 table gives them, by code.
  const arrondissements = new Map<string, { nl: string; fr: string }>();
  const provinces = new Map<string, { nl: string; fr: string }>();
  for (const m of municipalities) {
    const arr = `${m.nis.slice(0, 2)}000`;
    if (!arrondissements.has(arr)) arrondissements.set(arr, m.arrondissement);
    const prov = provinceNisOf(m.nis);
    if (prov && m.province && !provinces.has(prov)) provinces.set(prov, m.province);
  }
  for (const [nis, name] of Object.entries(mergers.arrondissementNames))
    arrondissements.set(nis, { nl: name.nl, fr: name.fr });

  const successorOf = new Map<string, string>();
  for (const merger of mergers.mergers) for (const old of merger.from) successorOf.set(old, merger.nis);

  // Coordinates are checked per commune of 2020, before mergers widen them.
  const placesOf2020 = new Map<string, PostalRow[]>();
  for (const a of assignments) placesOf2020.set(a.nis, [...(placesOf2020.get(a.nis) ?? []), a.row]);
  const corrected = correctMisplacedCoordinates(placesOf2020, overrides.wrongCoordinates);
  const placesOf = new Map<string, PostalRow[]>();
  for (const [old, rows] of corrected.places) {
    const nis = successorOf.get(old) ?? old;
    placesOf.set(nis, [
      ...(placesOf.get(nis) ?? []),
      ...rows.map((r) => ({ code: r.code, place: r.place, lat: r.lat, lon: r.lon })),
    ]);
  }

  // A shared code is pinned where its own place is.
  for (const shared of overrides.sharedPostalCodes) {
    const at = rows.find((r) => r.code === shared.code);
    if (!at)
      throw new Error(
        `postal-code-overrides.json: shared postal code ${shared.code} is not in the reference`,
      );
    placesOf.set(shared.nis, [
      ...(placesOf.get(shared.nis) ?? []),
      { code: shared.code, place: shared.place, lat: at.lat, lon: at.lon },
    ]);
  }

  const regionOf = new Map(municipalities.map((m) => [m.nis, m.region]));
  const entries: { nis: string; name: { nl: string; fr: string }; region: Region }[] = [
    ...municipalities
      .filter((m) => !successorOf.has(m.nis))
      .map((m: ReferenceMunicipality) => ({ nis: m.nis, name: m.name, region: m.region })),
    ...mergers.mergers.map((m) => ({ nis: m.nis, name: m.name, region: regionOf.get(m.from[0]!)! })),
  ];

  const communes: Commune[] = entries
    .sort((a, b) => a.nis.localeCompare(b.nis))
    .map((e) => {
      const postalCodes = (placesOf.get(e.nis) ?? []).sort(
        (a, b) => a.code.localeCompare(b.code) || a.place.localeCompare(b.place),
      );
      const provinceNis = provinceNisOf(e.nis);
      const arrNis = `${e.nis.slice(0, 2)}000`;
      const de = mergers.germanNames[e.nis];
      return {
        nis: e.nis,
        name: { fr: e.name.fr, nl: e.name.nl, ...(de ? { de } : {}) },
        region: e.region,
        province: provinceNis
          ? {
              nis: provinceNis,
              name: { fr: provinces.get(provinceNis)!.fr, nl: provinces.get(provinceNis)!.nl },
            }
          : null,
        arrondissement: {
          nis: arrNis,
          name: { fr: arrondissements.get(arrNis)!.fr, nl: arrondissements.get(arrNis)!.nl },
        },
        lat: round(mean(postalCodes.map((p) => p.lat))),
        lon: round(mean(postalCodes.map((p) => p.lon))),
        postalCodes,
      };
    });

  const byRule = { override: 0, name: 0, zip: 0, 'main-zip': 0, nearest: 0 } as Record<MappingRule, number>;
  for (const a of assignments) byRule[a.rule]++;
  return {
    communes,
    report: {
      communes: communes.length,
      postalPlaces: rows.length,
      byRule,
      unmapped: rows.length - assignments.length,
      germanNames: communes.filter((c) => c.name.de).length,
      coordinatesReplaced: corrected.replaced,
    },
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { communes, report } = buildCommunes(process.argv[2] ? path.resolve(process.argv[2]) : referenceDir);
  writeFileSync(path.join(dataDir, 'communes.json'), JSON.stringify(communes, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
}
