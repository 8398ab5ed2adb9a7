import { forbidden, hasRole, notFound, type ModuleContext, type Principal } from '@immo/platform';
import type { AuthApi } from '@immo/auth';
import type { UsersStore } from './store.ts';
import { requireSelf } from './access.ts';

/** GDPR rights: export of everything every module holds, and erasure. */
export class PrivacyService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly store: UsersStore,
    private readonly auth: AuthApi,
  ) {}

  /** The person (or a superadmin answering a request) gets every module's contribution; audited. */
  async export(principal: Principal | undefined, userId: string, format: 'json' | 'csv', ip?: string) {
    const p = requireSelf(principal, userId, { staff: 'superadmin' });
    const account = await this.auth.getAccount(userId);
    if (!account || account.status === 'deleted') throw notFound('The user');
    const data = await this.ctx.gdpr.exportUser(userId);
    await this.auth.audit({ actorId: p.userId, action: 'user.exported', subjectType: 'user', subjectId: userId, detail: { format }, ip });
    const document = { exportedAt: this.ctx.clock.now().toISOString(), userId, modules: data };
    return format === 'json' ? { contentType: 'application/json', body: JSON.stringify(document, null, 2) } : { contentType: 'text/csv; charset=utf-8', body: toCsv(data) };
  }

  /**
   * Erases the person: pending invitations to their address go first (the
   * address is gone afterwards), then auth blanks the account and publishes
   * `user.deleted`, on which every module (this one included) erases its part.
   */
  async erase(principal: Principal | undefined, userId: string, ip?: string) {
    const p = requireSelf(principal, userId, { staff: 'admin' });
    const account = await this.auth.getAccount(userId);
    if (!account || account.status === 'deleted') throw notFound('The user');
    if (p.userId !== userId && hasRole({ ...p, role: account.role }, 'admin') && p.role !== 'superadmin') {
      throw forbidden('Only a superadmin erases a staff account.');
    }
    await this.store.deleteInvitationsTo(this.store.db, account.email);
    await this.auth.eraseAccount(userId, { userId: p.userId, ip });
  }
}

/** One row per value: module, kind, record index, field path, value. Opens in any spreadsheet. */
export function toCsv(data: Record<string, unknown>): string {
  const lines = [['module', 'kind', 'record', 'field', 'value']];
  for (const [module, kinds] of Object.entries(data)) {
    for (const [kind, records] of Object.entries((kinds ?? {}) as Record<string, unknown>)) {
      const list = Array.isArray(records) ? records : [records];
      list.forEach((record, index) => {
        for (const [field, value] of flatten(record)) lines.push([module, kind, String(index), field, value]);
      });
    }
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [[prefix || 'value', '']];
  if (value instanceof Date) return [[prefix || 'value', value.toISOString()]];
  if (typeof value !== 'object') return [[prefix || 'value', String(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (!entries.length) return [[prefix || 'value', '']];
  return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function csvCell(cell: string): string {
  // a leading = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
