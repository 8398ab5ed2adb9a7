import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** One migration file: `NNNN_name.sql` in a module's `migrations/` folder. */
export interface Migration {
  module: string;
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationSource {
  module: string;
  dir: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(source: MigrationSource): Migration[] {
  if (!existsSync(source.dir)) return [];
  const files = readdirSync(source.dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const match = FILE.exec(file);
    if (!match) {
      throw new MigrationError(`${source.module}: migration file "${file}" must be named NNNN_name.sql`);
    }
    const text = readFileSync(join(source.dir, file), 'utf8');
    return {
      module: source.module,
      version: Number(match[1]),
      name: match[2]!,
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(`${source.module}: migrations must be numbered 0001, 0002, ... without gaps (found ${m.version} at position ${i + 1})`);
    }
  });
  return migrations;
}

// A fixed key for pg_advisory_xact_lock: two processes migrating at once wait
// for each other instead of racing.
const LOCK_KEY = 7_246_830_001;

/**
 * Applies pending migrations of every source, each in its own transaction, in
 * the order given. Records a checksum per migration and refuses to go on when
 * an applied migration's file was edited since. Returns what it applied.
 */
export async function migrate(db: Database, sources: MigrationSource[]): Promise<Migration[]> {
  const all = sources.flatMap(readMigrations);
  await db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    await sql.raw(`
      create schema if not exists platform;
      create table if not exists platform.migrations (
        module text not null,
        version int not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (module, version)
      );`).execute(trx);
  });

  const applied: Migration[] = [];
  for (const migration of all) {
    const done = await db.kysely.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const { rows } = await sql<{ checksum: string }>`
        select checksum from platform.migrations
        where module = ${migration.module} and version = ${migration.version}`.execute(trx);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `${migration.module}/${String(migration.version).padStart(4, '0')}_${migration.name}.sql was edited after it was applied; ` +
              'an applied migration must not change: revert the edit and add a new migration instead',
          );
        }
        return false;
      }
      await sql.raw(migration.sql).execute(trx);
      await sql`insert into platform.migrations (module, version, name, checksum)
        values (${migration.module}, ${migration.version}, ${migration.name}, ${migration.checksum})`.execute(trx);
      return true;
    });
    if (done) applied.push(migration);
  }
  return applied;
}
