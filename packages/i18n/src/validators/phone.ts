import { invalid, ok, type Validation } from './validation.ts';

export type PhoneKind = 'mobile' | 'landline' | 'non_geographic';
export interface BelgianPhone {
  /** E.164, e.g. `+32470123456`. */
  e164: string;
  kind: PhoneKind;
  /** National display, e.g. `0470 12 34 56`, `02 123 45 67`, `050 12 34 56`. */
  national: string;
}

// Zones with a one-digit prefix (Brussels 2, Antwerp 3, Liège 4, Ghent 9);
// every other zone has two digits. Mobile numbers are 04[5-9] + 7 digits.
const SINGLE_DIGIT_ZONES = new Set(['2', '3', '4', '9']);
const NON_GEOGRAPHIC = /^(70|78|800|90\d)/;

/** Accepts `+32 470 12 34 56`, `0032470123456`, `0470/12.34.56`, `+32 (0)2 123 45 67`. */
export function validatePhone(input: string): Validation<BelgianPhone> {
  let s = String(input ?? '').trim().replace(/\(0\)/g, '').replace(/[\s./()-]/g, '');
  if (s.startsWith('+32')) s = s.slice(3);
  else if (s.startsWith('0032')) s = s.slice(4);
  else if (s.startsWith('0')) s = s.slice(1);
  else if (s.startsWith('+') || s.startsWith('00')) return invalid('Only Belgian phone numbers (+32) are accepted.');
  else return invalid('Write the number with its leading 0 or +32.');
  if (!/^\d+$/.test(s)) return invalid('A phone number holds only digits, spaces and + . / ( ) -.');
  if (s.startsWith('4') && s.length === 9) {
    if (!/^4[5-9]/.test(s)) return invalid('Belgian mobile numbers start with 045 to 049.');
    return ok({ e164: `+32${s}`, kind: 'mobile', national: `0${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5, 7)} ${s.slice(7)}` });
  }
  if (s.length !== 8) return invalid('A Belgian phone number has 9 digits (10 for a mobile) after the 0.');
  if (s.startsWith('0')) return invalid('This is not a Belgian phone number.');
  if (NON_GEOGRAPHIC.test(s)) {
    // 070/078 xx xx xx (shared cost), 0800/090x xx xxx (free / premium).
    const national = s.startsWith('7')
      ? `0${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 6)} ${s.slice(6)}`
      : `0${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
    return ok({ e164: `+32${s}`, kind: 'non_geographic', national });
  }
  const zone = SINGLE_DIGIT_ZONES.has(s[0]!) ? s.slice(0, 1) : s.slice(0, 2);
  const rest = s.slice(zone.length);
  const national =
    zone.length === 1
      ? `0${zone} ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`
      : `0${zone} ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4)}`;
  return ok({ e164: `+32${s}`, kind: 'landline', national });
}
