import { invalid, mod97, ok, type Validation } from './validation.ts';

/**
 * Belgian structured communication (OGM/VCS): 10 digits + 2 check digits
 * (the 10 digits mod 97; 97 when the remainder is 0), shown as
 * `+++123/4567/89002+++`. Accepts `***` delimiters, spaces and bare digits;
 * normalises to the `+++` form.
 */
export function validatePaymentReference(input: string): Validation {
  const digits = String(input ?? '').replace(/[+*/\s]/g, '');
  if (!/^\d{12}$/.test(digits)) return invalid('A structured payment reference has 12 digits: +++123/4567/89012+++.');
  if (checkDigits(digits.slice(0, 10)) !== Number(digits.slice(10))) {
    return invalid('The check digits of this payment reference do not match.');
  }
  return ok(formatPaymentReference(digits));
}

/** Builds a structured reference from a number of up to 10 digits (e.g. an invoice number). */
export function createPaymentReference(base: number | bigint | string): string {
  const digits = String(base);
  if (!/^\d{1,10}$/.test(digits)) throw new RangeError('A payment reference is built from 1 to 10 digits.');
  const padded = digits.padStart(10, '0');
  return formatPaymentReference(padded + String(checkDigits(padded)).padStart(2, '0'));
}

function checkDigits(tenDigits: string): number {
  return mod97(tenDigits) || 97;
}

function formatPaymentReference(d: string): string {
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}
