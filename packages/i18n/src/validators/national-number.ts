import { invalid, mod97, ok, type Validation } from './validation.ts';

/**
 * Belgian national register number (rijksregisternummer / numéro de registre
 * national): YYMMDD-SSS-CC. CC = 97 − (first 9 digits mod 97); for people born
 * in 2000 or later the 9 digits are prefixed with 2 before the division.
 * BIS numbers (month + 20 or + 40) and unknown birth dates (month/day 00) pass.
 * Normalises to the 11 digits.
 */
export function validateNationalNumber(input: string): Validation {
  const digits = String(input ?? '').replace(/[\s.\-/]/g, '');
  if (!/^\d{11}$/.test(digits)) return invalid('A national register number has 11 digits.');
  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const born1900s = 97 - mod97(base) === check;
  const born2000s = 97 - mod97(`2${base}`) === check;
  if (!born1900s && !born2000s) return invalid('The check digits of this national register number do not match.');
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return invalid('This national register number does not hold a valid birth date.');
  return ok(digits);
}

/** `85073003328` → `85.07.30-033.28`. */
export function formatNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}
