import { describe, expect, it } from 'vitest';
import { correctMisplacedCoordinates } from './place-coordinates.ts';
import {
  assignPostalCodes,
  provinceOfPostalCode,
  regionOfPostalCode,
  type MappableCommune,
} from './postal-mapping.ts';

const commune = (
  nis: string,
  nl: string,
  fr: string,
  province: string,
  mainPostalCode: string,
): MappableCommune => ({
  nis,
  name: { nl, fr },
  region: province === '04000' ? 'brussels' : 'flanders',
  province,
  mainPostalCode,
});
const gent = commune('44021', 'Gent', 'Gand', '40000', '9000');
const evergem = commune('44019', 'Evergem', 'Evergem', '40000', '9940');
const merchtem = commune('23052', 'Merchtem', 'Merchtem', '20001', '1785');
const hamme = commune('42008', 'Hamme', 'Hamme', '40000', '9220');

describe('assignPostalCodes', () => {
  const rows = [
    { code: '9000', place: 'Gent', lat: 51.04, lon: 3.714 },
    { code: '9030', place: 'Mariakerke', lat: 51.073, lon: 3.678 },
    { code: '9940', place: 'Evergem', lat: 51.112, lon: 3.707 },
    { code: '9940', place: 'Sleidinge', lat: 51.125, lon: 3.666 },
    { code: '9220', place: 'Hamme', lat: 51.1, lon: 4.137 },
    { code: '1785', place: 'Merchtem', lat: 50.959, lon: 4.233 },
    { code: '1785', place: 'Hamme', lat: 50.95, lon: 4.2 },
  ];
  const byPlace = (list: ReturnType<typeof assignPostalCodes>) =>
    Object.fromEntries(list.map((a) => [`${a.row.code} ${a.row.place}`, `${a.nis} ${a.rule}`]));

  it('places a place named like its commune by name, and its code-mates with it', () => {
    const result = byPlace(assignPostalCodes([gent, evergem, merchtem, hamme], rows));
    expect(result['9000 Gent']).toBe('44021 name');
    expect(result['9940 Sleidinge']).toBe('44019 zip');
    expect(result['9030 Mariakerke']).toBe('44021 nearest');
  });

  it('does not take a section for the homonym commune of another province', () => {
    const result = byPlace(assignPostalCodes([gent, evergem, merchtem, hamme], rows));
    expect(result['1785 Hamme']).toBe('23052 zip');
    expect(result['9220 Hamme']).toBe('42008 name');
  });

  it('lets the committed overrides win', () => {
    const result = byPlace(
      assignPostalCodes([gent, evergem], rows.slice(0, 4), [
        { code: '9030', place: 'Mariakerke', nis: '44019' },
      ]),
    );
    expect(result['9030 Mariakerke']).toBe('44019 override');
  });

  it('knows the regions and provinces of bpost ranges', () => {
    expect([
      regionOfPostalCode('1050'),
      regionOfPostalCode('1300'),
      regionOfPostalCode('3790'),
      regionOfPostalCode('7780'),
    ]).toEqual(['brussels', 'wallonia', 'flanders', 'wallonia']);
    expect([
      provinceOfPostalCode('1785'),
      provinceOfPostalCode('2070'),
      provinceOfPostalCode('6600'),
      provinceOfPostalCode('6000'),
    ]).toEqual(['20001', '10000', '80000', '50000']);
  });
});

describe('correctMisplacedCoordinates', () => {
  it('moves a place geocoded to a faraway homonym to the mean of its commune, and says so', () => {
    const rows = [
      { code: '3700', place: 'Tongeren', lat: 50.78, lon: 5.46 },
      { code: '3700', place: 'Henis', lat: 50.8, lon: 5.45 },
      { code: '3700', place: 'Sluizen', lat: 51.3, lon: 3.39 },
    ];
    const { places, replaced } = correctMisplacedCoordinates(new Map([['73083', rows]]));
    expect(places.get('73083')![2]).toMatchObject({ place: 'Sluizen', lat: 50.79, lon: 5.455 });
    expect(places.get('73083')![0]).toEqual(rows[0]);
    expect(replaced).toEqual([expect.objectContaining({ code: '3700', place: 'Sluizen', nis: '73083' })]);
  });

  it('moves places listed as wrong even when they are near', () => {
    const rows = [
      { code: '1785', place: 'Merchtem', lat: 50.959, lon: 4.233 },
      { code: '1785', place: 'Brussegem', lat: 50.928, lon: 4.266 },
      { code: '1785', place: 'Hamme', lat: 51.088, lon: 4.12 },
    ];
    const { replaced } = correctMisplacedCoordinates(new Map([['23052', rows]]), [
      { code: '1785', place: 'Hamme' },
    ]);
    expect(replaced.map((r) => r.place)).toEqual(['Hamme']);
  });
});
