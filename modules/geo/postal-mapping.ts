import type { Region } from './contract.ts';
import { comparableName } from './names.ts';

/**
 * Assigns each postal-code place to a commune when the source gives no NIS
 * code (the OpenStreetMap-geocoded list of bpost places). The rules, in order
 * of trust:
 *
 * 1. `override`: a committed table of places known to belong to a commune
 *    whose name they do not carry (districts of Antwerpen, sections of
 *    Bruxelles...).
 * 2. `name`: the place is called like a commune of the postal code's
 *    province (bpost's ranges) and lies within 25 km of it: "Hamme" in 1785 is
 *    a section of Merchtem, not the commune Hamme of Oost-Vlaanderen.
 * 3. `zip`: another place with the same postal code was matched by name: a
 *    Belgian postal code almost always serves one commune.
 * 4. `main-zip`: the postal code is a commune's main postal code (within 20 km).
 * 5. `nearest`: the nearest commune of the postal code's region, preferring
 *    communes whose main postal code shares the first two digits; then all
 *    places of one code placed this way follow their code's majority.
 *
 * Every assignment carries its rule so that the provenance can report how many
 * places each rule placed.
 */

export interface MappableCommune {
  nis: string;
  name: { fr: string; nl: string };
  region: Region;
  /** Province NIS code, or '04000' (the region) for Brussels. */
  province: string;
  mainPostalCode: string;
}

export interface PostalRow {
  code: string;
  place: string;
  lat: number;
  lon: number;
}

export type MappingRule = 'override' | 'name' | 'zip' | 'main-zip' | 'nearest';

export interface PostalAssignment {
  row: PostalRow;
  nis: string;
  rule: MappingRule;
}

/** Region of a Belgian postal code by bpost's ranges. */
export function regionOfPostalCode(code: string): Region {
  const n = Number(code);
  if (n >= 1000 && n < 1300) return 'brussels';
  if ((n >= 1300 && n < 1500) || (n >= 4000 && n < 8000)) return 'wallonia';
  return 'flanders';
}

/** Province (NIS code; '04000' for Brussels) of a postal code by bpost's ranges. */
export function provinceOfPostalCode(code: string): string {
  const n = Number(code);
  if (n < 1300) return '04000';
  if (n < 1500) return '20002';
  if (n < 2000 || (n >= 3000 && n < 3500)) return '20001';
  if (n < 3000) return '10000';
  if (n < 4000) return '70000';
  if (n < 5000) return '60000';
  if (n < 6000) return '90000';
  if (n >= 6600 && n < 7000) return '80000';
  if (n < 8000) return '50000';
  if (n < 9000) return '30000';
  return '40000';
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

export function assignPostalCodes(
  communes: MappableCommune[],
  rows: PostalRow[],
  overrides: { code: string; place: string; nis: string }[] = [],
): PostalAssignment[] {
  const names = new Map<string, MappableCommune[]>();
  for (const c of communes) {
    for (const n of new Set([comparableName(c.name.fr), comparableName(c.name.nl)])) {
      names.set(n, [...(names.get(n) ?? []), c]);
    }
  }
  const anchors = communeAnchors(communes, rows, names);
  const overrideOf = new Map(overrides.map((o) => [`${o.code}|${comparableName(o.place)}`, o.nis]));
  const nearest = (row: PostalRow, candidates: MappableCommune[]) => {
    let best: MappableCommune | undefined;
    let bestKm = Infinity;
    for (const c of candidates) {
      const anchor = anchors.get(c.nis);
      if (!anchor) continue;
      const km = distanceKm(row, anchor);
      if (km < bestKm) [best, bestKm] = [c, km];
    }
    return best ? { commune: best, km: bestKm } : undefined;
  };

  const result = new Map<PostalRow, PostalAssignment>();
  // 1 and 2
  for (const row of rows) {
    const override = overrideOf.get(`${row.code}|${comparableName(row.place)}`);
    if (override) {
      result.set(row, { row, nis: override, rule: 'override' });
      continue;
    }
    const province = provinceOfPostalCode(row.code);
    const named = (names.get(comparableName(row.place)) ?? []).filter((c) => c.province === province);
    const hit = nearest(row, named);
    if (hit && hit.km <= 25) result.set(row, { row, nis: hit.commune.nis, rule: 'name' });
  }
  // 3
  const communesOfCode = new Map<string, Set<string>>();
  for (const a of result.values()) {
    communesOfCode.set(a.row.code, (communesOfCode.get(a.row.code) ?? new Set()).add(a.nis));
  }
  const byNis = new Map(communes.map((c) => [c.nis, c]));
  for (const row of rows) {
    if (result.has(row)) continue;
    const known = [...(communesOfCode.get(row.code) ?? [])].map((nis) => byNis.get(nis)!).filter(Boolean);
    const hit = nearest(row, known);
    if (hit) result.set(row, { row, nis: hit.commune.nis, rule: 'zip' });
  }
  // 4 and 5
  for (const row of rows) {
    if (result.has(row)) continue;
    const province = provinceOfPostalCode(row.code);
    const sameRegion = communes.filter((c) => c.province === province);
    // only main postal codes confirmed by the commune's own place being there
    const main = nearest(
      row,
      sameRegion.filter((c) => c.mainPostalCode === row.code && anchors.get(c.nis)?.code === row.code),
    );
    if (main && main.km <= 20) {
      result.set(row, { row, nis: main.commune.nis, rule: 'main-zip' });
      continue;
    }
    const hit =
      nearest(
        row,
        sameRegion.filter((c) => c.mainPostalCode.slice(0, 2) === row.code.slice(0, 2)),
      ) ?? nearest(row, sameRegion);
    if (hit) result.set(row, { row, nis: hit.commune.nis, rule: 'nearest' });
  }
  // A postal code serves one commune: places placed by distance alone follow
  // the commune most of their code's places went to (ties stay as they are).
  const votes = new Map<string, Map<string, number>>();
  for (const a of result.values()) {
    if (a.rule !== 'nearest') continue;
    const tally = votes.get(a.row.code) ?? new Map<string, number>();
    votes.set(a.row.code, tally.set(a.nis, (tally.get(a.nis) ?? 0) + 1));
  }
  for (const a of result.values()) {
    if (a.rule !== 'nearest') continue;
    const [first, second] = [...votes.get(a.row.code)!.entries()].sort((x, y) => y[1] - x[1]);
    if (first && (!second || first[1] > second[1])) a.nis = first[0];
  }
  return rows.flatMap((row) => (result.has(row) ? [result.get(row)!] : []));
}

/**
 * Where each commune is: the place of its province named like it (at its
 * main postal code when there are several), else the first place at its main
 * postal code. The 2020 table's main postal code is sometimes another
 * commune's, hence the province check.
 */
export function communeAnchors(
  communes: MappableCommune[],
  rows: PostalRow[],
  names = new Map<string, MappableCommune[]>(),
): Map<string, PostalRow> {
  const anchors = new Map<string, PostalRow>();
  for (const c of communes) {
    const own = new Set([comparableName(c.name.fr), comparableName(c.name.nl)]);
    const named = rows.filter(
      (r) => own.has(comparableName(r.place)) && provinceOfPostalCode(r.code) === c.province,
    );
    const anchor =
      named.find((r) => r.code === c.mainPostalCode) ??
      (named.length === 1 ? named[0] : undefined) ??
      rows.find(
        (r) => r.code === c.mainPostalCode && (names.get(comparableName(r.place)) ?? []).length === 0,
      ) ??
      rows.find((r) => r.code === c.mainPostalCode);
    if (anchor) anchors.set(c.nis, anchor);
  }
  return anchors;
}
