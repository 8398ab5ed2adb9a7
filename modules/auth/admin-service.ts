import { conflict, forbidden, hasRole, notFound, requireRole, type Principal, type Role } from '@immo/platform';
import type { AuthDeps } from './deps.ts';
import { toAccount, type AccountRow } from './store.ts';
import { userDeleted, userReactivated, userRoleChanged, userSuspended } from './events.ts';

/**
 * Staff actions on accounts and the erasure of an account. Every change is
 * audited and published. Admins may suspend and reactivate; only a
 * superadmin changes roles, and nobody changes their own.
 */
export class AdminService {
  constructor(private readonly d: AuthDeps) {}

  async list(principal: Principal | undefined, filter: { email?: string; role?: Role; status?: AccountRow['status'] }, limit: number) {
    requireRole(principal, 'admin');
    return (await this.d.store.listAccounts(filter, limit)).map(toAccount);
  }

  async suspend(principal: Principal | undefined, userId: string, reason: string, ip?: string) {
    const actor = requireRole(principal, 'admin');
    const target = await this.#target(actor, userId);
    if (target.status === 'suspended') throw conflict('This account is already suspended.');
    await this.d.store.transaction(async (trx) => {
      await this.d.store.updateAccount(trx, userId, { status: 'suspended' }, this.d.ctx.clock.now());
      await this.d.sessions.revokeAll(trx, userId, 'suspended');
      await this.d.ctx.audit.record(trx, { actorId: actor.userId, action: 'user.suspended', subjectType: 'user', subjectId: userId, detail: { reason }, ip });
      await this.d.ctx.events.publish(trx, userSuspended, { userId });
    });
  }

  async reactivate(principal: Principal | undefined, userId: string, ip?: string) {
    const actor = requireRole(principal, 'admin');
    const target = await this.#target(actor, userId);
    if (target.status !== 'suspended') throw conflict('This account is not suspended.');
    await this.d.store.transaction(async (trx) => {
      await this.d.store.updateAccount(trx, userId, { status: 'active' }, this.d.ctx.clock.now());
      await this.d.ctx.audit.record(trx, { actorId: actor.userId, action: 'user.reactivated', subjectType: 'user', subjectId: userId, ip });
      await this.d.ctx.events.publish(trx, userReactivated, { userId });
    });
  }

  /** Superadmin only. The person's sessions end so the new role applies at their next sign-in. */
  async changeRole(principal: Principal | undefined, userId: string, role: Role, ip?: string) {
    const actor = requireRole(principal, 'superadmin');
    if (actor.userId === userId) throw forbidden('Nobody changes their own role; ask another superadmin.');
    const target = await this.#target(actor, userId);
    if (target.role === role) return toAccount(target);
    const updated = await this.d.store.transaction(async (trx) => {
      const row = await this.d.store.updateAccount(trx, userId, { role }, this.d.ctx.clock.now());
      await this.d.sessions.revokeAll(trx, userId, 'role changed');
      await this.d.ctx.audit.record(trx, { actorId: actor.userId, action: 'user.role_changed', subjectType: 'user', subjectId: userId, detail: { from: target.role, to: role }, ip });
      await this.d.ctx.events.publish(trx, userRoleChanged, { userId, from: target.role, to: role });
      return row!;
    });
    return toAccount(updated);
  }

  /** individual → agency, for the users module (an agency founded or joined). Never raises anyone further. */
  async becomeProfessional(userId: string) {
    const account = await this.d.store.accountById(userId);
    if (!account || account.status === 'deleted') throw notFound('The user');
    if (account.role !== 'individual' && account.role !== 'public') return;
    await this.d.store.transaction(async (trx) => {
      await this.d.store.updateAccount(trx, userId, { role: 'agency' }, this.d.ctx.clock.now());
      await this.d.ctx.audit.record(trx, { actorId: userId, action: 'user.role_changed', subjectType: 'user', subjectId: userId, detail: { from: account.role, to: 'agency', why: 'agency membership' } });
      await this.d.ctx.events.publish(trx, userRoleChanged, { userId, from: account.role, to: 'agency' });
    });
  }

  /**
   * Erasure: personal values are blanked in the same transaction that
   * publishes `user.deleted`; every module erases its part on that event. The
   * row itself stays (blank) so ids held elsewhere resolve to "deleted".
   */
  async erase(userId: string, actor: { userId: string; ip?: string }) {
    const account = await this.d.store.accountById(userId);
    if (!account || account.status === 'deleted') throw notFound('The user');
    const now = this.d.ctx.clock.now();
    await this.d.store.transaction(async (trx) => {
      await this.d.sessions.revokeAll(trx, userId, 'erased');
      await this.d.store.eraseCredentials(trx, userId);
      await this.d.store.updateAccount(
        trx,
        userId,
        {
          email: `erased-${userId}@erased.invalid`,
          email_verified: false,
          password_hash: null,
          phone: null,
          phone_verified: false,
          display_name: null,
          status: 'deleted',
          role: 'individual',
          deleted_at: now,
        },
        now,
      );
      await this.d.ctx.audit.record(trx, { actorId: actor.userId, action: 'user.erased', subjectType: 'user', subjectId: userId, ip: actor.ip });
      await this.d.ctx.events.publish(trx, userDeleted, { userId });
    });
  }

  /** The account an admin acts on; staff cannot act on staff of equal or higher rank unless superadmin. */
  async #target(actor: Principal, userId: string) {
    const target = await this.d.store.accountById(userId);
    if (!target || target.status === 'deleted') throw notFound('The user');
    if (target.id === actor.userId) throw forbidden('Staff actions cannot target your own account.');
    if (hasRole({ ...actor, role: target.role }, 'admin') && actor.role !== 'superadmin') {
      throw forbidden('Only a superadmin acts on staff accounts.');
    }
    return target;
  }
}
