import type { Executor } from '../events/event.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Append-only, hash-chained audit log of sensitive actions (logins, MFA and
 * role changes, exports, erasures). Each row carries the hash of the previous.
 */
export interface AuditLog {
  record(trx: Executor, entry: AuditEntry): Promise<void>;
  /** Recomputes the chain; returns the first broken row, if any. */
  verify(): Promise<{ ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string }>;
}
