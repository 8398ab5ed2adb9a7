import { randomInt } from 'node:crypto';
import { validatePhone } from '@immo/i18n';
import { conflict, newId, notFound, unauthorized, unprocessable, type Principal } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import type { Account, Locale } from './contract.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { randomToken, tokenHash } from './sealed-secrets.ts';
import { toAccount, type AccountRow } from './store.ts';
import { userRegistered } from './events.ts';
import { authMail, smsCodeText } from './mail-messages.ts';

const VERIFY_EMAIL_TTL_MS = 24 * 3600_000;
const RESET_TTL_MS = 3600_000;
const PHONE_CODE_TTL_MS = 10 * 60_000;
const PHONE_CODE_ATTEMPTS = 5;

/** Registration, e-mail and phone verification, passwords, name and language. */
export class AccountService {
  constructor(private readonly d: AuthDeps) {}

  /**
   * Creates an individual account and mails a verification link. The answer
   * is the same whether the address was free or not (the owner of an existing
   * account gets a "you already have an account" mail instead), so
   * registration cannot be used to probe for accounts.
   */
  async register(input: { email: string; password: string; displayName?: string; locale: Locale }): Promise<void> {
    const weakness = passwordWeakness(input.password, input.email);
    if (weakness) throw unprocessable(weakness.message, [{ path: 'password', ...weakness }], weakness);
    const passwordHash = await hashPassword(input.password);
    const now = this.d.ctx.clock.now();
    const link = randomToken();
    const created = await this.d.store.transaction(async (trx) => {
      const row = await this.d.store.insertAccount(trx, {
        id: newId(),
        email: input.email,
        password_hash: passwordHash,
        locale: input.locale,
        display_name: input.displayName ?? null,
        email_verified: false,
        created_at: now,
      });
      if (!row) return undefined;
      await this.d.store.addOneTimeToken(trx, { token_hash: tokenHash(link), user_id: row.id, purpose: 'verify_email', target: row.email, created_at: now, expires_at: new Date(now.getTime() + VERIFY_EMAIL_TTL_MS) });
      await this.d.ctx.events.publish(trx, userRegistered, { userId: row.id, role: row.role, locale: row.locale, method: 'password' });
      return row;
    });
    if (created) {
      await this.#mail(created, 'verify', `/verify-email?token=${link}`);
    } else {
      const existing = await this.d.store.accountByEmail(input.email);
      if (existing && existing.status === 'active') await this.#mail(existing, 'exists', '/forgot-password');
    }
  }

  async verifyEmail(token: string): Promise<void> {
    const now = this.d.ctx.clock.now();
    const ok = await this.d.store.transaction(async (trx) => {
      const used = await this.d.store.consumeOneTimeToken(trx, tokenHash(token), 'verify_email', now);
      if (!used) return false;
      const account = await this.d.store.accountById(used.user_id, trx);
      // the link proves the address it was sent to, not a later one
      if (!account || account.email.toLowerCase() !== used.target?.toLowerCase()) return false;
      await this.d.store.updateAccount(trx, used.user_id, { email_verified: true }, now);
      return true;
    });
    if (!ok) throw unprocessable('This verification link is invalid, used or expired. Ask for a new one from your account page.', undefined, { code: 'auth.link_invalid' });
  }

  async resendVerification(principal: Principal): Promise<void> {
    const account = await this.#account(principal.userId);
    if (account.email_verified) throw conflict('This e-mail address is already verified.', { code: 'auth.email_already_verified' });
    const now = this.d.ctx.clock.now();
    const link = randomToken();
    await this.d.store.addOneTimeToken(this.d.store.db, { token_hash: tokenHash(link), user_id: account.id, purpose: 'verify_email', target: account.email, created_at: now, expires_at: new Date(now.getTime() + VERIFY_EMAIL_TTL_MS) });
    await this.#mail(account, 'verify', `/verify-email?token=${link}`);
  }

  /** Always answers the same; mails a reset link only when an active account has this address. */
  async forgotPassword(email: string): Promise<void> {
    const account = await this.d.store.accountByEmail(email);
    if (!account || account.status !== 'active') return;
    const now = this.d.ctx.clock.now();
    const link = randomToken();
    await this.d.store.addOneTimeToken(this.d.store.db, { token_hash: tokenHash(link), user_id: account.id, purpose: 'reset_password', target: account.email, created_at: now, expires_at: new Date(now.getTime() + RESET_TTL_MS) });
    await this.#mail(account, 'reset', `/reset-password?token=${link}`);
  }

  /** Sets a new password from a reset link; every session of the account ends. */
  async resetPassword(token: string, password: string, ip?: string): Promise<void> {
    const now = this.d.ctx.clock.now();
    const hash = tokenHash(token);
    const pending = await this.d.store.db.selectFrom('auth.one_time_tokens').select('user_id').where('token_hash', '=', hash).executeTakeFirst();
    const account = pending && (await this.d.store.accountById(pending.user_id));
    const weakness = passwordWeakness(password, account?.email);
    if (weakness) throw unprocessable(weakness.message, [{ path: 'password', ...weakness }], weakness);
    const passwordHash = await hashPassword(password);
    const ok = await this.d.store.transaction(async (trx) => {
      const used = await this.d.store.consumeOneTimeToken(trx, hash, 'reset_password', now);
      if (!used) return false;
      // the link was mailed to the address: following it proves the mailbox
      await this.d.store.updateAccount(trx, used.user_id, { password_hash: passwordHash, email_verified: true }, now);
      await this.d.sessions.revokeAll(trx, used.user_id, 'password reset');
      await this.d.ctx.audit.record(trx, { actorId: used.user_id, action: 'auth.password_reset', subjectType: 'user', subjectId: used.user_id, ip });
      return true;
    });
    if (!ok) throw unprocessable('This reset link is invalid, used or expired. Ask for a new one.', undefined, { code: 'auth.link_invalid' });
  }

  /** Changes the password; the other sessions end, this one stays. */
  async changePassword(principal: Principal, current: string, next: string, ip?: string): Promise<void> {
    const account = await this.#account(principal.userId);
    if (!account.password_hash || !(await verifyPassword(account.password_hash, current))) {
      throw unauthorized('The current password is wrong.', { code: 'auth.current_password_wrong' });
    }
    const weakness = passwordWeakness(next, account.email);
    if (weakness) throw unprocessable(weakness.message, [{ path: 'newPassword', ...weakness }], weakness);
    const passwordHash = await hashPassword(next);
    await this.d.store.transaction(async (trx) => {
      await this.d.store.updateAccount(trx, account.id, { password_hash: passwordHash }, this.d.ctx.clock.now());
      await this.d.sessions.revokeAll(trx, account.id, 'password changed', principal.sessionId);
      await this.d.ctx.audit.record(trx, { actorId: account.id, action: 'auth.password_changed', subjectType: 'user', subjectId: account.id, ip });
    });
  }

  /** Sets the phone number (Belgian) as unverified and texts a 6-digit code to it. */
  async startPhoneVerification(principal: Principal, phone: string): Promise<{ phone: string }> {
    const parsed = validatePhone(phone);
    if (!parsed.valid) throw unprocessable(parsed.reason, [{ path: 'phone', message: parsed.reason, code: 'phone.invalid' }], { code: 'phone.invalid' });
    const account = await this.#account(principal.userId);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.d.ctx.clock.now();
    await this.d.store.transaction(async (trx) => {
      await this.d.store.updateAccount(trx, account.id, { phone: parsed.value.e164, phone_verified: false }, now);
      await this.d.store.addOneTimeToken(trx, { token_hash: this.#phoneCodeHash(account.id, code), user_id: account.id, purpose: 'verify_phone', target: parsed.value.e164, created_at: now, expires_at: new Date(now.getTime() + PHONE_CODE_TTL_MS) });
    });
    await this.d.sms.send({ to: parsed.value.e164, text: smsCodeText[account.locale](code) });
    return { phone: parsed.value.e164 };
  }

  /** Checks the texted code; five wrong tries burn it. */
  async confirmPhone(principal: Principal, code: string): Promise<void> {
    const now = this.d.ctx.clock.now();
    const result = await this.d.store.transaction(async (trx) => {
      const pending = await this.d.store.pendingOneTimeToken(trx, principal.userId, 'verify_phone', now);
      if (!pending) return 'none' as const;
      if (pending.token_hash !== this.#phoneCodeHash(principal.userId, code)) {
        await this.d.store.countOneTimeAttempt(trx, pending.token_hash, PHONE_CODE_ATTEMPTS, now);
        return 'wrong' as const;
      }
      await trx.updateTable('auth.one_time_tokens').set({ used_at: now }).where('token_hash', '=', pending.token_hash).execute();
      const account = await this.d.store.accountById(principal.userId, trx);
      if (account?.phone !== pending.target) return 'none' as const;
      await this.d.store.updateAccount(trx, principal.userId, { phone_verified: true }, now);
      return 'ok' as const;
    });
    if (result === 'none') throw unprocessable('No code is pending for this number: ask for a new code.', undefined, { code: 'phone.code_missing' });
    if (result === 'wrong') throw unprocessable('This code is wrong. Check the text message, or ask for a new code.', [{ path: 'code', message: 'wrong code', code: 'phone.code_wrong' }], { code: 'phone.code_wrong' });
  }

  async updateIdentity(userId: string, patch: { displayName?: string | null; locale?: Locale }): Promise<Account> {
    const row = await this.d.store.updateAccount(
      this.d.store.db,
      userId,
      {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.locale ? { locale: patch.locale } : {}),
      },
      this.d.ctx.clock.now(),
    );
    if (!row || row.status === 'deleted') throw notFound('The user');
    return toAccount(row);
  }

  async #account(userId: string): Promise<AccountRow> {
    const account = await this.d.store.accountById(userId);
    if (!account || account.status === 'deleted') throw notFound('The account');
    return account;
  }

  #phoneCodeHash(userId: string, code: string) {
    // bound to the account: a code's hash is useless for any other account
    return tokenHash(`phone:${userId}:${code}`);
  }

  async #mail(account: AccountRow, kind: 'verify' | 'reset' | 'exists', path: string) {
    const { subject, text } = authMail(kind, account.locale, `${this.d.publicUrl}${path}`);
    await this.d.ctx.mail.send({ to: account.email, subject, text });
  }
}
