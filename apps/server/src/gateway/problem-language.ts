import type { FastifyRequest } from 'fastify';
import { catalogues, formatNumber, LOCALES, negotiateLocale, t, type Locale, type MessageKey } from '@immo/i18n';
import type { Problem, ProblemBody, ProblemParams } from '@immo/platform';

/**
 * The language of a request's problem messages, from Accept-Language
 * (`fr-BE,fr;q=0.9`, `nl`...). English, the API's own language, when the
 * header is absent or names none of ours: partners and scripts keep the
 * text they always had. `*` names none (Node's fetch sends it by default).
 */
export function problemLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .filter((range) => range.split(';')[0]!.trim() !== '*')
    .join(',');
  return negotiateLocale(ranges, LOCALES, 'en');
}

/**
 * The sentence for a problem `code` in `locale`, from the `problems.*`
 * catalogue; `english` (written at the throw site, often more precise for a
 * developer) when the locale is English or the code has no entry.
 */
export function problemMessage(locale: Locale, code: string | undefined, params: ProblemParams | undefined, english: string): string {
  if (locale === 'en' || !code) return english;
  const key = `problems.${code}` as MessageKey;
  const message = catalogues[locale][key];
  if (message === undefined) return english;
  return t(locale, key, localParams(message, locale, params ?? {}));
}

/** Numbers in the locale's format (1 500 000), except those a plural branch counts. */
function localParams(message: string, locale: Locale, params: ProblemParams): ProblemParams {
  const out: ProblemParams = {};
  for (const [name, value] of Object.entries(params)) {
    const counted = new RegExp(`\\{\\s*${name}\\s*,\\s*plural`).test(message);
    out[name] = typeof value === 'number' && !counted ? formatNumber(value, locale, 2) : value;
  }
  return out;
}

/**
 * The problem's body worded for the request: `detail` and each field
 * message by their codes. `type`, `title`, `status`, paths and codes stay
 * as they are (RFC 9457: the type names the problem in every language).
 */
export function localizedBody(problem: Problem, locale: Locale, instance: string): ProblemBody {
  const body = problem.toBody(instance);
  if (locale === 'en') return body;
  const code = typeof problem.extra.code === 'string' ? problem.extra.code : undefined;
  body.detail = problemMessage(locale, code, problem.extra.params, problem.detail);
  if (problem.extra.errors) {
    body.errors = problem.extra.errors.map(({ message, params, ...error }) => ({
      ...error,
      message: problemMessage(locale, error.code, params, message),
    }));
  }
  return body;
}
