// Every validator answers the same shape: the normalised value when valid,
// a reason a person can act on when not.
export type Validation<T = string> = { valid: true; value: T } | { valid: false; reason: string };

export const ok = <T>(value: T): Validation<T> => ({ valid: true, value });
export const invalid = (reason: string): Validation<never> => ({ valid: false, reason });

/** Remainder of a long decimal string modulo 97, without precision loss. */
export function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return rest;
}
