import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { migrate } from '../migrations/migrator.ts';
import type { AuditLog } from './audit-log.ts';
import { auditMigrations, auditRowHash, createAuditLog } from './hash-chained-audit-log.ts';

describe('hash-chained audit log', () => {
  let db: Database;
  let clock: ManualClock;
  let audit: AuditLog;
  // One database for the file (creating one costs a second or two); each test
  // starts from an empty chain with the append-only triggers on.
  beforeAll(async () => {
    db = await createTestDatabase();
    await migrate(db, [auditMigrations]);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await sql
      .raw(
        `
      alter table platform.audit_log disable trigger user;
      truncate platform.audit_log;
      alter table platform.audit_log enable trigger user;
      update platform.audit_head set seq = 0, hash = repeat('0', 64);`,
      )
      .execute(db.kysely);
    clock = new ManualClock('2026-05-01T08:00:00.123Z');
    audit = createAuditLog({ db, clock });
  });

  const entry = (n: number) => ({
    actorId: `user-${n % 3}`,
    action: 'user.role.changed',
    subjectType: 'user',
    subjectId: `user-${n}`,
    detail: { from: 'individual', to: 'agency', n, nested: { z: 1, a: [true, null, 'é'] } },
    ip: '203.0.113.7',
  });

  const rows = async () =>
    (
      await sql<{
        seq: number;
        subject_id: string;
      }>`select seq, subject_id from platform.audit_log order by seq`.execute(db.kysely)
    ).rows;

  it('keeps one valid chain when 20 appends race, each in its own transaction', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        db.kysely.transaction().execute(async (trx) => {
          await audit.record(trx, entry(n));
        }),
      ),
    );
    expect(await audit.verify()).toEqual({ ok: true, rows: 20 });
    const written = await rows();
    expect(written.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(written.map((r) => r.subject_id)).size).toBe(20);
  });

  it('records outside a transaction too, and an empty log verifies', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
    await audit.record(db.kysely, {
      actorId: null,
      action: 'system.started',
      subjectType: 'system',
      subjectId: null,
    });
    await audit.record(db.kysely, entry(1));
    expect(await audit.verify()).toEqual({ ok: true, rows: 2 });
  });

  it('writes nothing when the caller rolls back, and the chain goes on from the last kept row', async () => {
    await audit.record(db.kysely, entry(1));
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await audit.record(trx, entry(2));
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');
    await audit.record(db.kysely, entry(3));
    expect((await rows()).map((r) => r.subject_id)).toEqual(['user-1', 'user-3']);
    expect(await audit.verify()).toEqual({ ok: true, rows: 2 });
  });

  it('refuses updates, deletes and truncation in the database itself', async () => {
    await audit.record(db.kysely, entry(1));
    await expect(sql`update platform.audit_log set action = 'x'`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from platform.audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate platform.audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    expect(await audit.verify()).toEqual({ ok: true, rows: 1 });
  });

  it('detects a row whose detail was altered, at that row', async () => {
    for (let n = 1; n <= 6; n++) {
      await audit.record(db.kysely, entry(n));
      clock.advance(1_000);
    }
    await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(db.kysely);
    await sql`update platform.audit_log set detail = jsonb_set(detail, '{to}', '"admin"') where seq = 4`.execute(
      db.kysely,
    );
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, rows: 3, brokenAt: 4 });
    expect(!result.ok && result.reason).toMatch(/row 4 was changed/);
  });

  it('detects a rewritten row whose own hash was recomputed, at the next row', async () => {
    for (let n = 1; n <= 4; n++) await audit.record(db.kysely, entry(n));
    await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(db.kysely);
    // A forger who rewrites row 2 and recomputes its hash still cannot fix row 3's link to it.
    const {
      rows: [row2],
    } = await sql<Parameters<typeof auditRowHash>[0]>`
      select seq, at, actor_id, action, subject_type, subject_id, detail, ip, prev_hash
      from platform.audit_log where seq = 2`.execute(db.kysely);
    const forged = { ...row2!, detail: { ...row2!.detail, to: 'superadmin' } };
    await sql`update platform.audit_log set detail = ${JSON.stringify(forged.detail)}::jsonb, hash = ${auditRowHash(forged)}
      where seq = 2`.execute(db.kysely);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, rows: 2, brokenAt: 3 });
    expect(!result.ok && result.reason).toMatch(/row 3 does not point to the hash of row 2/);
  });

  it('detects a row deleted in the middle and rows cut from the end', async () => {
    for (let n = 1; n <= 5; n++) await audit.record(db.kysely, entry(n));
    await sql`alter table platform.audit_log disable trigger audit_log_append_only`.execute(db.kysely);
    await sql`delete from platform.audit_log where seq = 3`.execute(db.kysely);
    const middle = await audit.verify();
    expect(middle).toMatchObject({ ok: false, rows: 2, brokenAt: 3 });
    expect(!middle.ok && middle.reason).toMatch(/row 3 is missing/);

    await sql`delete from platform.audit_log where seq >= 3`.execute(db.kysely);
    expect(await audit.verify()).toMatchObject({ ok: false, rows: 2, brokenAt: 3 });
  });

  it('refuses personal values in the detail: the log keeps ids', async () => {
    await expect(
      audit.record(db.kysely, { ...entry(1), detail: { invitee: { email: 'someone@example.be' } } }),
    ).rejects.toThrow(/detail\.invitee\.email holds personal data/);
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
  });
});
