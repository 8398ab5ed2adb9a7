import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject, type JsonWebKey } from 'node:crypto';
import type { Clock } from '@immo/platform';
import { newId } from '@immo/platform';
import type { AuthStore } from './store.ts';
import type { SealedSecrets } from './sealed-secrets.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.ts';

/** A retired key stays published this long past the last token it signed, for clock skew and caches. */
const GRACE_SECONDS = 5 * 60;
/** A process that meets an unknown `kid` reloads keys at most this often (another node rotated). */
const RELOAD_MIN_INTERVAL_MS = 10_000;

interface LoadedKey {
  kid: string;
  publicKey: KeyObject;
  publicJwk: JsonWebKey;
  privateKey?: KeyObject;
  retiredAt: Date | null;
  expiresAt: Date | null;
}

/**
 * RS256 signing keys kept in auth.signing_keys. One key signs; retired keys
 * keep verifying (and stay in the JWKS) until every token they signed has
 * expired, so a rotation logs nobody out.
 */
export class SigningKeys {
  #keys = new Map<string, LoadedKey>();
  #activeKid: string | undefined;
  #lastReload = 0;

  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    private readonly sealed: SealedSecrets,
  ) {}

  /** Loads the keys and creates the first one on a fresh database. */
  async init(): Promise<void> {
    await this.#reload();
    if (!this.#activeKid) await this.rotate();
  }

  async signingKey(): Promise<{ kid: string; privateKey: KeyObject }> {
    if (!this.#activeKid) await this.init();
    const key = this.#keys.get(this.#activeKid!)!;
    key.privateKey ??= createPrivateKey(this.sealed.open((await this.store.signingKeyPrivate(key.kid))!));
    return { kid: key.kid, privateKey: key.privateKey };
  }

  /** The public key for a token's `kid`, if it is one of ours and not past its publication. */
  async verificationKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid) return undefined;
    let key = this.#keys.get(kid);
    if (!key && Date.now() - this.#lastReload > RELOAD_MIN_INTERVAL_MS) {
      await this.#reload();
      key = this.#keys.get(kid);
    }
    if (!key || (key.expiresAt && key.expiresAt <= this.clock.now())) return undefined;
    return key.publicKey;
  }

  /** The JSON Web Key Set: every key whose tokens may still be valid. */
  async jwks(): Promise<{ keys: (JsonWebKey & { kid: string; alg: string; use: string })[] }> {
    await this.#reloadIfStale();
    const now = this.clock.now();
    return {
      keys: [...this.#keys.values()]
        .filter((k) => !k.expiresAt || k.expiresAt > now)
        .map((k) => ({ ...k.publicJwk, kid: k.kid, alg: 'RS256', use: 'sig' })),
    };
  }

  /**
   * Starts signing with a new key. The previous key is retired: it verifies
   * until its last token has expired, then leaves the JWKS.
   */
  async rotate(): Promise<string> {
    const now = this.clock.now();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = newId();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const jwk = publicKey.export({ format: 'jwk' });
    const keepUntil = new Date(now.getTime() + (ACCESS_TOKEN_TTL_SECONDS + GRACE_SECONDS) * 1000);
    await this.store.addSigningKey({ kid, publicJwk: jwk, privateKeyEnc: this.sealed.seal(pem), now, retireOthersUntil: keepUntil });
    await this.#reload();
    return kid;
  }

  /** Deletes keys that no valid token can name any more. */
  async prune(): Promise<number> {
    const n = await this.store.deleteExpiredSigningKeys(this.clock.now());
    if (n) await this.#reload();
    return n;
  }

  async #reloadIfStale() {
    if (Date.now() - this.#lastReload > RELOAD_MIN_INTERVAL_MS) await this.#reload();
  }

  async #reload() {
    this.#lastReload = Date.now();
    const rows = await this.store.signingKeys();
    const next = new Map<string, LoadedKey>();
    let active: string | undefined;
    for (const row of rows) {
      const previous = this.#keys.get(row.kid);
      next.set(row.kid, {
        kid: row.kid,
        publicJwk: row.publicJwk,
        publicKey: previous?.publicKey ?? createPublicKey({ key: row.publicJwk, format: 'jwk' }),
        privateKey: previous?.privateKey,
        retiredAt: row.retiredAt,
        expiresAt: row.expiresAt,
      });
      if (!row.retiredAt) active = row.kid;
    }
    this.#keys = next;
    this.#activeKid = active;
  }
}
