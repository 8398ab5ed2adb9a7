import { describe, expect, it } from 'vitest';
import { EPC_ORDER, epcColour, epcLabelFor, epcLabels, epcRank, isValidEpcLabel } from './epc.ts';

describe('EPC scales per region', () => {
  it('lists each region’s labels, best first', () => {
    expect(epcLabels('flanders')).toEqual(['A+', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(epcLabels('wallonia')).toEqual(['A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(epcLabels('brussels')).toEqual(['A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });
  it('knows which labels a region uses', () => {
    expect(isValidEpcLabel('flanders', 'A+')).toBe(true);
    expect(isValidEpcLabel('flanders', 'A++')).toBe(false);
    expect(isValidEpcLabel('flanders', 'G')).toBe(false);
    expect(isValidEpcLabel('wallonia', 'g')).toBe(true);
    expect(isValidEpcLabel('brussels', 'C-')).toBe(true); // Brussels sub-class
    expect(isValidEpcLabel('wallonia', 'C-')).toBe(false);
    expect(isValidEpcLabel('brussels', 'F+')).toBe(false);
  });
  it('maps energy use to the label at the band edges', () => {
    expect(epcLabelFor('flanders', -5)).toBe('A+');
    expect(epcLabelFor('flanders', 0)).toBe('A');
    expect(epcLabelFor('flanders', 100)).toBe('A');
    expect(epcLabelFor('flanders', 101)).toBe('B');
    expect(epcLabelFor('flanders', 500)).toBe('E');
    expect(epcLabelFor('flanders', 501)).toBe('F');
    expect(epcLabelFor('wallonia', 0)).toBe('A++');
    expect(epcLabelFor('wallonia', 45)).toBe('A+');
    expect(epcLabelFor('wallonia', 170)).toBe('B');
    expect(epcLabelFor('wallonia', 511)).toBe('G');
    expect(epcLabelFor('brussels', 15)).toBe('A+');
    expect(epcLabelFor('brussels', 150)).toBe('D');
    expect(epcLabelFor('brussels', 345)).toBe('F');
    expect(epcLabelFor('brussels', 346)).toBe('G');
    expect(() => epcLabelFor('brussels', Number.NaN)).toThrow(RangeError);
  });
  it('ranks labels in one order across regions for "at most" filters', () => {
    expect(epcRank('wallonia', 'A++')).toBe(0);
    expect(epcRank('flanders', 'A+')).toBe(epcRank('brussels', 'A+'));
    expect(epcRank('flanders', 'C')).toBe(EPC_ORDER.indexOf('C'));
    expect(epcRank('brussels', 'B-')).toBe(epcRank('brussels', 'B'));
    expect(epcRank('flanders', 'G')).toBeUndefined();
    expect(epcRank('wallonia', 'D')! < epcRank('wallonia', 'E')!).toBe(true);
  });
  it('gives every label a badge colour with readable text', () => {
    for (const label of EPC_ORDER) expect(epcColour(label)?.background).toMatch(/^#[0-9A-F]{6}$/);
    expect(epcColour('C+')).toEqual(epcColour('C'));
    expect(epcColour('Z')).toBeUndefined();
  });
});
