import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it('picks the highest weighted supported language', () => {
    expect(negotiateLocale('nl-BE,nl;q=0.9,fr;q=0.8')).toBe('nl');
    expect(negotiateLocale('en-US;q=0.4,en;q=0.5,de;q=0.9')).toBe('de');
    expect(negotiateLocale('en-US,de;q=0.9')).toBe('en');
    expect(negotiateLocale('es,it;q=0.9,fr-FR;q=0.1')).toBe('fr');
  });
  it('falls back to the first supported when nothing matches or no header', () => {
    expect(negotiateLocale('es,it')).toBe('fr');
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale('')).toBe('fr');
    expect(negotiateLocale('ja', ['nl', 'fr'])).toBe('nl');
  });
  it('honours q=0 as a refusal and * as anything', () => {
    expect(negotiateLocale('fr;q=0,nl;q=0.2', ['fr', 'nl'])).toBe('nl');
    expect(negotiateLocale('*', ['nl', 'fr'])).toBe('nl');
  });
  it('ignores malformed parts', () => {
    expect(negotiateLocale(';;,q=x, en ;q=abc, nl;q=0.3')).toBe('nl');
  });
});
