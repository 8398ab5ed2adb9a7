import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/database.ts';
import { migrate, MigrationError } from './migrator.ts';

function moduleWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'immo-mig-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('migrations', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.close());

  const files = {
    '0001_init.sql': 'create schema shop; create table shop.items (id int primary key, name text not null);',
    '0002_price.sql': 'alter table shop.items add column price int;',
  };

  it('applies in order, once, and is safe to run twice', async () => {
    const dir = moduleWith(files);
    const first = await migrate(db, [{ module: 'shop', dir }]);
    expect(first.map((m) => m.version)).toEqual([1, 2]);
    const second = await migrate(db, [{ module: 'shop', dir }]);
    expect(second).toEqual([]);
    await sql`insert into shop.items (id, name, price) values (1, 'a', 3)`.execute(db.kysely);
  });

  it('is safe from two runners at once', async () => {
    const dir = moduleWith(files);
    const [a, b] = await Promise.all([migrate(db, [{ module: 'shop', dir }]), migrate(db, [{ module: 'shop', dir }])]);
    expect(a.length + b.length).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*) as n from platform.migrations`.execute(db.kysely);
    expect(rows[0]!.n).toBe(2);
  });

  it('refuses an edited migration with a clear message', async () => {
    const dir = moduleWith(files);
    await migrate(db, [{ module: 'shop', dir }]);
    writeFileSync(join(dir, '0001_init.sql'), files['0001_init.sql'] + ' -- edited');
    await expect(migrate(db, [{ module: 'shop', dir }])).rejects.toThrow(
      /shop\/0001_init\.sql was edited after it was applied/,
    );
  });

  it('leaves nothing behind from a migration that fails', async () => {
    const dir = moduleWith({
      '0001_init.sql': 'create schema broken; create table broken.t (id int); select * from nowhere;',
    });
    await expect(migrate(db, [{ module: 'broken', dir }])).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from information_schema.schemata where schema_name = 'broken'`.execute(db.kysely);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a badly named file', async () => {
    const dir = moduleWith({ 'init.sql': 'select 1' });
    await expect(migrate(db, [{ module: 'x', dir }])).rejects.toThrow(MigrationError);
  });
});
