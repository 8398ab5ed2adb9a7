import { describe, expect, it } from 'vitest';
import { parseSearchState } from '../search/search-state.ts';
import { savedQueryOf, savedSearchQueryString } from './saved-search-query.ts';

describe('saved searches and the results URL', () => {
  it('saves the filters, the sort and the area, never paging', () => {
    const state = parseSearchState(new URLSearchParams('q=appartement+Ixelles&transaction=rent&types=apartment,studio&priceMax=1500&sort=newest&bbox=4.35,50.81,4.39,50.84'));
    expect(savedQueryOf(state)).toEqual({ q: 'appartement Ixelles', transaction: 'rent', types: 'apartment,studio', priceMax: '1500', sort: 'newest', bbox: '4.35,50.81,4.39,50.84' });
  });

  it('turns the query the API answers (parsed: lists, numbers, coordinates) back into a results link', () => {
    const answered = { q: 'maison Gent', transaction: 'sale', types: ['house', 'villa'], priceMin: 200000, bedroomsMin: 3, polygon: [[3.7, 51.0], [3.8, 51.0], [3.75, 51.1]] };
    const link = new URLSearchParams(savedSearchQueryString(answered));
    expect(Object.fromEntries(link)).toEqual({ q: 'maison Gent', transaction: 'sale', types: 'house,villa', priceMin: '200000', bedroomsMin: '3', polygon: '3.70000 51.00000,3.80000 51.00000,3.75000 51.10000' });
  });

  it('drops what the results page does not know', () => {
    expect(savedSearchQueryString({ q: 'Liège', near: { lat: 50.6, lon: 5.5, radiusKm: 5 }, features: ['garden'] })).toBe('q=Li%C3%A8ge');
  });
});
