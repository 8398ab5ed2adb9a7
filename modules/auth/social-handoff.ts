import type { Cache } from '@immo/platform';
import { randomToken, tokenHash, type SealedSecrets } from './sealed-secrets.ts';
import type { TokenPair } from './contract.ts';

/** What a browser sign-in with a provider ended in, waiting for the web app to take it. */
export type SocialOutcome = { pair: TokenPair } | { mfaToken: string };

/** Long enough for a redirect and a page load; a code never works twice. */
const HANDOFF_TTL_SECONDS = 60;
const key = (code: string) => `auth:social-handoff:${tokenHash(code)}`;

/**
 * Hands a browser sign-in's tokens to the web app by a one-time code: the
 * provider's callback redirects with `#code=…` only, and the page exchanges it
 * (POST /v1/auth/social/exchange) for the token pair. The tokens never appear
 * in a URL, the browser's history or a log line. Held in the cache port
 * (memory, or Redis across processes), sealed under AUTH_SECRET_KEY, keyed by
 * the code's hash; the first exchange claims it atomically.
 */
export class SocialHandoffs {
  constructor(
    private readonly cache: Cache,
    private readonly sealed: SealedSecrets,
  ) {}

  async put(outcome: SocialOutcome): Promise<string> {
    const code = randomToken();
    await this.cache.set(key(code), this.sealed.seal(JSON.stringify(outcome)), HANDOFF_TTL_SECONDS);
    return code;
  }

  /** The outcome once, or undefined (unknown, expired or already taken). */
  async take(code: string): Promise<SocialOutcome | undefined> {
    const claims = await this.cache.increment(`${key(code)}:taken`, HANDOFF_TTL_SECONDS);
    if (claims !== 1) return undefined;
    const sealed = await this.cache.get<string>(key(code));
    if (!sealed) return undefined;
    await this.cache.delete(key(code));
    return JSON.parse(this.sealed.open(sealed)) as SocialOutcome;
  }
}
