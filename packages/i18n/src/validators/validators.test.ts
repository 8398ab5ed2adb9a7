import { describe, expect, it } from 'vitest';
import { validateEmail } from './email.ts';
import { formatIban, validateIban } from './iban.ts';
import { formatNationalNumber, validateNationalNumber } from './national-number.ts';
import { createPaymentReference, validatePaymentReference } from './payment-reference.ts';
import { validatePhone } from './phone.ts';
import { validatePostalCode } from './postal-code.ts';
import { formatVatNumber, validateVatNumber } from './vat-number.ts';

// Check digits of every example were computed by hand (mod 97) and cross-checked.

describe('validatePostalCode', () => {
  it('accepts Belgian postal codes', () => {
    expect(validatePostalCode('1000')).toEqual({ valid: true, value: '1000' });
    expect(validatePostalCode(' 9992 ')).toEqual({ valid: true, value: '9992' });
  });
  it('refuses with a reason', () => {
    expect(validatePostalCode('999')).toMatchObject({ valid: false, reason: expect.stringContaining('4 digits') });
    expect(validatePostalCode('0999')).toMatchObject({ valid: false, reason: expect.stringContaining('1000') });
    expect(validatePostalCode('9999').valid).toBe(false);
    expect(validatePostalCode('10OO').valid).toBe(false);
  });
});

describe('validateVatNumber', () => {
  it('accepts real VAT numbers in any common notation and normalises them', () => {
    expect(validateVatNumber('BE0403170701')).toEqual({ valid: true, value: 'BE0403170701' });
    expect(validateVatNumber('BE 0202.239.951')).toEqual({ valid: true, value: 'BE0202239951' });
    expect(validateVatNumber('be 0417-497-106')).toEqual({ valid: true, value: 'BE0417497106' });
    expect(validateVatNumber('403170701')).toEqual({ valid: true, value: 'BE0403170701' });
  });
  it('refuses wrong check digits, lengths and prefixes', () => {
    expect(validateVatNumber('BE0403170702')).toMatchObject({ valid: false, reason: expect.stringContaining('check digits') });
    expect(validateVatNumber('BE04031707011').valid).toBe(false);
    expect(validateVatNumber('BE2403170701')).toMatchObject({ valid: false, reason: expect.stringContaining('0 or 1') });
    expect(validateVatNumber('FR40303265045').valid).toBe(false);
  });
  it('formats for display', () => {
    expect(formatVatNumber('BE0403170701')).toBe('BE 0403.170.701');
  });
});

describe('validateIban', () => {
  it('accepts Belgian IBANs and normalises them', () => {
    expect(validateIban('BE68539007547034')).toEqual({ valid: true, value: 'BE68539007547034' });
    expect(validateIban('be71 0961 2345 6769')).toEqual({ valid: true, value: 'BE71096123456769' });
  });
  it('refuses a typo, a foreign IBAN or a bad length', () => {
    expect(validateIban('BE68539007547035')).toMatchObject({ valid: false, reason: expect.stringContaining('check digits') });
    expect(validateIban('BE68 5390 0754 703').valid).toBe(false);
    expect(validateIban('NL91ABNA0417164300')).toMatchObject({ valid: false, reason: expect.stringContaining('Belgian') });
  });
  it('refuses an IBAN whose national check digits are wrong even if ISO passes', () => {
    // 539007547035 has a wrong national check (5390075470 mod 97 = 34); ISO digits recomputed: 41.
    expect(validateIban('BE41539007547035')).toMatchObject({ valid: false, reason: expect.stringContaining('account number') });
  });
  it('formats in groups of four', () => {
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });
});

describe('validateNationalNumber', () => {
  it('accepts numbers of people born before and after 2000, and BIS numbers', () => {
    expect(validateNationalNumber('85.07.30-033.28')).toEqual({ valid: true, value: '85073003328' });
    expect(validateNationalNumber('01010100126')).toEqual({ valid: true, value: '01010100126' });
    expect(validateNationalNumber('85473003317').valid).toBe(true);
  });
  it('refuses wrong check digits or impossible dates', () => {
    expect(validateNationalNumber('85073003329')).toMatchObject({ valid: false, reason: expect.stringContaining('check digits') });
    expect(validateNationalNumber('8507300332').valid).toBe(false);
    expect(validateNationalNumber('85133003370')).toMatchObject({ valid: false, reason: expect.stringContaining('birth date') });
  });
  it('formats for display', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
  });
});

describe('structured payment reference', () => {
  it('creates references with mod-97 check digits (97 when the remainder is 0)', () => {
    expect(createPaymentReference(1234567890)).toBe('+++123/4567/89002+++');
    expect(createPaymentReference(97)).toBe('+++000/0000/09797+++');
    expect(createPaymentReference('42')).toBe('+++000/0000/04242+++');
    expect(() => createPaymentReference(12345678901)).toThrow(RangeError);
    expect(() => createPaymentReference(-1)).toThrow(RangeError);
  });
  it('validates and normalises typed references', () => {
    expect(validatePaymentReference('+++123/4567/89002+++')).toEqual({ valid: true, value: '+++123/4567/89002+++' });
    expect(validatePaymentReference('***123/4567/89002***').valid).toBe(true);
    expect(validatePaymentReference('123456789002')).toEqual({ valid: true, value: '+++123/4567/89002+++' });
    expect(validatePaymentReference('+++123/4567/89003+++')).toMatchObject({ valid: false, reason: expect.stringContaining('check digits') });
    expect(validatePaymentReference('+++123/4567/8900+++').valid).toBe(false);
  });
  it('round-trips every generated reference', () => {
    for (const n of [0, 1, 96, 97, 98, 9_999_999_999]) {
      expect(validatePaymentReference(createPaymentReference(n)).valid).toBe(true);
    }
  });
});

describe('validatePhone', () => {
  it('normalises mobiles to +32', () => {
    for (const input of ['0470 12 34 56', '+32 470 12 34 56', '0032470123456', '0470/12.34.56']) {
      expect(validatePhone(input)).toEqual({ valid: true, value: { e164: '+32470123456', kind: 'mobile', national: '0470 12 34 56' } });
    }
  });
  it('normalises landlines with one- and two-digit zones', () => {
    expect(validatePhone('02 123 45 67')).toEqual({ valid: true, value: { e164: '+3221234567', kind: 'landline', national: '02 123 45 67' } });
    expect(validatePhone('+32 (0)4 222 33 44')).toMatchObject({ valid: true, value: { e164: '+3242223344', kind: 'landline', national: '04 222 33 44' } });
    expect(validatePhone('050 12 34 56')).toMatchObject({ valid: true, value: { e164: '+3250123456', national: '050 12 34 56' } });
    expect(validatePhone('0800 12 345')).toMatchObject({ valid: true, value: { kind: 'non_geographic', national: '0800 12 345' } });
    expect(validatePhone('070 22 33 44')).toMatchObject({ valid: true, value: { kind: 'non_geographic', national: '070 22 33 44' } });
  });
  it('refuses foreign, short or impossible numbers', () => {
    expect(validatePhone('+33 6 12 34 56 78')).toMatchObject({ valid: false, reason: expect.stringContaining('+32') });
    expect(validatePhone('02 123 45 6').valid).toBe(false);
    expect(validatePhone('0470 12 34 567').valid).toBe(false);
    expect(validatePhone('0440 12 34 56')).toMatchObject({ valid: false, reason: expect.stringContaining('045') });
    expect(validatePhone('470123456').valid).toBe(false);
    expect(validatePhone('0470 12 34 5x').valid).toBe(false);
  });
});

describe('validateEmail', () => {
  it('accepts ordinary addresses and lower-cases the domain', () => {
    expect(validateEmail(' Jan.Peeters+immo@Example.BE ')).toEqual({ valid: true, value: 'Jan.Peeters+immo@example.be' });
    expect(validateEmail('info@immo-brussel.brussels').valid).toBe(true);
  });
  it('refuses what cannot be delivered', () => {
    for (const bad of ['jan', 'jan@', '@example.be', 'jan@example', 'jan..p@example.be', 'jan@-example.be', 'jan p@example.be', `${'a'.repeat(65)}@example.be`]) {
      expect(validateEmail(bad), bad).toMatchObject({ valid: false });
    }
  });
});
