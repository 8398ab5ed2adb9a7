import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communesFileSchema } from './contract.ts';
import { CommuneImportError, importCommunes, loadGeo } from './index.ts';
import { dataDir } from './reference.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
let dir: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'geo-import-'));
  out = path.join(dir, 'communes.json');
  copyFileSync(path.join(dataDir, 'communes.json'), out); // the coordinates come from here
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('importCommunes', () => {
  it('builds communes.json from a Statbel list and a Dutch bpost list', () => {
    const result = importCommunes({
      statbelFile: fixture('statbel-refnis.csv'),
      bpostFile: fixture('bpost-nl.csv'),
      out,
    });
    expect(result).toEqual({ communes: 4, postalPlaces: 8, placesWithoutKnownCoordinates: 0 });

    const geo = loadGeo(dir);
    expect(geo.communes().map((c) => c.nis)).toEqual(['21009', '46030', '62063', '63023']);
    expect(geo.commune('62063')).toMatchObject({
      name: { fr: 'Liège', nl: 'Luik', de: 'Lüttich' },
      region: 'wallonia',
      province: { nis: '60000', name: { fr: 'Liège', nl: 'Luik' } },
    });
    expect(geo.commune('21009')).toMatchObject({
      region: 'brussels',
      province: null,
      postalCodes: [{ code: '1050', place: 'Elsene' }],
    });
    expect(geo.commune('46030')?.province?.name.nl).toBe('Oost-Vlaanderen');
    expect(geo.postalCodeBelongs('9120', '46030')).toBe(true);
    expect(geo.findByName('Lüttich').map((c) => c.nis)).toEqual(['62063']);
    // coordinates kept from the shipped file: Glain 4000 as OpenStreetMap placed it
    const shipped = loadGeo()
      .commune('62063')!
      .postalCodes.find((p) => p.place === 'Glain')!;
    expect(geo.commune('62063')!.postalCodes.find((p) => p.place === 'Glain')).toMatchObject({
      lat: shipped.lat,
      lon: shipped.lon,
    });
  });

  it('reads the French bpost list with commas, and the pipe-separated Statbel .txt', () => {
    importCommunes({ statbelFile: fixture('statbel-refnis.csv'), bpostFile: fixture('bpost-fr.csv'), out });
    expect(
      loadGeo(dir)
        .commune('62063')
        ?.postalCodes.map((p) => p.place),
    ).toEqual(['Liège']);

    const result = importCommunes({
      statbelFile: fixture('statbel-refnis.txt'),
      bpostFile: fixture('bpost-fr.csv'),
      out: path.join(dir, 'communes.json'),
    });
    expect(result.communes).toBe(4);
    expect(loadGeo(dir).commune('63023')?.name.de).toBe('Eupen');
  });

  it('stops on a bad row, names its line, and writes nothing', () => {
    const before = readFileSync(out, 'utf8');
    expect(() =>
      importCommunes({
        statbelFile: fixture('statbel-refnis.csv'),
        bpostFile: fixture('bpost-bad-code.csv'),
        out,
      }),
    ).toThrow(/bpost-bad-code\.csv line 3: postcode: a Belgian postal code has four digits/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    try {
      importCommunes({
        statbelFile: fixture('statbel-refnis.csv'),
        bpostFile: fixture('bpost-bad-code.csv'),
        out,
      });
    } catch (error) {
      expect(error).toBeInstanceOf(CommuneImportError);
      expect((error as CommuneImportError).problems).toHaveLength(1);
    }
  });

  it('refuses a postal code whose main commune is not in the Statbel list', () => {
    const before = readFileSync(out, 'utf8');
    expect(() =>
      importCommunes({
        statbelFile: fixture('statbel-refnis.csv'),
        bpostFile: fixture('bpost-unknown-commune.csv'),
        out,
      }),
    ).toThrow(/line 3: main commune "ZWIJNDRECHT" is not a commune of the Statbel file/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('says which column it could not find', () => {
    expect(() =>
      importCommunes({ statbelFile: fixture('bpost-nl.csv'), bpostFile: fixture('bpost-nl.csv'), out }),
    ).toThrow(/no column for code/);
  });

  it('writes a file the module can load, with the same schema as the shipped one', () => {
    importCommunes({ statbelFile: fixture('statbel-refnis.csv'), bpostFile: fixture('bpost-nl.csv'), out });
    expect(() => communesFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')))).not.toThrow();
  });
});
