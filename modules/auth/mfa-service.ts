import { conflict, forbidden, notFound, unauthorized, type Principal } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import { MFA_REQUIRED_ROLES } from './contract.ts';
import { checkTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp.ts';
import { tokenHash } from './sealed-secrets.ts';
import type { AuthExecutor } from './store.ts';

/** TOTP enrolment, recovery codes, and the second-factor check used at sign-in. */
export class MfaService {
  constructor(private readonly d: AuthDeps) {}

  /** Starts (or restarts) an enrolment: the secret is not active until a code confirms it. */
  async enrol(principal: Principal) {
    const account = await this.d.store.accountById(principal.userId);
    if (!account) throw notFound('The account');
    const existing = await this.d.store.totp(principal.userId);
    if (existing?.confirmed_at) throw conflict('A second factor is already active. Disable it first to enrol a new device.', { code: 'mfa.already_active' });
    const secret = newTotpSecret();
    await this.d.store.putTotp(this.d.store.db, principal.userId, this.d.sealed.seal(secret), this.d.ctx.clock.now());
    return { secret, otpauthUri: totpUri(secret, account.email) };
  }

  /** Confirms the enrolment with a first code; returns the recovery codes (shown once). The session counts as MFA from now on. */
  async confirm(principal: Principal, code: string, ip?: string) {
    const row = await this.d.store.totp(principal.userId);
    if (!row) throw conflict('Start the enrolment first: POST /v1/auth/mfa/totp.', { code: 'mfa.enrolment_not_started' });
    if (row.confirmed_at) throw conflict('This second factor is already active.', { code: 'mfa.already_active' });
    const now = this.d.ctx.clock.now();
    const step = await checkTotp(this.d.sealed.open(row.secret_enc), code, now);
    if (step === undefined) throw unauthorized('The code is wrong or expired: type the code your app shows now.', { code: 'auth.mfa_code_wrong' });
    const codes = newRecoveryCodes();
    await this.d.store.transaction(async (trx) => {
      await this.d.store.confirmTotp(trx, principal.userId, step, now);
      await this.d.store.replaceRecoveryCodes(trx, principal.userId, codes.map((c) => tokenHash(normaliseRecoveryCode(c))));
      if (principal.sessionId) await trx.updateTable('auth.sessions').set({ mfa: true }).where('id', '=', principal.sessionId).execute();
      await this.d.ctx.audit.record(trx, { actorId: principal.userId, action: 'auth.mfa.enrolled', subjectType: 'user', subjectId: principal.userId, detail: { method: 'totp' }, ip });
    });
    return { recoveryCodes: codes };
  }

  async regenerateRecoveryCodes(principal: Principal, code: string, ip?: string) {
    await this.requireValidSecondFactor(this.d.store.db, principal.userId, code, { allowRecovery: false });
    const codes = newRecoveryCodes();
    await this.d.store.transaction(async (trx) => {
      await this.d.store.replaceRecoveryCodes(trx, principal.userId, codes.map((c) => tokenHash(normaliseRecoveryCode(c))));
      await this.d.ctx.audit.record(trx, { actorId: principal.userId, action: 'auth.mfa.recovery_codes_regenerated', subjectType: 'user', subjectId: principal.userId, ip });
    });
    return { recoveryCodes: codes };
  }

  async disable(principal: Principal, code: string, ip?: string) {
    const account = await this.d.store.accountById(principal.userId);
    if (!account) throw notFound('The account');
    if (MFA_REQUIRED_ROLES.includes(account.role)) throw forbidden(`The ${account.role} role requires a second factor; it cannot be disabled.`, { code: 'mfa.required_for_role' });
    await this.requireValidSecondFactor(this.d.store.db, principal.userId, code, { allowRecovery: true });
    await this.d.store.transaction(async (trx) => {
      await this.d.store.deleteMfa(trx, principal.userId);
      await this.d.ctx.audit.record(trx, { actorId: principal.userId, action: 'auth.mfa.disabled', subjectType: 'user', subjectId: principal.userId, ip });
    });
  }

  async isEnrolled(userId: string): Promise<boolean> {
    return !!(await this.d.store.totp(userId))?.confirmed_at;
  }

  /** Accepts a current TOTP code (never twice) or an unused recovery code; throws 401 otherwise. */
  async requireValidSecondFactor(db: AuthExecutor, userId: string, code: string, options: { allowRecovery: boolean }): Promise<'otp' | 'recovery'> {
    const row = await this.d.store.totp(userId, db);
    if (!row?.confirmed_at) throw conflict('No second factor is active on this account.', { code: 'mfa.not_active' });
    const now = this.d.ctx.clock.now();
    if (/^\d{6}$/.test(code.trim())) {
      const step = await checkTotp(this.d.sealed.open(row.secret_enc), code.trim(), now, Number(row.last_time_step));
      if (step !== undefined && (await this.d.store.advanceTotpStep(db, userId, step))) return 'otp';
    } else if (options.allowRecovery && (await this.d.store.useRecoveryCode(db, userId, tokenHash(normaliseRecoveryCode(code)), now))) {
      return 'recovery';
    }
    throw unauthorized('The second-factor code is wrong, expired or already used.', { code: 'auth.mfa_code_wrong' });
  }
}
