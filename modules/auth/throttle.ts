import { createHash } from 'node:crypto';
import { tooManyRequests, type Cache, type Clock } from '@immo/platform';

/**
 * Login throttling with growing delays, per account and per IP. Counters are
 * keyed by a hash of the e-mail as typed, whether or not an account exists,
 * so throttling itself reveals nothing. After `free` failures each further
 * attempt must wait twice as long as the previous one (1 s, 2 s, 4 s ... up
 * to 15 min); a success clears the account's counter.
 */
const WINDOW_SECONDS = 60 * 60;
const MAX_DELAY_SECONDS = 15 * 60;
const POLICIES = {
  account: { free: 5 },
  // an office or a mobile carrier shares one IP: allow more before slowing down
  ip: { free: 30 },
} as const;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  constructor(
    private readonly cache: Cache,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 with Retry-After while either the account or the IP must wait. */
  async check(email: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const [kind, key] of this.#keys(email, ip)) {
      const f = await this.cache.get<Failures>(key);
      if (!f) continue;
      wait = Math.max(wait, f.last + delaySeconds(f.count, POLICIES[kind].free) * 1000 - now);
    }
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw tooManyRequests(`Too many failed sign-ins. Wait ${seconds} s before trying again, or reset your password.`, seconds, { code: 'auth.too_many_attempts', params: { seconds } });
    }
  }

  async failed(email: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [, key] of this.#keys(email, ip)) {
      const f = (await this.cache.get<Failures>(key)) ?? { count: 0, last: now };
      await this.cache.set(key, { count: f.count + 1, last: now }, WINDOW_SECONDS);
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.cache.delete(accountKey(email));
  }

  #keys(email: string, ip: string): ['account' | 'ip', string][] {
    return [
      ['account', accountKey(email)],
      ['ip', `auth:login-fail:ip:${ip}`],
    ];
  }
}

export function delaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_DELAY_SECONDS);
}

const accountKey = (email: string) => `auth:login-fail:acct:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;
