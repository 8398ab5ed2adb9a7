import { generateSecret, generateURI, verify, generate } from 'otplib';
import { randomBytes } from 'node:crypto';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
export const TOTP_ISSUER = 'Immo';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret, period: PERIOD });
}

/**
 * Checks a code at `at`, accepting the neighbouring 30 s step for clock drift.
 * Returns the time step it matched (to refuse its replay), or undefined.
 */
export async function checkTotp(secret: string, code: string, at: Date, afterTimeStep = 0): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    period: PERIOD,
    epochTolerance: PERIOD,
    ...(afterTimeStep ? { afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The code an authenticator app shows at `at` (tests and the test sign-up helper). */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), period: PERIOD });
}

/** Ten single-use recovery codes, `xxxxx-xxxxx`, 50 bits each. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');
