import { describe, expect, it } from 'vitest';
import { loadGeo } from './index.ts';

const geo = loadGeo();

describe('loadGeo', () => {
  it('finds a commune by NIS code and by postal code', () => {
    expect(geo.commune('21009')?.name).toEqual({ fr: 'Ixelles', nl: 'Elsene' });
    expect(geo.commune('00000')).toBeUndefined();
    expect(geo.communesByPostalCode('1050').map((c) => c.nis)).toEqual(['21004', '21009']); // avenue Louise is Bruxelles
    expect(geo.communesByPostalCode('9031').map((c) => c.name.nl)).toEqual(['Gent']);
    expect(geo.communesByPostalCode('0000')).toEqual([]);
  });

  it('tells whether a postal code belongs to a commune', () => {
    expect(geo.postalCodeBelongs('4000', '62063')).toBe(true);
    expect(geo.postalCodeBelongs('1000', '62063')).toBe(false);
    expect(geo.postalCodeBelongs('1040', '21004')).toBe(true); // European quarter
    expect(geo.postalCodeBelongs('1040', '21009')).toBe(false);
    expect(geo.postalCodeBelongs('2070', '46030')).toBe(true); // Zwijndrecht, merged into Beveren-Kruibeke-Zwijndrecht
    expect(geo.postalCodeBelongs('2070', '11056')).toBe(false); // the old Zwijndrecht is gone
    expect(geo.postalCodeBelongs('2600', '11002')).toBe(true); // Berchem is a district of Antwerpen
  });

  it('finds communes by a name in any language, whatever the accents and case', () => {
    expect(geo.findByName('Bergen').map((c) => c.nis)).toEqual(['53053']);
    expect(geo.findByName('luik').map((c) => c.name.fr)).toEqual(['Liège']);
    expect(geo.findByName('LIEGE').map((c) => c.nis)).toEqual(['62063']);
    expect(geo.findByName('Sankt Vith').map((c) => c.name.fr)).toEqual(['Saint-Vith']);
    expect(geo.findByName('Butgenbach').map((c) => c.nis)).toEqual(['63013']);
    expect(geo.findByName('sint truiden').map((c) => c.nis)).toEqual(['71053']);
    expect(geo.findByName('Tongres-Looz').map((c) => c.nis)).toEqual(['73111']);
    expect(geo.findByName('Borsbeek')).toEqual([]);
  });

  it('lists the three regions in four languages and the ten provinces', () => {
    expect(geo.regions().map((r) => r.id)).toEqual(['brussels', 'flanders', 'wallonia']);
    expect(geo.regions()[0]!.name.de).toBe('Region Brüssel-Hauptstadt');
    const provinces = geo.provinces();
    expect(provinces).toHaveLength(10);
    expect(provinces.find((p) => p.nis === '20002')).toEqual({
      nis: '20002',
      name: { fr: 'Brabant wallon', nl: 'Waals-Brabant' },
      region: 'wallonia',
    });
    expect(provinces.filter((p) => p.region === 'flanders').map((p) => p.nis)).toEqual([
      '10000',
      '20001',
      '30000',
      '40000',
      '70000',
    ]);
  });

  it('hands out communes that callers cannot alter', () => {
    expect(Object.isFrozen(geo.communes())).toBe(true);
    expect(geo.communes()).toHaveLength(565);
  });
});
