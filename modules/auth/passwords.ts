import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * argon2id with OWASP's first recommended setting (m = 19 MiB, t = 2, p = 1):
 * about 25–40 ms per hash on one core of this machine. Memory-hard enough to
 * make GPU guessing of a stolen table costly, cheap enough that a 2-core node
 * still serves dozens of logins per second (see bench/auth.ts). Raise
 * memoryCost before timeCost when machines grow: old hashes keep verifying,
 * since the parameters are stored in each hash.
 */
// algorithm 2 = Argon2id (the package's Algorithm enum is a const enum, not importable here)
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
/** Longer inputs are refused before hashing: argon2 on megabytes is a denial of service. */
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Unknown e-mails are checked against this hash so that they cost the same
// time as a wrong password: the answer's timing does not reveal accounts.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-password: timing equaliser for unknown accounts');
  return dummy;
}

/**
 * Why a password is refused, or undefined when acceptable. The rules follow
 * NIST SP 800-63B: a minimum length, no composition rules, and no password
 * known from breaches (a local list of the most used ones) or derived from
 * the account's own e-mail.
 */
export function passwordWeakness(password: string, email?: string): PasswordWeakness | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return weak('password.too_short', `Use at least ${PASSWORD_MIN_LENGTH} characters.`, { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return weak('password.too_long', `Use at most ${PASSWORD_MAX_LENGTH} characters.`, { max: PASSWORD_MAX_LENGTH });
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return weak('password.breached', 'This password appears in lists of breached passwords; choose another.');
  // "password2024!", "azerty12345": a common word padded with digits and symbols
  const core = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (core.length >= 4 && COMMON_PASSWORDS.has(core)) return weak('password.common_word', 'This password is a common word with a few characters added; choose another.');
  if (new Set(lower).size <= 3) return weak('password.repetitive', 'This password repeats too few characters; choose another.');
  if (isSequence(lower)) return weak('password.sequence', 'This password is a simple sequence; choose another.');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return weak('password.contains_email', 'Do not use your e-mail address in your password.');
  return undefined;
}

/** Why a password is refused: the English sentence, and its problem code for the other languages. */
export interface PasswordWeakness {
  message: string;
  code: string;
  params?: Record<string, number>;
}

const weak = (code: string, message: string, params?: Record<string, number>): PasswordWeakness => ({ code, message, ...(params ? { params } : {}) });

function isSequence(s: string): boolean {
  let up = 0;
  let down = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d === 1) up++;
    if (d === -1) down++;
  }
  return up >= s.length - 2 || down >= s.length - 2;
}
