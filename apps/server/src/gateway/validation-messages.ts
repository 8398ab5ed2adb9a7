import { z } from 'zod';
import type { Locale } from '@immo/i18n';
import type { FieldError, ProblemCode } from '@immo/platform';

/** A zod issue as a parse reports it (or as fastify-type-provider-zod flattens it: code, message and the rest). */
export interface ValidationIssue {
  code: string;
  message: string;
  [detail: string]: unknown;
}

type LocaleError = (issue: never) => string | { message: string } | undefined | null;
const zodLocales: Record<Locale, LocaleError> = {
  fr: z.locales.fr().localeError as LocaleError,
  nl: z.locales.nl().localeError as LocaleError,
  de: z.locales.de().localeError as LocaleError,
  en: z.locales.en().localeError as LocaleError,
};

function zodMessage(locale: Locale, issue: ValidationIssue): string | undefined {
  const out = zodLocales[locale](issue as never);
  return typeof out === 'string' ? out : (out?.message ?? undefined);
}

/**
 * One schema-validation issue as a field error for `locale`. Zod words its
 * own messages in English at parse time (the parse does not know the
 * request); here the common ones get a catalogue code (`field.min`, worded
 * by the error handler), the others zod's own locale. A message a schema's
 * author wrote (`.min(1, '...')`) is not zod's wording and stays as written.
 */
export function validationFieldError(issue: ValidationIssue, path: string, locale: Locale): FieldError {
  const raw = withReceived(issue);
  if (zodMessage('en', raw) !== issue.message) {
    const authored = AUTHORED[issue.message] ?? (/^a date looks like /.test(issue.message) ? { code: 'field.date' } : undefined);
    return { path, message: issue.message, ...authored };
  }
  const code = fieldCode(raw);
  if (code) return { path, message: issue.message, ...code };
  return { path, message: locale === 'en' ? issue.message : (zodMessage(locale, raw) ?? issue.message) };
}

/**
 * Messages the contracts' authors wrote on fields of the web's forms: their
 * codes, so that they too are worded in the caller's language. A message
 * not listed here stays as written (English).
 */
const AUTHORED: Record<string, ProblemCode> = {
  'a NIS code has five digits': { code: 'field.nis' },
  'a Belgian postal code has four digits': { code: 'field.postal_code' },
  'a Belgian postal code has 4 digits': { code: 'field.postal_code' },
  'whole euros': { code: 'field.whole_euros' },
  'an IPI/BIV number has 6 digits, e.g. 500.123': { code: 'field.ipi' },
};

function fieldCode(issue: ValidationIssue): ProblemCode | undefined {
  const { code, origin } = issue;
  if (code === 'invalid_type') return issue.input === undefined ? { code: 'field.required' } : { code: 'field.invalid_type' };
  if (code === 'invalid_format' && issue.format === 'email') return { code: 'field.email' };
  if (code === 'invalid_value' && Array.isArray(issue.values) && issue.values.length > 1) {
    return { code: 'field.one_of', params: { values: issue.values.map(String).join(', ') } };
  }
  if ((code === 'too_small' || code === 'too_big') && !issue.exact) {
    const small = code === 'too_small';
    const bound = Number(small ? issue.minimum : issue.maximum);
    if (!Number.isFinite(bound)) return undefined;
    const name = small ? 'minimum' : 'maximum';
    if (origin === 'number' || origin === 'int' || origin === 'bigint') {
      const which = small ? (issue.inclusive ? 'field.min' : 'field.above') : issue.inclusive ? 'field.max' : 'field.below';
      return { code: which, params: { [name]: bound } };
    }
    if (!issue.inclusive) return undefined;
    if (origin === 'string') return { code: small ? 'field.min_length' : 'field.max_length', params: { [name]: bound } };
    if (origin === 'array' || origin === 'set') return { code: small ? 'field.min_items' : 'field.max_items', params: { [name]: bound } };
  }
  return undefined;
}

// A reported issue does not keep the input (it might be a password), yet
// zod's invalid_type wording names what was received: a value of that kind
// lets every locale word it again.
const SAMPLES: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  string: '',
  number: 0,
  nan: Number.NaN,
  NaN: Number.NaN,
  boolean: false,
  bigint: 0n,
  array: [],
  object: {},
  date: new Date(0),
};

function withReceived(issue: ValidationIssue): ValidationIssue {
  if (issue.code !== 'invalid_type' || 'input' in issue) return issue;
  const received = /received (\w+)$/.exec(issue.message)?.[1];
  return received !== undefined && received in SAMPLES ? { ...issue, input: SAMPLES[received] } : issue;
}
