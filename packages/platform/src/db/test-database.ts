import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPGlite, openPostgres, type Database } from './database.ts';
import { migrate, readMigrations, type MigrationSource } from '../migrations/migrator.ts';

/**
 * A fresh database for one test: a new PostgreSQL database when
 * TEST_DATABASE_URL (or DATABASE_URL) is set — the CI integration pass — else
 * an in-memory PGlite started from a cached template (0.6 s instead of 2 s).
 *
 * With `migrated`, PGlite starts from a template on which those migrations
 * already ran (cached per set of migration files, by content), so a test that
 * composes the whole server does not apply every module's migrations again;
 * the caller's own migrate() then finds nothing to do. PostgreSQL databases
 * start empty and are migrated by the caller, as in production.
 */
export async function createTestDatabase(options: { migrated?: MigrationSource[] } = {}): Promise<Database> {
  // eslint-disable-next-line no-restricted-properties -- tests choose their engine like the CI does
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) return createPostgresTestDatabase(url);
  return openPGlite({ loadDataDir: await pgliteTemplate(options.migrated ?? []) });
}

async function createPostgresTestDatabase(url: string): Promise<Database> {
  const name = `immo_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString(), 5);
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

const TEMPLATE_VERSION = 'v2';

/** The template's file: one per set of migrations, named by the hash of their contents. */
function templateFile(sources: MigrationSource[]): string {
  const hash = createHash('sha256').update(TEMPLATE_VERSION);
  for (const m of sources.flatMap(readMigrations)) hash.update(`${m.module}/${m.version}/${m.checksum}\n`);
  return join(tmpdir(), 'immo-pglite-template', `${sources.length ? hash.digest('hex').slice(0, 16) : 'empty'}.tar`);
}

async function pgliteTemplate(sources: MigrationSource[]): Promise<Blob> {
  const file = templateFile(sources);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  mkdirSync(dirname(file), { recursive: true });
  const db = sources.length ? await openPGlite({ loadDataDir: await pgliteTemplate([]) }) : await openPGlite();
  if (sources.length) await migrate(db, sources);
  const blob = await db.pglite.dumpDataDir('none');
  await db.close();
  // written aside, then renamed: test files started together never read half a template
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  return blob;
}
