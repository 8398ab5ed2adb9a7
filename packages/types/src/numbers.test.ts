import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Feature } from './domain.ts';
import { finiteNumber, queryList } from './numbers.ts';

describe('finiteNumber', () => {
  const n = finiteNumber();
  it('accepts numbers and plain decimal strings', () => {
    expect(n.parse(12)).toBe(12);
    expect(n.parse('12')).toBe(12);
    expect(n.parse(' -4.5 ')).toBe(-4.5);
    expect(n.parse('.5')).toBe(0.5);
  });
  it('refuses what Number() would silently turn into something else', () => {
    for (const bad of ['1e999', '1e3', 'Infinity', '-Infinity', 'NaN', '', '  ', '0x10', '1,5', '12abc', '9'.repeat(31)]) {
      expect(n.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(n.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(n.safeParse(Number.NaN).success).toBe(false);
    expect(n.safeParse(null).success).toBe(false);
  });
  it('applies bounds and integer checks after parsing', () => {
    const limit = finiteNumber({ int: true, min: 1, max: 100 });
    expect(limit.parse('100')).toBe(100);
    expect(limit.safeParse('101').success).toBe(false);
    expect(limit.safeParse('0').success).toBe(false);
    expect(limit.safeParse('2.5').success).toBe(false);
    expect(limit.safeParse('-Infinity').success).toBe(false);
  });
});

describe('queryList', () => {
  const features = queryList(Feature, { max: 3 });
  it('splits, trims, drops empties and duplicates', () => {
    expect(features.parse('garden, lift,,garden')).toEqual(['garden', 'lift']);
    expect(features.parse(['garden', 'lift,cellar'])).toEqual(['garden', 'lift', 'cellar']);
    expect(features.parse('')).toEqual([]);
  });
  it('parses each item and caps the count', () => {
    expect(features.safeParse('garden,jacuzzi').success).toBe(false);
    expect(features.safeParse('garden,lift,cellar,attic').success).toBe(false);
  });
  it('composes with finiteNumber for numeric lists', () => {
    expect(queryList(finiteNumber({ int: true })).parse('1,2,3')).toEqual([1, 2, 3]);
    expect(queryList(finiteNumber()).safeParse('1,1e999').success).toBe(false);
  });
  it('works as an optional query field', () => {
    const Query = z.object({ features: features.optional() });
    expect(Query.parse({})).toEqual({});
    expect(Query.parse({ features: 'terrace' })).toEqual({ features: ['terrace'] });
  });
});
