import { invalid, mod97, ok, type Validation } from './validation.ts';

/**
 * Belgian IBAN: BE + 2 ISO 13616 check digits + 12 digits (3 bank code,
 * 7 account, 2 national check digits = first 10 mod 97, 97 when 0).
 * Accepts spaces and lower case; normalises to `BE68539007547034`.
 */
export function validateIban(input: string): Validation {
  const iban = String(input ?? '').toUpperCase().replace(/[\s-]/g, '');
  if (!iban.startsWith('BE')) return invalid('Only Belgian IBANs (starting with BE) are accepted.');
  if (!/^BE\d{14}$/.test(iban)) return invalid('A Belgian IBAN is BE followed by 14 digits.');
  // ISO 13616: move the first four characters to the end, letters to numbers (A=10..Z=35).
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  if (mod97(rearranged) !== 1) return invalid('The check digits of this IBAN do not match.');
  const account = iban.slice(4);
  const national = mod97(account.slice(0, 10)) || 97;
  if (national !== Number(account.slice(10))) return invalid('The Belgian account number inside this IBAN is not valid.');
  return ok(iban);
}

/** `BE68539007547034` → `BE68 5390 0754 7034`. */
export function formatIban(normalised: string): string {
  return normalised.replace(/(.{4})(?=.)/g, '$1 ');
}
