/**
 * Field names whose values never reach a log line, at any depth. pino's own
 * `redact` paths (REDACT_PATHS) only reach as deep as each path is written;
 * this catches the same names nested anywhere in a plain object we log.
 * `code` is left out here: deep down it is usually an error or postal code.
 */
const SECRET_KEYS = new Set(
  [
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'token',
    'accessToken',
    'refreshToken',
    'idToken',
    'resetToken',
    'secret',
    'clientSecret',
    'apiKey',
    'x-api-key',
    'authorization',
    'cookie',
    'set-cookie',
    'totp',
    'email',
    'phone',
    'mobile',
    'nationalNumber',
    'iban',
  ].map(normalize),
);

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalize(key));
}

/**
 * A copy of `value` with secret fields replaced. Only plain objects and arrays
 * are walked: requests, errors and other class instances go to their pino
 * serializers untouched (and the serializers' output is covered by REDACT_PATHS).
 */
export function redactDeep<T>(value: T, depth = 0, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (seen.has(value)) return value;
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((item) => redactDeep(item, depth + 1, seen)) as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && inner !== undefined && inner !== null
        ? REDACTED
        : redactDeep(inner, depth + 1, seen);
  }
  return out as T;
}
