import { describe, expect, it } from 'vitest';
import { apiFilters, parseSearchState, searchStateQuery } from './search-state.ts';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('search state in the URL', () => {
  it('reads what it writes, keys in a stable order', () => {
    const state = { q: 'appartement Ixelles', transaction: 'rent' as const, types: ['apartment'], priceMax: 1500, bedroomsMin: 2, epcMax: 'C', sort: 'price_asc' as const, bbox: [4.35, 50.81, 4.39, 50.84] as [number, number, number, number] };
    const query = searchStateQuery(state);
    expect(query).toBe('q=appartement+Ixelles&transaction=rent&types=apartment&priceMax=1500&bedroomsMin=2&epcMax=C&sort=price_asc&bbox=4.3500%2C50.8100%2C4.3900%2C50.8400');
    expect(parse(query)).toEqual(state);
  });

  it('drops what a hand-edited or stale link gets wrong instead of failing the page', () => {
    expect(parse('transaction=swap&types=castle,apartment&priceMin=-5&priceMax=abc&bedroomsMin=1e999&epcMax=Z&sort=random&bbox=5,50,4,51')).toEqual({ types: ['apartment'] });
  });

  it('gives the API comma lists and leaves out what is not set', () => {
    expect(apiFilters(parse('q=Gent&types=house,villa&bbox=3.6,51.0,3.8,51.1'))).toEqual({
      q: 'Gent',
      transaction: undefined,
      types: 'house,villa',
      priceMin: undefined,
      priceMax: undefined,
      bedroomsMin: undefined,
      epcMax: undefined,
      bbox: '3.6,51,3.8,51.1',
      polygon: undefined,
    });
  });

  it('keeps a drawn area of 3 to 50 corners', () => {
    const state = parse('polygon=4.36 50.82,4.38 50.82,4.37 50.84');
    expect(state.polygon).toEqual([[4.36, 50.82], [4.38, 50.82], [4.37, 50.84]]);
    expect(searchStateQuery(state)).toBe('polygon=4.36000+50.82000%2C4.38000+50.82000%2C4.37000+50.84000');
    expect(parse('polygon=4.36 50.82,4.38 50.82').polygon).toBeUndefined();
  });
});
