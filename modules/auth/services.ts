import { notFound, type Principal } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import { AccountService } from './account-service.ts';
import { LoginService } from './login-service.ts';
import { MfaService } from './mfa-service.ts';
import { AdminService } from './admin-service.ts';
import { MFA_REQUIRED_ROLES } from './contract.ts';
import { toAccount } from './store.ts';
import { ACCESS_TOKEN_AUDIENCE } from './access-tokens.ts';

/** The auth services, wired once; routes and the module API call these. */
export class AuthServices {
  readonly accounts: AccountService;
  readonly mfa: MfaService;
  readonly logins: LoginService;
  readonly admin: AdminService;

  constructor(readonly deps: AuthDeps) {
    this.accounts = new AccountService(deps);
    this.mfa = new MfaService(deps);
    this.logins = new LoginService(deps, this.mfa);
    this.admin = new AdminService(deps);
  }

  get keys() {
    return this.deps.keys;
  }

  async me(principal: Principal) {
    const row = await this.deps.store.accountById(principal.userId);
    if (!row || row.status === 'deleted') throw notFound('The account');
    const [enrolled, recoveryCodesLeft, identities] = await Promise.all([
      this.mfa.isEnrolled(row.id),
      this.deps.store.remainingRecoveryCodes(row.id),
      this.deps.store.identitiesOf(row.id),
    ]);
    return {
      account: toAccount(row),
      mfa: { enrolled, sessionVerified: principal.mfa, required: MFA_REQUIRED_ROLES.includes(row.role), recoveryCodesLeft },
      agencies: principal.agencies,
      identities: identities.map((i) => ({ provider: i.provider, linkedAt: i.created_at.toISOString() })),
    };
  }

  /** OpenID Connect discovery. `origin` is used for URLs when PUBLIC_URL is not configured. */
  discovery(origin: string) {
    const base = this.deps.ctx.config.PUBLIC_URL?.replace(/\/$/, '') ?? origin;
    return {
      issuer: this.deps.tokens.issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      authorization_endpoint: `${base}/v1/auth/login`,
      token_endpoint: `${base}/v1/auth/refresh`,
      response_types_supported: ['token'],
      grant_types_supported: ['password', 'refresh_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'jti', 'role', 'agencies', 'amr', 'sid'],
      audience: ACCESS_TOKEN_AUDIENCE,
    };
  }
}
