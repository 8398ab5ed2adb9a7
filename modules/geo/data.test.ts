import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communesFileSchema } from './contract.ts';
import { comparableName } from './names.ts';
import { MISPLACED_KM } from './place-coordinates.ts';
import { distanceKm } from './postal-mapping.ts';
import {
  dataDir,
  mergersFileSchema,
  postalOverridesSchema,
  readJson,
  readReferenceMunicipalities,
  readReferencePostalCodes,
  repoRoot,
} from './reference.ts';

// Checks on the shipped data/belgium/communes.json, against the shared
// reference tables it was built from (../shared beside the clone).
const communes = communesFileSchema.parse(
  JSON.parse(readFileSync(path.join(dataDir, 'communes.json'), 'utf8')),
);
const mergers = mergersFileSchema.parse(
  JSON.parse(readFileSync(path.join(dataDir, 'mergers-2025.json'), 'utf8')),
);
const referenceDir = path.resolve(repoRoot, '../shared/data/belgium-reference');
const byNis = new Map(communes.map((c) => [c.nis, c]));

const BELGIUM = { south: 49.49, north: 51.51, west: 2.54, east: 6.41 };
const BRUSSELS_19 = [
  '21001',
  '21002',
  '21003',
  '21004',
  '21005',
  '21006',
  '21007',
  '21008',
  '21009',
  '21010',
  '21011',
  '21012',
  '21013',
  '21014',
  '21015',
  '21016',
  '21017',
  '21018',
  '21019',
];
const GERMAN_SPEAKING = {
  '63001': 'Amel',
  '63012': 'Büllingen',
  '63013': 'Bütgenbach',
  '63023': 'Eupen',
  '63040': 'Kelmis',
  '63048': 'Lontzen',
  '63061': 'Raeren',
  '63067': 'Sankt Vith',
  '63087': 'Burg-Reuland',
};

describe('data/belgium/communes.json', () => {
  it('holds the 565 communes of 2025, each NIS code once', () => {
    expect(communes).toHaveLength(565);
    expect(new Set(communes.map((c) => c.nis)).size).toBe(565);
    const count = (r: string) => communes.filter((c) => c.region === r).length;
    expect([count('brussels'), count('flanders'), count('wallonia')]).toEqual([19, 285, 261]);
  });

  it('gives every commune French and Dutch names, a region, a postal code and a place inside Belgium', () => {
    for (const c of communes) {
      expect(c.name.fr.length, c.nis).toBeGreaterThan(0);
      expect(c.name.nl.length, c.nis).toBeGreaterThan(0);
      expect(['brussels', 'flanders', 'wallonia']).toContain(c.region);
      expect(c.postalCodes.length, `${c.nis} ${c.name.nl} has no postal code`).toBeGreaterThan(0);
      for (const point of [c, ...c.postalCodes]) {
        expect(point.lat, c.nis).toBeGreaterThan(BELGIUM.south);
        expect(point.lat, c.nis).toBeLessThan(BELGIUM.north);
        expect(point.lon, c.nis).toBeGreaterThan(BELGIUM.west);
        expect(point.lon, c.nis).toBeLessThan(BELGIUM.east);
      }
      expect(c.province === null).toBe(c.region === 'brussels');
    }
  });

  it('puts the 19 Brussels communes, and only them, in the Brussels region', () => {
    expect(communes.filter((c) => c.region === 'brussels').map((c) => c.nis)).toEqual(BRUSSELS_19);
  });

  it('names the nine German-speaking communes in German', () => {
    for (const [nis, de] of Object.entries(GERMAN_SPEAKING)) expect(byNis.get(nis)?.name.de).toBe(de);
    expect(communes.filter((c) => c.name.de)).toHaveLength(9);
  });

  it('replaces the communes merged on 1 January 2025 by their successors', () => {
    const absorbed = mergers.mergers.flatMap((m) => m.from.filter((old) => old !== m.nis));
    expect(absorbed).toHaveLength(29); // 30 predecessors, Antwerpen keeps its code
    for (const old of absorbed) expect(byNis.has(old), old).toBe(false);
    for (const m of mergers.mergers) expect(byNis.get(m.nis)?.name).toMatchObject(m.name);
    expect(byNis.get('46030')).toMatchObject({
      name: { nl: 'Beveren-Kruibeke-Zwijndrecht' },
      province: { nis: '40000' },
      arrondissement: { nis: '46000' },
    });
    expect(byNis.get('23106')?.postalCodes.map((p) => p.code)).toEqual(
      expect.arrayContaining(['1540', '1570', '1755']),
    );
    expect(byNis.get('82039')).toMatchObject({ name: { fr: 'Bastogne' }, region: 'wallonia' });
    expect(byNis.get('71072')?.postalCodes.map((p) => p.code)).toEqual(
      expect.arrayContaining(['3500', '3720']),
    );
  });

  it('spot checks well-known communes', () => {
    const spot: [string, string, string][] = [
      ['21009', 'Ixelles', '1050'],
      ['62063', 'Liège', '4000'],
      ['53053', 'Mons', '7000'],
      ['11002', 'Anvers', '2000'],
      ['44021', 'Gand', '9000'],
    ];
    for (const [nis, fr, code] of spot) {
      const c = byNis.get(nis);
      expect(c?.name.fr).toBe(fr);
      expect(
        c?.postalCodes.some((p) => p.code === code),
        `${fr} ${code}`,
      ).toBe(true);
    }
    expect(byNis.get('21009')?.name.nl).toBe('Elsene');
    expect(byNis.get('62063')?.name.nl).toBe('Luik');
    expect(byNis.get('53053')?.name.nl).toBe('Bergen');
  });
});

describe.runIf(existsSync(referenceDir))('agreement with ../shared/data/belgium-reference', () => {
  // read only when the folder is there: a skipped describe still runs its body
  const present = existsSync(referenceDir);
  const reference = present ? readReferenceMunicipalities(referenceDir) : [];
  const rows = present ? readReferencePostalCodes(referenceDir) : [];
  const merged = new Set(mergers.mergers.flatMap((m) => m.from));

  it('keeps the NIS code and names of every commune that did not merge', () => {
    const unchanged = reference.filter((m) => !merged.has(m.nis));
    expect(unchanged).toHaveLength(581 - 30);
    for (const m of unchanged) {
      expect(byNis.get(m.nis)?.name, m.nis).toMatchObject({ fr: m.name.fr, nl: m.name.nl });
      expect(byNis.get(m.nis)?.region).toBe(m.region);
    }
  });

  it('places every postal code place of the reference in exactly one commune, with its coordinates', () => {
    const overrides = readJson(path.join(dataDir, 'postal-code-overrides.json'), postalOverridesSchema);
    const knownWrong = new Set(overrides.wrongCoordinates.map((w) => `${w.code}|${w.place}`));
    const shared = new Set(overrides.sharedPostalCodes.map((s) => `${s.nis}|${s.code}|${s.place}`));
    const shipped = new Map<string, { lat: number; lon: number; commune: { lat: number; lon: number } }>();
    for (const c of communes) {
      for (const p of c.postalCodes) {
        if (shared.has(`${c.nis}|${p.code}|${p.place}`)) continue;
        const key = `${p.code}|${p.place}`;
        expect(shipped.has(key), key).toBe(false);
        shipped.set(key, { lat: p.lat, lon: p.lon, commune: c });
      }
    }
    expect([...shipped.keys()].sort()).toEqual(rows.map((r) => `${r.code}|${r.place}`).sort());
    // coordinates are OpenStreetMap's, except those that pointed at a homonym far away
    let replaced = 0;
    for (const r of rows) {
      const s = shipped.get(`${r.code}|${r.place}`)!;
      if (s.lat === r.lat && s.lon === r.lon) continue;
      replaced++;
      const key = `${r.code}|${r.place}`;
      expect(knownWrong.has(key) || distanceKm(r, s.commune) > MISPLACED_KM, `${key} moved`).toBe(true);
    }
    expect(replaced).toBeLessThanOrEqual(20);
  });

  it('gives each postal code to a single commune, but for the shared codes listed', () => {
    const owners = new Map<string, Set<string>>();
    for (const c of communes)
      for (const p of c.postalCodes) owners.set(p.code, (owners.get(p.code) ?? new Set()).add(c.nis));
    expect([...owners].filter(([, s]) => s.size > 1).map(([code, s]) => [code, [...s].sort()])).toEqual([
      ['1040', ['21004', '21005']],
      ['1050', ['21004', '21009']],
    ]);
  });

  it('puts a place named like a commune in that commune', () => {
    // e.g. "Drongen" is not a commune, "Gent" is: its place must be in Gent
    const overrides = readJson(path.join(dataDir, 'postal-code-overrides.json'), postalOverridesSchema);
    const deliberate = new Set(overrides.places.map((o) => `${o.code}|${o.place}`));
    const names = new Map(
      communes.flatMap((c) =>
        [comparableName(c.name.fr), comparableName(c.name.nl)].map((n) => [n, c] as const),
      ),
    );
    let checked = 0;
    for (const c of communes) {
      for (const p of c.postalCodes) {
        const named = names.get(comparableName(p.place));
        if (deliberate.has(`${p.code}|${p.place}`)) continue;
        if (
          !named ||
          named.region !== c.region ||
          Math.abs(named.lat - p.lat) + Math.abs(named.lon - p.lon) > 0.3
        )
          continue;
        checked++;
        expect(named.nis, `${p.code} ${p.place}`).toBe(c.nis);
      }
    }
    expect(checked).toBeGreaterThan(450);
  });
});
