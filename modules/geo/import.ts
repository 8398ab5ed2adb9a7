/**
 * `immo import communes --statbel F --bpost F`: rebuilds communes.json from
 * the files an operator downloads.
 *
 * Statbel REFNIS list (CSV with `;` or `,`, an XLSX saved as CSV, or the
 * `|`-separated TU_COM_REFNIS.txt): one row
 * per administrative unit. Columns are found by header, any of:
 *   code:  `Code INS` | `NIS-code` | `NIS code` | `Code NIS` | `CD_REFNIS`
 *   French name: `Entités administratives` | `Nom français` | `TX_REFNIS_FR`
 *   Dutch name:  `Administratieve eenheden` | `Nederlandse naam` | `TX_REFNIS_NL`
 *   German name (optional): `Verwaltungseinheiten` | `Nom allemand` | `Duitse naam` | `TX_REFNIS_DE`
 * Rows whose code is a region, province or arrondissement (`xx000`, 20001,
 * 20002) name those units; the other five-digit codes are the communes.
 *
 * bpost postal codes (CSV): `Postcode;Plaatsnaam;Deelgemeente;Hoofdgemeente;Provincie`
 * (Dutch) or `Code postal;Localité;Sous-commune;Commune principale;Province`
 * (French). Each row is placed in the commune its `Hoofdgemeente` names.
 *
 * Coordinates are not in either file: they are kept from the current
 * communes.json (same postal code and place, else the same postal code).
 * Every row is checked first; one bad row stops the import with its file and
 * line, and nothing is written.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { communesFileSchema, postalCodeSchema, type Commune, type Region } from './contract.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { comparableName } from './names.ts';
import { provinceNisOf } from './province.ts';
import { dataDir } from './reference.ts';

export interface ImportCommunesOptions {
  statbelFile: string;
  bpostFile: string;
  /** communes.json to write (default: the shipped data/belgium/communes.json); its current content supplies the coordinates. */
  out?: string;
}

export interface ImportCommunesResult {
  communes: number;
  postalPlaces: number;
  /** Places for which no coordinates were known: they get their commune's. */
  placesWithoutKnownCoordinates: number;
}

export class CommuneImportError extends Error {
  override name = 'CommuneImportError';
  constructor(readonly problems: string[]) {
    super(
      `The import stopped, nothing was written:\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`,
    );
  }
}

const HEADERS = {
  code: ['code ins', 'nis code', 'code nis', 'cd refnis', 'refnis'],
  fr: ['entites administratives', 'nom francais', 'tx refnis fr', 'francais'],
  nl: ['administratieve eenheden', 'nederlandse naam', 'tx refnis nl', 'nederlands'],
  de: ['verwaltungseinheiten', 'nom allemand', 'duitse naam', 'tx refnis de', 'deutsch'],
  postcode: ['postcode', 'code postal'],
  place: ['plaatsnaam', 'localite'],
  main: ['hoofdgemeente', 'commune principale'],
} as const;

const statbelRow = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,5}$/, 'the NIS code must have five digits')
    .transform((c) => c.padStart(5, '0')),
  fr: z.string().trim().min(1, 'the French name is empty'),
  nl: z.string().trim().min(1, 'the Dutch name is empty'),
  de: z.string().trim().optional(),
});
const bpostRow = z.object({
  postcode: z.string().trim().pipe(postalCodeSchema),
  place: z.string().trim().min(1, 'the place name is empty'),
  main: z.string().trim().min(1, 'the main commune (Hoofdgemeente / Commune principale) is empty'),
});

export function importCommunes(input: ImportCommunesOptions): ImportCommunesResult {
  const options = { ...input, out: input.out ?? path.join(dataDir, 'communes.json') };
  const problems: string[] = [];
  const units = readTable(options.statbelFile, ['code', 'fr', 'nl', 'de'], statbelRow, problems);
  const places = readTable(options.bpostFile, ['postcode', 'place', 'main'], bpostRow, problems);
  if (problems.length) throw new CommuneImportError(problems);

  const names = new Map(units.map((u) => [u.value.code, u.value]));
  const communeRows = units.filter((u) => isCommuneCode(u.value.code));
  if (communeRows.length === 0)
    problems.push(`${options.statbelFile}: no commune rows (five-digit codes not ending in 000)`);

  const current = existsSync(options.out)
    ? communesFileSchema.parse(JSON.parse(readFileSync(options.out, 'utf8')))
    : [];
  const known = new Map<string, { lat: number; lon: number }>();
  const knownCode = new Map<string, { lat: number; lon: number }>();
  const currentByNis = new Map(current.map((c) => [c.nis, c]));
  for (const c of current) {
    for (const p of c.postalCodes) {
      known.set(`${p.code}|${comparableName(p.place)}`, p);
      if (!knownCode.has(p.code)) knownCode.set(p.code, p);
    }
  }

  const byName = new Map<string, string[]>();
  for (const { value: u } of communeRows) {
    for (const n of new Set([u.fr, u.nl, u.de].filter((x): x is string => !!x).map(comparableName))) {
      byName.set(n, [...(byName.get(n) ?? []), u.code]);
    }
  }

  const postal = new Map<string, Commune['postalCodes']>();
  let withoutCoordinates = 0;
  for (const { line, value: p } of places) {
    const nis = byName.get(comparableName(p.main));
    if (!nis || nis.length !== 1) {
      problems.push(
        `${options.bpostFile} line ${line}: main commune "${p.main}" ${nis ? 'is ambiguous' : 'is not a commune of the Statbel file'}`,
      );
      continue;
    }
    const at =
      known.get(`${p.postcode}|${comparableName(p.place)}`) ??
      knownCode.get(p.postcode) ??
      currentByNis.get(nis[0]!);
    if (!at) withoutCoordinates++;
    const list = postal.get(nis[0]!) ?? [];
    list.push({ code: p.postcode, place: titleCase(p.place), lat: at?.lat ?? NaN, lon: at?.lon ?? NaN });
    postal.set(nis[0]!, list);
  }

  const communes: Commune[] = [];
  for (const { value: u } of communeRows) {
    const list = (postal.get(u.code) ?? []).sort(
      (a, b) => a.code.localeCompare(b.code) || a.place.localeCompare(b.place),
    );
    const located = list.filter((p) => Number.isFinite(p.lat));
    const previous = currentByNis.get(u.code);
    const lat = located.length ? mean(located.map((p) => p.lat)) : previous?.lat;
    const lon = located.length ? mean(located.map((p) => p.lon)) : previous?.lon;
    if (list.length === 0)
      problems.push(`${options.bpostFile}: no postal code names commune ${u.code} (${u.fr})`);
    if (lat === undefined || lon === undefined) {
      problems.push(`commune ${u.code} (${u.fr}): no coordinates known for it or its postal codes`);
      continue;
    }
    for (const p of list) if (!Number.isFinite(p.lat)) Object.assign(p, { lat, lon });
    const provinceNis = provinceNisOf(u.code);
    const arrNis = `${u.code.slice(0, 2)}000`;
    const region = regionOfNis(u.code);
    const unitName = (nis: string | null, fallback?: { fr: string; nl: string }) => {
      const unit = nis ? names.get(nis) : undefined;
      return unit ? { fr: stripUnitWord(unit.fr), nl: stripUnitWord(unit.nl) } : fallback;
    };
    const province = provinceNis ? unitName(provinceNis, previous?.province?.name) : undefined;
    const arrondissement = unitName(arrNis, previous?.arrondissement?.name);
    communes.push({
      nis: u.code,
      name: {
        fr: u.fr,
        nl: u.nl,
        ...(u.de ? { de: u.de } : previous?.name.de ? { de: previous.name.de } : {}),
      },
      region,
      province: provinceNis
        ? { nis: provinceNis, name: province ?? { fr: provinceNis, nl: provinceNis } }
        : null,
      ...(arrondissement ? { arrondissement: { nis: arrNis, name: arrondissement } } : {}),
      lat: round(lat),
      lon: round(lon),
      postalCodes: list.map((p) => ({ ...p, lat: round(p.lat), lon: round(p.lon) })),
    });
  }
  if (problems.length) throw new CommuneImportError(problems);

  const checked = communesFileSchema.parse(communes.sort((a, b) => a.nis.localeCompare(b.nis)));
  const temp = path.join(path.dirname(options.out), `.${path.basename(options.out)}.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify(checked, null, 2) + '\n');
  renameSync(temp, options.out);
  return {
    communes: checked.length,
    postalPlaces: places.length,
    placesWithoutKnownCoordinates: withoutCoordinates,
  };
}

function readTable<K extends keyof typeof HEADERS, T>(
  file: string,
  columns: K[],
  schema: z.ZodType<T>,
  problems: string[],
): { line: number; value: T }[] {
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) {
    problems.push(`${file}: the file is empty`);
    return [];
  }
  const heads = header.fields.map((h) => comparableName(h.replace(/_/g, ' ')));
  const index = {} as Record<K, number>;
  for (const column of columns) {
    index[column] = heads.findIndex((h) => (HEADERS[column] as readonly string[]).includes(h));
    if (index[column] < 0 && column !== 'de') {
      problems.push(
        `${file}: no column for ${column} (expected one of: ${HEADERS[column].join(', ')}); found: ${header.fields.join(' | ')}`,
      );
    }
  }
  if (problems.length) return [];
  return records.flatMap((record: CsvRecord) => {
    const raw = Object.fromEntries(
      columns.map((c) => [c, index[c] >= 0 ? record.fields[index[c]] : undefined]),
    );
    const parsed = schema.safeParse(raw);
    if (parsed.success) return [{ line: record.line, value: parsed.data }];
    problems.push(
      `${file} line ${record.line}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ')}`,
    );
    return [];
  });
}

/** A commune's code: five digits, not a region, province or arrondissement. */
function isCommuneCode(code: string) {
  return !code.endsWith('000') && code !== '20001' && code !== '20002';
}

function regionOfNis(nis: string): Region {
  const p = nis.slice(0, 2);
  if (p === '21') return 'brussels';
  return ['1', '3', '4', '7'].includes(p[0]!) || p === '23' || p === '24' ? 'flanders' : 'wallonia';
}

/** "Province d'Anvers" / "Arrondissement Gent" -> the unit's own name. */
function stripUnitWord(name: string) {
  return name
    .replace(/^(province|provincie|arrondissement)\s+(de\s+|d['’]\s*|du\s+|des\s+|van\s+)?/i, '')
    .trim();
}

/** bpost writes main communes and places in capitals: "SINT-MARTENS-LATEM" -> "Sint-Martens-Latem". */
function titleCase(name: string) {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6;
