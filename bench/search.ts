/**
 * bench/search.ts — the search module at scale: seeds N listings (default
 * 100,000, generated deterministically by @immo/listings), loads them
 * straight into the search index in bulk (secondary indexes dropped during
 * the load and built after it, then ANALYZE), and measures p50/p95/p99 of
 *   (a) suggest, (b) full text + filters + facets, (c) map bbox + filters,
 * each beside a naive baseline (ILIKE scans on an unindexed copy of the same
 * listings) in the same run. On PGlite, and on PostgreSQL too when
 * DATABASE_URL is set (in a fresh database created and dropped here).
 *
 *   npx tsx bench/search.ts [--count 100000] [--runs 120] [--engines pglite,postgres]
 *
 * PGlite loads 100,000 listings slowly (over ten minutes on 2 busy cores):
 * SEARCH_BENCH_PGLITE_COUNT=20000 gives it the first 20,000 listings only
 * (the table says how many each engine had).
 *
 * Prints a table, then one JSON line: {"bench":"search","suggest_p95_ms":...}.
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createLogger, createEventBus, migrate, openPGlite, openPostgres, type Database } from '@immo/platform';
import { loadGeo } from '@immo/geo';
import { generateListings, type ListingSnapshot } from '@immo/listings';
import { bulkLoad, createSearchService, recountSuggestTerms, searchModule, syncCommuneTerms, syncConcepts, type SearchQuery } from '../modules/search/index.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '120' },
    engines: { type: 'string', default: 'pglite,postgres' },
  },
});
const COUNT = Number(values.count);
const RUNS = Number(values.runs);
const DATABASE_URL = process.env.DATABASE_URL;
const PGLITE_COUNT = process.env.SEARCH_BENCH_PGLITE_COUNT ? Number(process.env.SEARCH_BENCH_PGLITE_COUNT) : undefined;
const geo = loadGeo();

interface Stats {
  p50: number;
  p95: number;
  p99: number;
}
type Row = { engine: string; count: number; what: string; ours: Stats; naive: Stats };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
async function measure(runs: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i); // warm-up: plans, caches, lexemes
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), p99: r(percentile(times, 99)) };
}

// ---- what buyers type --------------------------------------------------------

const SUGGEST = ['ixel', 'brux', 'luik', 'bergen', 'antw', 'gent', 'liege', 'schaerb', 'sint-tru', 'namu', 'leuv', '1050', '40', 'stationsstr', 'kerkstr', 'waterl', 'charlerio', 'mechel', 'brugg', 'oosten', 'anderlect', 'woluwe', 'uccle', 'ukkel'];
const SEARCHES: SearchQuery[] = [
  { q: 'appartement Bruxelles', transaction: 'sale', priceMax: 400_000 },
  { q: 'maison jardin', region: 'wallonia' },
  { q: 'huis met tuin Gent' },
  { q: 'villa piscine', priceMin: 500_000 },
  { q: 'studio', transaction: 'rent', priceMax: 800 },
  { q: 'appartement terrasse', bedroomsMin: 2 },
  { q: 'kantoor Antwerpen' },
  { q: 'maison 3 chambres Liège' },
  { q: 'lumineux', epcMax: 'C' },
  { q: 'woning Leuven', transaction: 'sale' },
  { q: 'appart Ixelles', sort: 'price_asc' },
  { q: 'duplex', features: ['terrace'] },
];
/** Naive: every word must appear somewhere in the text (ILIKE), same filters, newest first. */
const NAIVE_SEARCHES: { words: string[]; where: string }[] = [
  { words: ['appartement', 'bruxelles'], where: `transaction = 'sale' and price <= 400000` },
  { words: ['maison', 'jardin'], where: `region = 'wallonia'` },
  { words: ['huis', 'tuin', 'gent'], where: 'true' },
  { words: ['villa', 'piscine'], where: 'price >= 500000' },
  { words: ['studio'], where: `transaction = 'rent' and price <= 800` },
  { words: ['appartement', 'terrasse'], where: 'bedrooms >= 2' },
  { words: ['kantoor', 'antwerpen'], where: 'true' },
  { words: ['maison', 'chambres', 'liège'], where: 'true' },
  { words: ['lumineux'], where: `epc_label in ('A++','A+','A','B','C')` },
  { words: ['woning', 'leuven'], where: `transaction = 'sale'` },
  { words: ['appart', 'ixelles'], where: 'true' },
  { words: ['duplex'], where: `'terrace' = any(features)` },
];
const CITIES = ['21004', '11002', '44021', '62063', '52011', '92094', '24062', '31005', '53053', '21009'].map((nis) => geo.commune(nis)!);
const box = (i: number): [number, number, number, number] => {
  const c = CITIES[i % CITIES.length]!;
  const w = 0.06 + (i % 3) * 0.04; // a city district to a whole city
  return [c.lon - w, c.lat - w * 0.6, c.lon + w, c.lat + w * 0.6];
};

// ---- loading ------------------------------------------------------------------

async function secondaryIndexes(db: Database): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'search' and tablename = 'listings' and indexname <> 'listings_pkey'`.execute(db.kysely);
  return rows.map((r) => r.indexdef).concat(rows.map((r) => `drop:${r.indexname}`));
}

async function load(db: Database, listings: ListingSnapshot[]) {
  await migrate(db, [{ module: 'search', dir: searchModule.migrations! }]);
  await db.kysely.transaction().execute((trx) => syncCommuneTerms(trx, geo.communes()));
  await db.kysely.transaction().execute((trx) => syncConcepts(trx));
  const saved = await secondaryIndexes(db);
  for (const d of saved.filter((s) => s.startsWith('drop:'))) await sql.raw(`drop index search.${d.slice(5)}`).execute(db.kysely);
  const started = performance.now();
  for (let i = 0; i < listings.length; i += 2000) {
    await db.kysely.transaction().execute((trx) => bulkLoad(trx, listings.slice(i, i + 2000), { recount: false }));
    if ((i / 2000) % 10 === 0) process.stderr.write(`  ${db.engine}: ${i + 2000} / ${listings.length} loaded\r`);
  }
  const rowsSeconds = (performance.now() - started) / 1000;
  const indexStart = performance.now();
  for (const def of saved.filter((s) => !s.startsWith('drop:'))) await sql.raw(def).execute(db.kysely);
  await recountSuggestTerms(db.kysely);
  await sql`analyze search.listings`.execute(db.kysely);
  await sql`analyze search.suggest_terms`.execute(db.kysely);
  const indexSeconds = (performance.now() - indexStart) / 1000;

  // the naive baseline: the same listings, their text in one column, no index at all
  await sql`create table search.naive (id uuid, transaction text, type text, price int, bedrooms int, epc_label text, features text[],
    region text, commune_fr text, commune_nl text, postal_code text, street text, lat float8, lon float8, published_at timestamptz, body text)`.execute(db.kysely);
  for (let i = 0; i < listings.length; i += 1000) {
    const part = listings.slice(i, i + 1000).filter((l) => l.status === 'published' || l.status === 'under_offer');
    const col = <T>(f: (l: ListingSnapshot) => T) => part.map(f);
    await sql`insert into search.naive
      select id, transaction, type, price, bedrooms, epc_label, features::text[], region, commune_fr, commune_nl, postal_code, street, lat, lon, published_at, body
      from unnest(
      ${col((l) => l.id)}::uuid[], ${col((l) => l.transaction)}::text[], ${col((l) => l.type)}::text[], ${col((l) => l.price)}::int[],
      ${col((l) => l.bedrooms)}::int[], ${col((l) => l.epc?.label ?? null)}::text[], ${col((l) => `{${l.features.join(',')}}`)}::text[],
      ${col((l) => l.region)}::text[], ${col((l) => l.communeName.fr)}::text[], ${col((l) => l.communeName.nl)}::text[],
      ${col((l) => l.postalCode)}::text[], ${col((l) => (l.address.hidden ? null : l.address.street))}::text[],
      ${col((l) => l.lat)}::float8[], ${col((l) => l.lon)}::float8[], ${col((l) => l.publishedAt)}::timestamptz[],
      ${col((l) => [...Object.values(l.title), ...Object.values(l.description), l.communeName.fr, l.communeName.nl, l.type].join(' '))}::text[])
      as u(id, transaction, type, price, bedrooms, epc_label, features, region, commune_fr, commune_nl, postal_code, street, lat, lon, published_at, body)`.execute(db.kysely);
  }
  await sql`analyze search.naive`.execute(db.kysely);
  const { rows } = await sql<{ n: number; bytes: string }>`select count(*)::int as n, pg_size_pretty(pg_total_relation_size('search.listings')) as bytes from search.listings`.execute(db.kysely);
  return { rowsSeconds, indexSeconds, indexed: rows[0]!.n, size: rows[0]!.bytes };
}

async function run(engine: 'pglite' | 'postgres', all: ListingSnapshot[]): Promise<Row[]> {
  const listings = engine === 'pglite' && PGLITE_COUNT ? all.slice(0, PGLITE_COUNT) : all;
  const count = listings.length;
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  if (engine === 'pglite') {
    db = await openPGlite();
  } else {
    const name = `immo_bench_search_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(DATABASE_URL!);
    url.pathname = `/${name}`;
    db = await openPostgres(url.toString(), 4);
    drop = async () => {
      const dropper = new pg.Client({ connectionString: DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  try {
    const loaded = await load(db, listings);
    console.log(`${engine}: ${loaded.indexed} listings indexed in ${loaded.rowsSeconds.toFixed(1)} s (+ ${loaded.indexSeconds.toFixed(1)} s for indexes and ANALYZE), index ${loaded.size}`);
    const service = createSearchService({
      db,
      geo,
      events: createEventBus({ db, logger: createLogger({ level: 'silent' }) }),
      mail: { send: async () => ({ id: '' }), close: async () => {} },
      listings: () => {
        throw new Error('not used by the bench');
      },
      contactOf: async () => undefined,
    });
    const k = db.kysely;
    const rows: Row[] = [];

    rows.push({
      engine,
      count,
      what: 'suggest',
      ours: await measure(RUNS, (i) => service.suggest({ q: SUGGEST[i % SUGGEST.length]!, lang: i % 2 ? 'nl' : 'fr' })),
      naive: await measure(Math.min(RUNS, 30), (i) => {
        const q = `${SUGGEST[i % SUGGEST.length]!}%`;
        return sql`select distinct commune_fr, commune_nl, postal_code, street from search.naive
          where commune_fr ilike ${q} or commune_nl ilike ${q} or postal_code like ${q} or street ilike ${q} limit 8`.execute(k);
      }),
    });

    rows.push({
      engine,
      count,
      what: 'full text + filters + facets',
      ours: await measure(RUNS, (i) => service.search({ ...SEARCHES[i % SEARCHES.length]!, limit: 20 })),
      naive: await measure(Math.min(RUNS, 30), async (i) => {
        const s = NAIVE_SEARCHES[i % NAIVE_SEARCHES.length]!;
        const where = sql.raw(`${s.where} and ${s.words.map((w) => `body ilike '%${w}%'`).join(' and ')}`);
        await sql`select id, price from search.naive where ${where} order by published_at desc limit 20`.execute(k);
        await sql`select type, count(*) from search.naive where ${where} group by type`.execute(k);
      }),
    });

    rows.push({
      engine,
      count,
      what: 'map bbox + filters',
      ours: await measure(RUNS, (i) => service.searchGeo({ bbox: box(i), transaction: i % 2 ? 'sale' : 'rent', priceMax: i % 2 ? 600_000 : 2_000 })),
      naive: await measure(Math.min(RUNS, 30), (i) => {
        const [minLon, minLat, maxLon, maxLat] = box(i);
        return sql`select id, lat, lon, price, type from search.naive
          where lon between ${minLon} and ${maxLon} and lat between ${minLat} and ${maxLat}
            and transaction = ${i % 2 ? 'sale' : 'rent'} and price <= ${i % 2 ? 600_000 : 2_000}
          order by published_at desc limit 501`.execute(k);
      }),
    });
    return rows;
  } finally {
    await db.close();
    await drop?.();
  }
}

// ---- main -----------------------------------------------------------------------

const generatedStart = performance.now();
const listings = generateListings({ count: COUNT, seed: 'bench-search', now: new Date('2026-11-01T00:00:00Z'), communes: geo.communes() });
console.log(`generated ${listings.length} listings in ${((performance.now() - generatedStart) / 1000).toFixed(1)} s`);

const engines = values.engines.split(',').filter((e) => e === 'pglite' || (e === 'postgres' && DATABASE_URL)) as ('pglite' | 'postgres')[];
const all: Row[] = [];
for (const engine of engines) all.push(...(await run(engine, listings)));

const line = (cells: string[]) => console.log(cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 10 : 30) : c.padStart(10))).join(' '));
console.log('');
line(['engine', 'operation (listings seeded)', 'p50 ms', 'p95 ms', 'p99 ms', 'naive p50', 'naive p95', 'naive p99']);
for (const r of all) line([r.engine, `${r.what} (${r.count})`, ...[r.ours.p50, r.ours.p95, r.ours.p99, r.naive.p50, r.naive.p95, r.naive.p99].map(String)]);

const pick = (engine: string, what: string) => all.find((r) => r.engine === engine && r.what === what);
const summary: Record<string, unknown> = { bench: 'search', count: COUNT };
const primary = engines.includes('postgres') ? 'postgres' : 'pglite';
summary.engine = primary;
summary.suggest_p95_ms = pick(primary, 'suggest')?.ours.p95;
summary.search_facets_p95_ms = pick(primary, 'full text + filters + facets')?.ours.p95;
summary.map_p95_ms = pick(primary, 'map bbox + filters')?.ours.p95;
for (const engine of engines) {
  for (const [key, what] of [['suggest', 'suggest'], ['search_facets', 'full text + filters + facets'], ['map', 'map bbox + filters']] as const) {
    const r = pick(engine, what)!;
    summary[`${engine}_${key}_p50_ms`] = r.ours.p50;
    summary[`${engine}_${key}_p95_ms`] = r.ours.p95;
    summary[`${engine}_${key}_p99_ms`] = r.ours.p99;
    summary[`${engine}_${key}_naive_p95_ms`] = r.naive.p95;
  }
}
console.log(JSON.stringify(summary));
