import { invalid, ok, type Validation } from './validation.ts';

/** Belgian postal codes: four digits, 1000 (Brussels) to 9992 (Maldegem). */
export function validatePostalCode(input: string): Validation {
  const value = String(input ?? '').trim();
  if (!/^\d{4}$/.test(value)) return invalid('A Belgian postal code has exactly 4 digits.');
  const n = Number(value);
  if (n < 1000 || n > 9992) return invalid('A Belgian postal code lies between 1000 and 9992.');
  return ok(value);
}
