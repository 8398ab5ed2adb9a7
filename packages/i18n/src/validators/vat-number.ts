import { invalid, mod97, ok, type Validation } from './validation.ts';

/**
 * Belgian VAT number = BE + the 10-digit enterprise number (KBO/BCE).
 * The number starts with 0 or 1 (the KBO issues 1xxx numbers once the 0 range
 * is used up); its last two digits are 97 − (first 8 digits mod 97).
 * Accepts `BE 0403.170.701`, `0403170701`, `be403170701` (old 9-digit form);
 * normalises to `BE0403170701`.
 */
export function validateVatNumber(input: string): Validation {
  let digits = String(input ?? '').toUpperCase().replace(/[\s.\-/]/g, '');
  if (digits.startsWith('BE')) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return invalid('A Belgian VAT number is BE followed by 10 digits.');
  if (digits.length === 9) digits = `0${digits}`;
  if (digits.length !== 10) return invalid('A Belgian VAT number is BE followed by 10 digits.');
  if (digits[0] !== '0' && digits[0] !== '1') return invalid('A Belgian enterprise number starts with 0 or 1.');
  const check = 97 - mod97(digits.slice(0, 8));
  if (check !== Number(digits.slice(8))) return invalid('The check digits of this VAT number do not match.');
  return ok(`BE${digits}`);
}

/** `BE0403170701` → `BE 0403.170.701` for display. */
export function formatVatNumber(normalised: string): string {
  const d = normalised.replace(/^BE/, '');
  return `BE ${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}
