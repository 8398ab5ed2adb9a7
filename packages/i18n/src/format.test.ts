import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPrice, formatPricePerM2, formatSurface } from './format.ts';

// Intl separates thousands with U+202F in fr-BE and puts U+00A0 before units:
// the strings below are the real output, escaped so nobody "fixes" them.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatPrice', () => {
  it('writes Belgian prices in French and Dutch', () => {
    expect(formatPrice(350_000, 'fr')).toBe(`350${NNBSP}000${NBSP}€`);
    expect(formatPrice(350_000, 'nl')).toBe(`€${NBSP}350.000`);
  });
  it('shows cents only when there are some', () => {
    expect(formatPrice(1250.5, 'fr')).toBe(`1${NNBSP}250,50${NBSP}€`);
    expect(formatPrice(1250.5, 'nl')).toBe(`€${NBSP}1.250,50`);
  });
  it('adds the month for rents', () => {
    expect(formatPrice(950, 'fr', { perMonth: true })).toBe(`950${NBSP}€/mois`);
    expect(formatPrice(950, 'nl', { perMonth: true })).toBe(`€${NBSP}950/maand`);
    expect(formatPrice(950, 'de', { perMonth: true })).toBe(`950${NBSP}€/Monat`);
  });
});

describe('formatSurface and formatPricePerM2', () => {
  it('writes square metres', () => {
    expect(formatSurface(85, 'fr')).toBe(`85${NBSP}m²`);
    expect(formatSurface(1250.4, 'fr')).toBe(`1${NNBSP}250${NBSP}m²`);
    expect(formatSurface(1250, 'nl')).toBe(`1.250${NBSP}m²`);
  });
  it('divides the price by the surface, in whole euros', () => {
    expect(formatPricePerM2(350_000, 85, 'fr')).toBe(`4${NNBSP}118${NBSP}€/m²`);
    expect(formatPricePerM2(350_000, 85, 'nl')).toBe(`€${NBSP}4.118/m²`);
    expect(() => formatPricePerM2(1, 0, 'fr')).toThrow(RangeError);
  });
});

describe('dates in Brussels time', () => {
  // 22:30 UTC on 31 October is already 1 November in Brussels (UTC+1).
  const lateEvening = '2026-10-31T23:30:00Z';
  it('formats the Brussels calendar day', () => {
    expect(formatDate(lateEvening, 'fr')).toBe('1 novembre 2026');
    expect(formatDate(lateEvening, 'nl')).toBe('1 november 2026');
  });
  it('formats date and time across the summer-time change', () => {
    expect(formatDateTime('2026-03-29T12:00:00Z', 'fr')).toBe('29 mars 2026 à 14:00');
    expect(formatDateTime('2026-03-29T12:00:00Z', 'nl')).toBe('29 maart 2026 om 14:00');
    expect(formatDateTime(new Date('2026-03-28T12:00:00Z'), 'fr')).toBe('28 mars 2026 à 13:00');
  });
});
