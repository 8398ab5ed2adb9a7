import type { Commune, GeoApi, ProvinceInfo, Region, RegionInfo } from './contract.ts';
import { comparableName } from './names.ts';

const REGIONS: RegionInfo[] = [
  {
    id: 'brussels',
    name: {
      fr: 'Région de Bruxelles-Capitale',
      nl: 'Brussels Hoofdstedelijk Gewest',
      de: 'Region Brüssel-Hauptstadt',
      en: 'Brussels-Capital Region',
    },
  },
  {
    id: 'flanders',
    name: { fr: 'Région flamande', nl: 'Vlaams Gewest', de: 'Flämische Region', en: 'Flemish Region' },
  },
  {
    id: 'wallonia',
    name: { fr: 'Région wallonne', nl: 'Waals Gewest', de: 'Wallonische Region', en: 'Walloon Region' },
  },
];

/** The in-memory reference: every lookup is a map hit, built once. */
export function createGeoApi(communes: readonly Commune[]): GeoApi {
  const all = Object.freeze([...communes].sort((a, b) => a.nis.localeCompare(b.nis)));
  const byNis = new Map(all.map((c) => [c.nis, c]));
  const byPostalCode = new Map<string, Commune[]>();
  const byName = new Map<string, Commune[]>();
  const provinces = new Map<string, ProvinceInfo>();

  for (const commune of all) {
    for (const code of new Set(commune.postalCodes.map((p) => p.code))) {
      push(byPostalCode, code, commune);
    }
    const names = new Set(
      [commune.name.fr, commune.name.nl, commune.name.de].filter((n): n is string => !!n).map(comparableName),
    );
    for (const name of names) push(byName, name, commune);
    if (commune.province && !provinces.has(commune.province.nis)) {
      provinces.set(commune.province.nis, {
        nis: commune.province.nis,
        name: commune.province.name,
        region: commune.region,
      });
    }
  }
  const provinceList = [...provinces.values()].sort((a, b) => a.nis.localeCompare(b.nis));

  return {
    communes: () => all,
    commune: (nis) => byNis.get(nis),
    communesByPostalCode: (code) => [...(byPostalCode.get(code.trim()) ?? [])],
    postalCodeBelongs: (code, nis) => (byPostalCode.get(code.trim()) ?? []).some((c) => c.nis === nis),
    findByName: (name) => [...(byName.get(comparableName(name)) ?? [])],
    regions: () => REGIONS.map((r) => ({ id: r.id, name: { ...r.name } })),
    provinces: () => provinceList.map((p) => ({ ...p })),
  };
}

export function isRegion(value: string): value is Region {
  return REGIONS.some((r) => r.id === value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
