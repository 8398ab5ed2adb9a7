import { invalid, ok, type Validation } from './validation.ts';

// Pragmatic, not RFC 5322: what a mail server will deliver and a person types.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Trims, lower-cases the domain, keeps the local part as typed. */
export function validateEmail(input: string): Validation {
  const value = String(input ?? '').trim();
  if (value.length > 254) return invalid('An e-mail address has at most 254 characters.');
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return invalid('An e-mail address looks like name@example.be.');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return invalid('The part before the @ is not valid.');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,}$/.test(labels.at(-1)!)) {
    return invalid('The domain after the @ is not valid.');
  }
  return ok(`${local}@${domain}`);
}
