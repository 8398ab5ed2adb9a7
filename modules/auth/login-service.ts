import { forbidden, notFound, Problem, unauthorized, type Principal } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import type { TokenPair } from './contract.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import type { MfaService } from './mfa-service.ts';
import type { AccountRow, AuthExecutor } from './store.ts';
import { userLogin } from './events.ts';
import type { SessionRow } from './sessions.ts';
import { randomToken, tokenHash } from './sealed-secrets.ts';

const challengeKey = (mfaToken: string) => `auth:mfa-challenge:${tokenHash(mfaToken)}`;

export interface RequestInfo {
  ip: string;
  userAgent?: string;
}

const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong.';
const CHALLENGE_TTL_SECONDS = 5 * 60;
const CHALLENGE_ATTEMPTS = 5;
interface MfaChallenge {
  userId: string;
  method: 'password' | 'social';
  attempts: number;
}

/** Sign-in, token refresh, sign-out and the sessions a person sees. */
export class LoginService {
  constructor(
    private readonly d: AuthDeps,
    private readonly mfa: MfaService,
  ) {}

  /**
   * Password sign-in. An unknown e-mail costs the same argon2 verification as
   * a wrong password and gets the same answer, so neither the answer nor its
   * timing tells whether an account exists.
   */
  async login(input: { email: string; password: string; otp?: string }, req: RequestInfo): Promise<TokenPair> {
    await this.d.throttle.check(input.email, req.ip);
    const account = await this.d.store.accountByEmail(input.email);
    const usable = account && account.status !== 'deleted' && account.password_hash;
    const passwordOk = await verifyPassword(usable ? account.password_hash! : await dummyHash(), input.password);
    if (!usable || !passwordOk) {
      await this.d.throttle.failed(input.email, req.ip);
      throw unauthorized(WRONG_CREDENTIALS, { code: 'auth.wrong_credentials' });
    }
    if (account.status === 'suspended') throw forbidden('This account is suspended. Contact support to have it reactivated.', { code: 'auth.account_suspended' });

    let mfa = false;
    if (await this.mfa.isEnrolled(account.id)) {
      if (!input.otp) {
        throw new Problem(401, 'Second factor required', 'Send the code from your authenticator app (or a recovery code) as "otp" with your e-mail and password.', {
          type: 'https://immo.be/problems/mfa-required',
          mfaRequired: true,
          code: 'auth.mfa_required',
        });
      }
      try {
        await this.mfa.requireValidSecondFactor(this.d.store.db, account.id, input.otp, { allowRecovery: true });
      } catch (error) {
        await this.d.throttle.failed(input.email, req.ip);
        throw error;
      }
      mfa = true;
    }
    await this.d.throttle.succeeded(input.email);
    return this.startSession(account, { mfa, method: 'password' }, req);
  }

  /**
   * After a first factor that cannot carry the code (social sign-in): signs in
   * at once without MFA enrolled, else answers 401 mfa-required with a
   * short-lived `mfaToken` to complete at POST /v1/auth/login/mfa.
   */
  async startSessionOrChallenge(account: AccountRow, method: 'password' | 'social', req: RequestInfo): Promise<TokenPair> {
    if (!(await this.mfa.isEnrolled(account.id))) return this.startSession(account, { mfa: false, method }, req);
    const mfaToken = randomToken();
    await this.d.ctx.cache.set<MfaChallenge>(challengeKey(mfaToken), { userId: account.id, method, attempts: 0 }, CHALLENGE_TTL_SECONDS);
    throw mfaChallengeProblem(mfaToken);
  }

  /** Completes a sign-in held for its second factor; five wrong codes burn the challenge. */
  async completeChallenge(mfaToken: string, otp: string, req: RequestInfo): Promise<TokenPair> {
    const key = challengeKey(mfaToken);
    const challenge = await this.d.ctx.cache.get<MfaChallenge>(key);
    if (!challenge) throw unauthorized('This sign-in expired; start again.', { code: 'auth.sign_in_expired' });
    try {
      await this.mfa.requireValidSecondFactor(this.d.store.db, challenge.userId, otp, { allowRecovery: true });
    } catch (error) {
      if (challenge.attempts + 1 >= CHALLENGE_ATTEMPTS) await this.d.ctx.cache.delete(key);
      else await this.d.ctx.cache.set<MfaChallenge>(key, { ...challenge, attempts: challenge.attempts + 1 }, CHALLENGE_TTL_SECONDS);
      throw error;
    }
    await this.d.ctx.cache.delete(key);
    const account = await this.d.store.accountById(challenge.userId);
    if (!account || account.status !== 'active') throw unauthorized('This account cannot sign in.', { code: 'auth.account_inactive' });
    return this.startSession(account, { mfa: true, method: challenge.method }, req);
  }

  /** Opens a session (audited, `user.login` published) and signs its first access token. */
  async startSession(account: AccountRow, how: { mfa: boolean; method: 'password' | 'social' }, req: RequestInfo): Promise<TokenPair> {
    const { session, refreshToken } = await this.d.store.transaction(async (trx) => {
      const opened = await this.d.sessions.open(trx, { userId: account.id, mfa: how.mfa, method: how.method, userAgent: req.userAgent });
      await this.d.ctx.audit.record(trx, {
        actorId: account.id,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: account.id,
        detail: { method: how.method, mfa: how.mfa, sessionId: opened.session.id },
        ip: req.ip,
      });
      await this.d.ctx.events.publish(trx, userLogin, { userId: account.id, sessionId: opened.session.id, method: how.method, mfa: how.mfa });
      return opened;
    });
    return this.#tokenPair(account, session, refreshToken);
  }

  /** Rotates the refresh token. A consumed token presented again revokes its whole family. */
  async refresh(refreshToken: string, req: RequestInfo): Promise<TokenPair> {
    const outcome = await this.d.store.transaction(async (trx) => {
      const result = await this.d.sessions.refresh(trx, refreshToken);
      if (result.kind === 'reused') {
        await this.d.ctx.audit.record(trx, {
          actorId: null,
          action: 'auth.refresh_token_reused',
          subjectType: 'session',
          subjectId: result.session.id,
          detail: { userId: result.session.user_id },
          ip: req.ip,
        });
      }
      return result;
    });
    if (outcome.kind !== 'rotated') throw unauthorized('This refresh token is not valid any more: sign in again.', { code: 'auth.session_expired' });
    const account = await this.d.store.accountById(outcome.session.user_id);
    if (!account || account.status !== 'active') {
      await this.d.sessions.revoke(this.d.store.db, outcome.session.id, 'account not active');
      throw unauthorized('This account cannot sign in.', { code: 'auth.account_inactive' });
    }
    return this.#tokenPair(account, outcome.session, outcome.refreshToken);
  }

  /** Ends the caller's session, or the one a refresh token belongs to. */
  async logout(principal: Principal | undefined, refreshToken: string | undefined): Promise<void> {
    let sessionId = principal?.sessionId;
    if (!sessionId && refreshToken) sessionId = (await this.d.sessions.sessionOfToken(refreshToken))?.id;
    if (!sessionId) throw unauthorized();
    await this.d.sessions.revoke(this.d.store.db, sessionId, 'logout');
  }

  async listSessions(principal: Principal) {
    const rows = await this.d.sessions.listActive(principal.userId);
    return rows.map((s) => ({
      id: s.id,
      current: s.id === principal.sessionId,
      method: s.method,
      mfa: s.mfa,
      userAgent: s.user_agent,
      createdAt: s.created_at.toISOString(),
      lastUsedAt: s.last_used_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
    }));
  }

  /** Revokes one of the caller's sessions; another person's session id answers 404. */
  async revokeSession(principal: Principal, sessionId: string, db: AuthExecutor = this.d.store.db) {
    const session = await this.d.sessions.session(sessionId);
    if (!session || session.user_id !== principal.userId) throw notFound('The session');
    await this.d.sessions.revoke(db, sessionId, 'revoked by user');
  }

  async #tokenPair(account: AccountRow, session: SessionRow, refreshToken: string): Promise<TokenPair> {
    // claims are read outside any transaction: the users module has its own connection use
    const agencies = (await this.d.claims.provider?.(account.id)) ?? [];
    const amr = session.method === 'social' ? ['fed'] : ['pwd'];
    if (session.mfa) amr.push('otp');
    const access = await this.d.tokens.sign({ userId: account.id, role: account.role, agencies, amr, sessionId: session.id });
    return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn, refreshToken, userId: account.id, mfa: session.mfa };
  }
}

/** 401 mfa-required with the challenge to complete at POST /v1/auth/login/mfa (a social sign-in's code exchange answers it too). */
export function mfaChallengeProblem(mfaToken: string): Problem {
  return new Problem(401, 'Second factor required', 'Send the code from your authenticator app (or a recovery code) with this mfaToken to POST /v1/auth/login/mfa.', {
    type: 'https://immo.be/problems/mfa-required',
    mfaRequired: true,
    mfaToken,
    code: 'auth.mfa_required',
  });
}
