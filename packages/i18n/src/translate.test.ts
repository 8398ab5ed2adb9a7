import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale.ts';
import { catalogues } from './messages/index.ts';
import { t } from './translate.ts';

describe('message catalogues', () => {
  const reference = Object.keys(catalogues.fr).sort();
  it.each(LOCALES)('%s holds every key and no extra, none empty', (locale) => {
    const catalogue = catalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(reference);
    for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.toBe('');
  });
  it.each(LOCALES)('%s uses the same placeholders as French', (locale) => {
    const names = (m: string) => [...new Set([...m.matchAll(/\{(\w+)\s*[,}]/g)].map((x) => x[1]))].sort();
    for (const [key, value] of Object.entries(catalogues[locale])) {
      expect(names(value), `${locale} ${key}`).toEqual(names(catalogues.fr[key as keyof typeof catalogues.fr]));
    }
  });
});

describe('t', () => {
  it('translates the product words', () => {
    expect(t('fr', 'transaction.rent')).toBe('À louer');
    expect(t('nl', 'propertyType.house')).toBe('Huis');
    expect(t('de', 'feature.garden')).toBe('Garten');
    expect(t('en', 'region.wallonia')).toBe('Walloon Region');
  });
  it('interpolates named parameters', () => {
    expect(t('fr', 'price.perMonth', { price: '950 €' })).toBe('950 €/mois');
    expect(t('nl', 'listing.availableFrom', { date: '1 mei' })).toBe('Beschikbaar vanaf 1 mei');
  });
  it('falls back to French, then to the key, for untyped callers', () => {
    expect(t('es' as 'fr', 'ui.save')).toBe('Enregistrer');
    expect(t('nl', 'no.such.key' as 'ui.save')).toBe('no.such.key');
  });
  it('keeps a missing parameter visible', () => {
    expect(t('en', 'listing.availableFrom')).toBe('Available from {date}');
  });
  it('chooses plural forms with Intl.PluralRules', () => {
    expect(t('fr', 'listing.bedrooms', { count: 0 })).toBe('Aucune chambre');
    expect(t('fr', 'listing.bedrooms', { count: 1 })).toBe('1 chambre');
    // French: 0 and 1 are "one", but =0 wins; 1.5 is "one" in French.
    expect(t('fr', 'listing.rooms', { count: 1.5 })).toBe('1,5 pièce');
    expect(t('fr', 'listing.bedrooms', { count: 3 })).toBe('3 chambres');
    expect(t('nl', 'listing.bedrooms', { count: 1 })).toBe('1 slaapkamer');
    expect(t('nl', 'listing.bedrooms', { count: 4 })).toBe('4 slaapkamers');
    expect(t('nl', 'ui.photos', { count: 12 })).toBe("12 foto's");
    // en-BE groups thousands with a dot, as Belgians write them.
    expect(t('en', 'search.results', { count: 1234 })).toBe('1.234 results');
    expect(t('fr', 'search.results', { count: 1234 })).toBe('1\u202f234 résultats');
  });
});
