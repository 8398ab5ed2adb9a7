import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';

/**
 * The relational store port. `kysely` is typed loosely at this level: each
 * module narrows it with its own table interfaces (see a module's store.ts).
 */
export interface Database {
  readonly engine: 'pglite' | 'postgres';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly kysely: Kysely<any>;
  /** Checks that the database answers; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (counts, sums) and numeric come back as numbers on both engines, so the
// same code sees the same values on PGlite and PostgreSQL.
const INT8 = 20;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

/** Extensions every module may rely on; the same set exists on PostgreSQL. */
export const EXTENSIONS_SQL = `
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists pgcrypto;
create extension if not exists cube;
create extension if not exists earthdistance;
`;

const EXTENSIONS_LOCK_KEY = 7_246_830_002;

/**
 * The planner's cost of a random page read, for every session we open. The
 * default (4.0) assumes spinning disks; on SSDs it keeps GIN bitmap scans out
 * of broad full-text searches, which then read the whole wide search table
 * (bench/search.ts on PostgreSQL 15, 100k listings: search + facets p95
 * 126 ms at 4.0, 82 ms at 1.1).
 */
const RANDOM_PAGE_COST = 1.1;

export interface PGliteOptions {
  /** Folder for the data; undefined keeps everything in memory. */
  dataDir?: string;
  /** A dump made with `dumpDataDir`, to start from a prepared template (tests). */
  loadDataDir?: Blob | File;
}

export interface PGliteDatabase extends Database {
  readonly engine: 'pglite';
  readonly pglite: PGlite;
}

export async function openPGlite(options: PGliteOptions = {}): Promise<PGliteDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, unaccent, pgcrypto, cube, earthdistance },
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) },
    serializers: { [pgliteTypes.INT8]: (v: unknown) => String(v) },
    // track_counts off: PGlite fakes the statistics timer with a JS timeout that can fire inside a
    // statement and leave the WASM backend spinning (modules/search/README.md, "The PGlite hang");
    // without autovacuum here, those counters fed nothing but pg_stat views (ANALYZE still works)
    postgresqlconf: ['min_wal_size = 32MB', 'max_wal_size = 64MB', `random_page_cost = ${RANDOM_PAGE_COST}`, 'track_counts = off'],
  } as ConstructorParameters<typeof PGlite>[0] & { postgresqlconf?: string[] });
  await pglite.exec(EXTENSIONS_SQL);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const kysely = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    pglite,
    kysely,
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c random_page_cost=${RANDOM_PAGE_COST}` });
  // An idle connection the server ends (restart, failover, a test's DROP DATABASE
  // ... WITH (FORCE)) is dropped by the pool; without a listener pg-pool rethrows
  // it as an uncaught exception that kills the process.
  pool.on('error', () => {});
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  // several processes starting at once on a fresh database would race on
  // `create extension` (a unique violation in pg_extension): take turns
  await kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${EXTENSIONS_LOCK_KEY})`.execute(trx);
    await sql.raw(EXTENSIONS_SQL).execute(trx);
  });
  return {
    engine: 'postgres',
    kysely,
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    async close() {
      await kysely.destroy();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, else PGlite in `${dataDir}/pglite`. */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPGlite({ dataDir: join(options.dataDir, 'pglite') });
}
