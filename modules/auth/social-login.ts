import * as oidc from 'openid-client';
import { z } from 'zod';
import { forbidden, newId, notFound, unauthorized, unprocessable } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import { LOCALES, type Locale, type TokenPair } from './contract.ts';
import type { LoginService, RequestInfo } from './login-service.ts';
import { userRegistered } from './events.ts';

const STATE_TTL_MS = 10 * 60_000;
type Claims = { sub: string; email?: unknown; email_verified?: unknown; name?: unknown; locale?: unknown };

export const socialProviderConfig = z.array(
  z.object({
    /** Our name for it, in URLs: google, apple, microsoft ... */
    name: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
    issuer: z.string().url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
  }),
);
export type SocialProviderConfig = z.infer<typeof socialProviderConfig>[number];

/** Parses AUTH_OIDC_PROVIDERS; a bad value stops the start with a sentence saying what is wrong. */
export function parseSocialProviders(json: string | undefined): SocialProviderConfig[] {
  if (!json) return [];
  const parsed = socialProviderConfig.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`AUTH_OIDC_PROVIDERS: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Sign-in with Google, Apple, Microsoft or any OpenID provider: authorization
 * code flow with PKCE (S256), `state` (bound to the browser by a cookie) and
 * `nonce`. An external identity is linked to the account that has the same
 * e-mail only when the provider says that e-mail is verified.
 */
export class SocialLogin {
  readonly #configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    private readonly d: AuthDeps,
    private readonly logins: LoginService,
    private readonly providers: SocialProviderConfig[],
    private readonly allowHttp: boolean,
  ) {}

  providerNames() {
    return this.providers.map((p) => p.name);
  }

  /** The provider's authorization URL to send the browser to, and the state for the binding cookie. */
  async start(providerName: string, redirectUri: string): Promise<{ url: string; state: string }> {
    const config = await this.#config(providerName);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = this.d.ctx.clock.now();
    await this.d.store.putSocialLogin({ state, provider: providerName, code_verifier: codeVerifier, nonce, created_at: now, expires_at: new Date(now.getTime() + STATE_TTL_MS) });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** Completes the flow at the callback URL; signs the person in (creating or linking the account). */
  async callback(providerName: string, callbackUrl: URL, cookieState: string | undefined, req: RequestInfo): Promise<TokenPair> {
    const config = await this.#config(providerName);
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (!state || state !== cookieState) throw unauthorized('This sign-in did not start in this browser; start again.');
    const pending = await this.d.store.takeSocialLogin(state, this.d.ctx.clock.now());
    if (!pending || pending.provider !== providerName) throw unauthorized('This sign-in expired or was already used; start again.', { code: 'auth.sign_in_expired' });
    let claims: Claims | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idToken = tokens.claims();
      claims = idToken;
      // providers that keep e-mail out of the ID token serve it at userinfo (same subject enforced)
      if (idToken && idToken.email === undefined) {
        claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub };
      }
    } catch (error) {
      this.d.ctx.logger.info({ err: { name: (error as Error).name, message: (error as Error).message }, provider: providerName }, 'social sign-in refused');
      throw unauthorized('The provider did not confirm this sign-in; start again.');
    }
    if (!claims) throw unauthorized('The provider did not confirm this sign-in; start again.');
    const account = await this.#accountFor(providerName, claims);
    if (account.status === 'suspended') throw forbidden('This account is suspended. Contact support to have it reactivated.', { code: 'auth.account_suspended' });
    // the provider is one factor: an account that enrolled TOTP still needs its code
    return this.logins.startSessionOrChallenge(account, 'social', req);
  }

  async #accountFor(provider: string, claims: Claims) {
    const linked = await this.d.store.identity(provider, claims.sub);
    if (linked) {
      const account = await this.d.store.accountById(linked.user_id);
      if (!account || account.status === 'deleted') throw notFound('The account');
      return account;
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
    if (!email || claims.email_verified !== true) {
      throw unprocessable('The provider did not confirm an e-mail address for this account; sign up with e-mail and password instead.');
    }
    const now = this.d.ctx.clock.now();
    return this.d.store.transaction(async (trx) => {
      const existing = await this.d.store.accountByEmail(email, trx);
      if (existing) {
        if (existing.status === 'deleted') throw notFound('The account');
        if (!existing.email_verified) {
          // someone registered this address without proving it: the provider just
          // proved it belongs to this person, so that unproven password must not survive
          await this.d.store.updateAccount(trx, existing.id, { email_verified: true, password_hash: null }, now);
          await this.d.sessions.revokeAll(trx, existing.id, 'address proven by social sign-in');
        }
        await this.d.store.linkIdentity(trx, { provider, subject: claims.sub, user_id: existing.id, created_at: now });
        await this.d.ctx.audit.record(trx, { actorId: existing.id, action: 'auth.identity_linked', subjectType: 'user', subjectId: existing.id, detail: { provider } });
        return (await this.d.store.accountById(existing.id, trx))!;
      }
      const locale = (LOCALES as readonly string[]).includes(String(claims.locale).slice(0, 2)) ? (String(claims.locale).slice(0, 2) as Locale) : 'fr';
      const created = await this.d.store.insertAccount(trx, {
        id: newId(),
        email,
        password_hash: null,
        locale,
        display_name: typeof claims.name === 'string' ? claims.name.slice(0, 100) : null,
        email_verified: true,
        created_at: now,
      });
      if (!created) throw unauthorized('This sign-in raced with another; start again.');
      await this.d.store.linkIdentity(trx, { provider, subject: claims.sub, user_id: created.id, created_at: now });
      await this.d.ctx.events.publish(trx, userRegistered, { userId: created.id, role: created.role, locale: created.locale, method: 'social' });
      return created;
    });
  }

  #config(name: string): Promise<oidc.Configuration> {
    const provider = this.providers.find((p) => p.name === name);
    if (!provider) throw notFound(`The sign-in provider "${name}"`);
    let config = this.#configs.get(name);
    if (!config) {
      config = oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, oidc.ClientSecretPost(provider.clientSecret), this.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined);
      // a failed discovery is retried at the next sign-in, not cached
      config.catch(() => this.#configs.delete(name));
      this.#configs.set(name, config);
    }
    return config;
  }
}
