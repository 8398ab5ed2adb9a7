import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, LOCALES } from '@immo/i18n';
import { problemMessage } from './problem-language.ts';

const root = join(import.meta.dirname, '../../../..');

/** Every `code: '…'` a throw site (or the gateway) gives a problem or a field error. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        // `code: 'x.y'`, a password weakness `weak('x.y', …)`, the publication refusals `'listing.…_unverified'`
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/(?:\bcode: |\bweak\()'([a-z_]+(?:\.[a-z_]+)*)'/g)) found.set(match[1]!, path);
        for (const match of text.matchAll(/'(listing\.[a-z]+_unverified)'/g)) found.set(match[1]!, path);
      }
    }
  };
  for (const dir of ['modules', 'packages/platform/src', 'apps/server/src']) walk(join(root, dir));
  return found;
}

describe('problem language', () => {
  it('has words in every language for every problem code the code base throws', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(40);
    // codes that name something else (mail kinds, event fields...) are not problem codes: none may look like one without words
    const missing = [...codes].filter(([code]) => code.includes('.') || ['not_found', 'unauthorized', 'forbidden', 'too_many_requests', 'validation'].includes(code))
      .filter(([code]) => LOCALES.some((locale) => catalogues[locale][`problems.${code}` as keyof (typeof catalogues)['fr']] === undefined));
    expect(missing).toEqual([]);
  });

  it('words numbers the locale’s way, keeps counted ones for the plural', () => {
    expect(problemMessage('fr', 'listing.price_out_of_bounds', { min: 50_000, max: 15_000_000, price: 12 }, 'x')).toBe(
      'Le prix doit être compris entre 50\u202f000 et 15\u202f000\u202f000 euros pour ce type de bien\u00a0; vous avez indiqué 12.',
    );
    expect(problemMessage('nl', 'listing.invalid', { count: 1 }, 'x')).toBe('Het zoekertje bevat 1 fout: verbeter de aangeduide velden.');
  });

  it('keeps the English sentence for English, for no code and for a code without words', () => {
    expect(problemMessage('en', 'listing.invalid', { count: 2 }, 'The listing has 2 problem(s): …')).toBe('The listing has 2 problem(s): …');
    expect(problemMessage('fr', undefined, undefined, 'As written.')).toBe('As written.');
    expect(problemMessage('de', 'no.such_code', undefined, 'As written.')).toBe('As written.');
  });
});
