import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Executor } from '../events/event.ts';
import type { MigrationSource } from '../migrations/migrator.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';
import { canonicalJson } from './canonical-json.ts';

/** The audit log's tables (schema `platform`), for the composition root's migrate(). */
export const auditMigrations: MigrationSource = {
  module: 'platform_audit',
  dir: fileURLToPath(new URL('./migrations', import.meta.url)),
};

interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

// Field names that hold personal values. The log keeps ids so that erasing a
// person never has to rewrite it; a detail carrying one of these is a bug.
const PERSONAL_FIELD =
  /^(e-?mail|phone|password|token|secret|iban|national_?number|first_?name|last_?name|full_?name|address)$/i;

const BATCH = 1_000;
/** What the first row points to (the head's value in 0001_audit.sql). */
const GENESIS_HASH = '0'.repeat(64);

/** The hash of one row: its fields in canonical JSON, chained to the previous hash. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: row.detail,
    ip: row.ip,
  });
  return createHash('sha256').update(`${row.prev_hash}\n${fields}`).digest('hex');
}

export function createAuditLog(options: { db: Database; clock: Clock }): AuditLog {
  const { db, clock } = options;

  async function append(trx: Executor, entry: AuditEntry) {
    // The head row's lock is held until the caller's transaction ends: the
    // next append waits, then chains onto this one (or onto the previous head
    // if this transaction rolls back, taking its row with it).
    const { rows } = await sql<{ seq: number; hash: string }>`
      select seq, hash from platform.audit_head where singleton for update`.execute(trx);
    const head = rows[0];
    if (!head) throw new Error('platform.audit_head is empty: run the platform_audit migrations');

    const detail = JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>;
    assertNoPersonalFields(detail, entry.action);
    const row: Omit<AuditRow, 'hash'> = {
      seq: Number(head.seq) + 1,
      at: clock.now(),
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail,
      ip: entry.ip ?? null,
      prev_hash: head.hash,
    };
    const hash = auditRowHash(row);
    await sql`
      insert into platform.audit_log (seq, at, actor_id, action, subject_type, subject_id, detail, ip, prev_hash, hash)
      values (${row.seq}, ${row.at.toISOString()}, ${row.actor_id}, ${row.action}, ${row.subject_type}, ${row.subject_id},
              ${JSON.stringify(detail)}::jsonb, ${row.ip}, ${row.prev_hash}, ${hash})`.execute(trx);
    await sql`update platform.audit_head set seq = ${row.seq}, hash = ${hash} where singleton`.execute(trx);
  }

  return {
    async record(trx, entry) {
      // Outside a transaction the lock would be released at once; open one.
      if (trx.isTransaction) await append(trx, entry);
      else await trx.transaction().execute((t) => append(t, entry));
    },

    async verify() {
      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let checked = 0;
      for (;;) {
        const { rows } = await sql<AuditRow>`
          select seq, at, actor_id, action, subject_type, subject_id, detail, ip, prev_hash, hash
          from platform.audit_log where seq >= ${expectedSeq} order by seq limit ${BATCH}`.execute(db.kysely);
        for (const raw of rows) {
          const row = { ...raw, seq: Number(raw.seq), at: new Date(raw.at) };
          if (row.seq !== expectedSeq) {
            return broken(checked, expectedSeq, `row ${expectedSeq} is missing (the next row is ${row.seq})`);
          }
          if (row.prev_hash !== prevHash) {
            return broken(
              checked,
              row.seq,
              `row ${row.seq} does not point to the hash of row ${row.seq - 1}`,
            );
          }
          if (auditRowHash(row) !== row.hash) {
            return broken(
              checked,
              row.seq,
              `row ${row.seq} was changed after it was written (its hash does not match)`,
            );
          }
          prevHash = row.hash;
          expectedSeq++;
          checked++;
        }
        if (rows.length < BATCH) break;
      }

      // The head must point at the last row: rows removed from the end show here.
      const { rows: heads } = await sql<{ seq: number; hash: string }>`
        select seq, hash from platform.audit_head where singleton`.execute(db.kysely);
      const head = heads[0];
      if (head && (Number(head.seq) !== checked || head.hash !== prevHash)) {
        return broken(checked, checked + 1, `the chain ends at row ${checked} but its head says ${head.seq}`);
      }
      return { ok: true as const, rows: checked };
    },
  };
}

function broken(rows: number, brokenAt: number, reason: string) {
  return { ok: false as const, rows, brokenAt, reason };
}

function assertNoPersonalFields(value: unknown, action: string, path = 'detail'): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (!Array.isArray(value) && PERSONAL_FIELD.test(key)) {
      throw new Error(
        `audit "${action}": ${path}.${key} holds personal data; record the person's id instead`,
      );
    }
    assertNoPersonalFields(inner, action, `${path}.${key}`);
  }
}
