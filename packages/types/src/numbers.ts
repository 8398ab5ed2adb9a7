import { z } from 'zod';

// Query strings arrive as text. `Number("1e999")` is Infinity and
// `Number("")` is 0, `Number("0x10")` is 16: a plain Number() coercion lets
// all of them through. We accept a number, or a plain decimal written in
// digits (optional sign and fraction, no exponent, no hex, at most 30
// characters), and then require the result to be finite.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export interface FiniteNumberOptions {
  min?: number;
  max?: number;
  int?: boolean;
}

/** A finite number from a JSON number or a decimal string; refuses NaN, ±Infinity, '1e999', '', '0x10'. */
export function finiteNumber(options: FiniteNumberOptions = {}) {
  let target = options.int ? z.int() : z.number();
  if (options.min !== undefined) target = target.min(options.min);
  if (options.max !== undefined) target = target.max(options.max);
  return z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .max(30, 'Too long for a number.')
        .regex(DECIMAL, 'Expected a plain decimal number, e.g. 12 or 4.5.')
        .transform(Number),
    ])
    .pipe(target);
}

/**
 * A comma-separated query parameter (`?features=garden,lift`), also accepted
 * repeated (`?features=garden&features=lift`). Items are trimmed, empty ones
 * dropped, duplicates removed, then each is parsed by `item`.
 */
export function queryList<T extends z.ZodType>(item: T, options: { max?: number } = {}) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) => [...new Set((Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
    // The cast only tells the compiler the items are parsed from strings.
    .pipe(z.array(item).max(options.max ?? 50) as unknown as z.ZodType<z.output<T>[], string[]>);
}
