import { describe, expect, it } from 'vitest';
import { draftToBody, emptyDraft, parseNumber } from './listing-draft.ts';

describe('the desk form ⇄ the listing body', () => {
  it('reads numbers as Belgians type them', () => {
    expect(parseNumber('385000')).toBe(385000);
    expect(parseNumber('385.000')).toBe(385000);
    expect(parseNumber('1 250')).toBe(1250);
    expect(parseNumber('62,5')).toBe(62.5);
    expect(parseNumber('62.5')).toBe(62.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('beaucoup')).toBeNaN();
  });

  it('sends empty boxes as null, charges only for rentals, and no EPC when none was typed', () => {
    const draft = { ...emptyDraft('fr'), price: '250000', charges: '120', postalCode: ' 1050 ', communeNis: '21009', street: 'Rue du Bailli', number: '42' };
    draft.title.fr = '  Appartement à Ixelles ';
    const body = draftToBody(draft);
    expect(body).toMatchObject({ price: 250000, charges: null, agencyId: null, livingArea: null, condition: null, epc: null, availableFrom: null, title: { fr: 'Appartement à Ixelles' }, description: {} });
    expect(body.address).toEqual({ street: 'Rue du Bailli', number: '42', box: null, postalCode: '1050', communeNis: '21009', hidden: false });
    expect(draftToBody({ ...draft, transaction: 'rent', price: '1150' }).charges).toBe(120);
  });

  it('sends a half-typed EPC so the server names what is missing', () => {
    const body = draftToBody({ ...emptyDraft('nl'), epcLabel: 'B' });
    expect(body.epc).toMatchObject({ label: 'B', certificate: '' });
    expect(body.epc!.kwh).toBeNaN();
  });
});
