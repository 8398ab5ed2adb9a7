import { intlLocale, type Locale } from './locale.ts';
import { catalogues, type MessageKey } from './messages/index.ts';

export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` in `locale`, with a small ICU subset:
 * `{name}` is replaced by the parameter; `{count, plural, =0 {…} one {# …}
 * other {# …}}` picks a branch with Intl.PluralRules (`#` is the number,
 * formatted for the locale). A missing parameter stays visible as `{name}`
 * so the mistake shows instead of vanishing.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  // Untyped callers (templates, JSON) may pass an unknown locale or key:
  // fall back to French, then to the key itself, never throw.
  const known = catalogues[locale] ? locale : 'fr';
  const message = catalogues[known][key] ?? catalogues.fr[key] ?? String(key);
  return interpolate(message, known, params);
}

export function interpolate(message: string, locale: Locale, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(message, open);
    out += message.slice(i, open);
    out += placeholder(message.slice(open + 1, close), locale, params);
    i = close + 1;
  }
  return out + message.slice(i);
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  throw new SyntaxError(`Unbalanced braces in message: ${s}`);
}

function placeholder(body: string, locale: Locale, params: MessageParams): string {
  const [name = '', kind, ...rest] = body.split(',');
  const param = params[name.trim()];
  if (kind?.trim() !== 'plural') return param === undefined ? `{${body}}` : String(param);
  const count = Number(param);
  if (param === undefined || !Number.isFinite(count)) return `{${name.trim()}}`;
  const branches = parseBranches(rest.join(','));
  const category = new Intl.PluralRules(intlLocale(locale)).select(count);
  const branch = branches.get(`=${count}`) ?? branches.get(category) ?? branches.get('other') ?? '';
  const formatted = new Intl.NumberFormat(intlLocale(locale)).format(count);
  return interpolate(branch.replaceAll('#', formatted), locale, params);
}

function parseBranches(source: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) break;
    const selector = source.slice(i, open).trim();
    const close = matchingBrace(source, open);
    branches.set(selector, source.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}
