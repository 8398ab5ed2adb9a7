import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { defineModule, forbidden, unauthorized, type ModuleContext, type ModuleDefinition, type Principal } from '@immo/platform';
import { MFA_REQUIRED_ROLES, type AuthApi } from './contract.ts';
import { AuthStore, toAccount } from './store.ts';
import { Sessions } from './sessions.ts';
import { SigningKeys } from './signing-keys.ts';
import { AccessTokens } from './access-tokens.ts';
import { LoginThrottle } from './throttle.ts';
import { SealedSecrets } from './sealed-secrets.ts';
import { OutboxSms, type SmsSender } from './sms.ts';
import { AuthServices } from './services.ts';
import { authRoutes } from './routes.ts';
import { registerForTests } from './test-signup.ts';
import { authJobs, authSchedules } from './jobs.ts';
import { parseSocialProviders, SocialLogin } from './social-login.ts';
import { socialRoutes } from './social-routes.ts';
import { SocialHandoffs } from './social-handoff.ts';

export type { Account, AuthApi, ClaimsProvider, Locale } from './contract.ts';
export { MFA_REQUIRED_ROLES, LOCALES } from './contract.ts';
export { userRegistered, userLogin, userSuspended, userReactivated, userRoleChanged, userDeleted } from './events.ts';
export { agentsOf, signUpForTest, testVatNumber } from './test-signup.ts';
export { totpCode } from './totp.ts';
export { ARGON2_PARAMS, hashPassword } from './passwords.ts';
export { lastLinkToken, lastSmsCode, mailsTo } from './test-mailbox.ts';
export type { SmsSender } from './sms.ts';
export { seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';

export interface AuthModuleOptions {
  /** Replaces the SMS port (default: files in `${DATA_DIR}/outbox/sms`). */
  sms?: SmsSender;
}

// Dev and test only: production refuses to start without AUTH_SECRET_KEY.
const DEVELOPMENT_SECRET = 'immo-development-only-secret-do-not-use-in-production';

/** Routes under these prefixes answer a principal whose role needs MFA but whose session has none: enrolment happens there. */
const MFA_FREE_PREFIXES = ['/v1/auth/', '/.well-known/'];

export function createAuthModule(options: AuthModuleOptions = {}): ModuleDefinition<AuthApi> {
  return defineModule<AuthApi>({
    name: 'auth',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    async create(ctx: ModuleContext) {
      const { config } = ctx;
      if (!config.AUTH_SECRET_KEY && config.NODE_ENV === 'production') {
        throw new Error('AUTH_SECRET_KEY: required in production (at least 32 characters); it encrypts token signing keys and TOTP secrets at rest');
      }
      const store = new AuthStore(ctx.db);
      const sealed = new SealedSecrets(config.AUTH_SECRET_KEY ?? DEVELOPMENT_SECRET);
      const keys = new SigningKeys(store, ctx.clock, sealed);
      await keys.init();
      const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
      const tokens = new AccessTokens(keys, ctx.clock, publicUrl);
      const services = new AuthServices({
        ctx,
        store,
        sessions: new Sessions(store.db, ctx.clock, ctx.cache),
        tokens,
        keys,
        throttle: new LoginThrottle(ctx.cache, ctx.clock),
        sealed,
        sms: options.sms ?? new OutboxSms(config.DATA_DIR),
        claims: {},
        publicUrl,
      });

      // plain-http issuers are for local providers in development and tests only
      const social = new SocialLogin(services.deps, services.logins, parseSocialProviders(config.AUTH_OIDC_PROVIDERS), config.NODE_ENV !== 'production');

      const api: AuthApi = {
        async getAccount(userId) {
          const row = await store.accountById(userId);
          return row && toAccount(row);
        },
        verifyAccessToken: (token) => tokens.verify(token),
        setClaimsProvider(provider) {
          services.deps.claims.provider = provider;
        },
        updateIdentity: (userId, patch) => services.accounts.updateIdentity(userId, patch),
        becomeProfessional: (userId) => services.admin.becomeProfessional(userId),
        eraseAccount: (userId, actor) => services.admin.erase(userId, actor),
        async audit(entry) {
          await ctx.audit.record(ctx.db.kysely, entry);
        },
      };

      return {
        api,
        jobs: authJobs(services),
        schedules: authSchedules,
        routes(app) {
          registerForTests(app, services);
          authRoutes(app, services);
          socialRoutes(app, social, new SocialHandoffs(ctx.cache, sealed), config.PUBLIC_URL?.replace(/\/$/, ''));
        },
        async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
          const header = request.headers.authorization;
          if (!header) return undefined;
          const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
          if (!match) throw unauthorized('Send the access token as "Authorization: Bearer <token>".');
          const principal = await tokens.verify(match[1]!);
          if (principal.sessionId && (await services.deps.sessions.isRevoked(principal.sessionId))) {
            throw unauthorized('This session has ended: sign in again.', { code: 'auth.session_expired' });
          }
          // Agency and staff roles answer nothing but auth routes until their session passed a second factor.
          if (MFA_REQUIRED_ROLES.includes(principal.role) && !principal.mfa && !MFA_FREE_PREFIXES.some((p) => request.url.startsWith(p))) {
            throw forbidden(`The ${principal.role} role needs a second factor: enrol TOTP at POST /v1/auth/mfa/totp, then sign in again with your code.`, { code: 'auth.mfa_enrolment_required' });
          }
          return principal;
        },
        async exportPersonalData(userId: string) {
          const row = await store.accountById(userId);
          if (!row) return {};
          const [sessions, identities, totp] = await Promise.all([
            store.db.selectFrom('auth.sessions').select(['id', 'method', 'mfa', 'user_agent', 'created_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId).execute(),
            store.identitiesOf(userId),
            store.totp(userId),
          ]);
          return {
            account: [{ ...toAccount(row), createdAt: row.created_at.toISOString() }],
            sessions: sessions.map((s) => ({ ...s, created_at: s.created_at.toISOString(), last_used_at: s.last_used_at.toISOString(), revoked_at: s.revoked_at?.toISOString() ?? null })),
            socialIdentities: identities.map((i) => ({ provider: i.provider, linkedAt: i.created_at.toISOString() })),
            mfa: [{ totpEnrolled: !!totp?.confirmed_at }],
          };
        },
      };
    },
  });
}

export const authModule: ModuleDefinition<AuthApi> = createAuthModule();
