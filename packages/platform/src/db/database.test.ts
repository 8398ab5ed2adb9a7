import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from './test-database.ts';
import type { Database } from './database.ts';

describe('database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('answers and returns numbers for counts and numerics on every engine', async () => {
    await db.ping();
    const { rows } = await sql<{ n: number; x: number }>`select count(*) as n, 1.5::numeric as x`.execute(db.kysely);
    expect(rows[0]).toEqual({ n: 1, x: 1.5 });
  });

  it('has the extensions the modules rely on (french/dutch search, unaccent, trigram)', async () => {
    const { rows } = await sql<{ fr: string; nl: string; u: string; sim: number }>`
      select to_tsvector('french', 'appartements lumineux')::text as fr,
             to_tsvector('dutch', 'appartementen')::text as nl,
             unaccent('Liège') as u,
             similarity('Bruxelles', 'Bruxeles') > 0.5 as sim`.execute(db.kysely);
    expect(rows[0]!.fr).toContain('appart');
    expect(rows[0]!.nl).toContain('appartement');
    expect(rows[0]!.u).toBe('Liege');
    expect(rows[0]!.sim).toBe(true);
  });

  it('plans for SSDs: random page reads cost 1.1, so broad full-text searches use their GIN index', async () => {
    const { rows } = await sql<{ random_page_cost: string }>`show random_page_cost`.execute(db.kysely);
    expect(Number(rows[0]!.random_page_cost)).toBe(1.1);
  });

  it('keeps PGlite clear of its statistics timer (track_counts off; PostgreSQL keeps it for autovacuum), planner statistics still from ANALYZE', async () => {
    const { rows } = await sql<{ track_counts: string }>`show track_counts`.execute(db.kysely);
    expect(rows[0]!.track_counts).toBe(db.engine === 'pglite' ? 'off' : 'on');
    await sql`create temporary table t (n int)`.execute(db.kysely);
    await sql`insert into t select generate_series(1, 100)`.execute(db.kysely);
    await sql`analyze t`.execute(db.kysely);
    const stats = await sql<{ n: number }>`select count(*)::int as n from pg_stats where tablename = 't'`.execute(db.kysely);
    expect(stats.rows[0]!.n).toBe(1);
  });

  it('rolls back a failed transaction as a whole', async () => {
    await sql`create table t_rollback (id int primary key)`.execute(db.kysely);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into t_rollback values (1)`.execute(trx);
        await sql`insert into t_rollback values (1)`.execute(trx);
      }),
    ).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*) as n from t_rollback`.execute(db.kysely);
    expect(rows[0]!.n).toBe(0);
  });

  it('keeps concurrent transactions apart', async () => {
    await sql`create table t_counter (id int primary key, n int not null)`.execute(db.kysely);
    await sql`insert into t_counter values (1, 0)`.execute(db.kysely);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.kysely.transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select n from t_counter where id = 1 for update`.execute(trx);
          await sql`update t_counter set n = ${rows[0]!.n + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from t_counter`.execute(db.kysely);
    expect(rows[0]!.n).toBe(10);
  });
});

describe('opening PostgreSQL', () => {
  it('lets several processes start at once on a fresh database (extensions are created in turn)', async () => {
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) {
      // the embedded engine has one opener by construction; this concerns PostgreSQL only
      expect((await createTestDatabase()).engine).toBe('pglite');
      return;
    }
    const { default: pg } = await import('pg');
    const name = `immo_test_ext_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const { openPostgres } = await import('./database.ts');
    try {
      const dbs = await Promise.all(Array.from({ length: 4 }, () => openPostgres(target.toString(), 2)));
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
