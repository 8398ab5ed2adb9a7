import { ApiError } from '@immo/api-client';

/** The server's field messages by path ("address.postalCode"), whether they came from schema validation ("body.price") or a domain rule. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const { path, message } of error.problem.errors ?? []) {
    const key = path.replace(/^body\.?/, '');
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}

/** The message for a field: its own path, or any deeper one (e.g. "epc.kwh" shown at "epc"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
  return messages.length ? messages.join(' ') : undefined;
}
