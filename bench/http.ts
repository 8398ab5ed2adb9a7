/**
 * bench/http.ts — requests/s and p99 latency of a DB-backed read route and of
 * /healthz on the composed Immo server (every gateway concern on), each beside
 * a bare Fastify hello-world measured in the same run with autocannon.
 *
 *   npx tsx bench/http.ts [--seconds 8] [--connections 16]
 */
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '@immo/platform';
import { startImmo } from '../apps/server/src/app.ts';
import { notesModule } from '../apps/server/test/notes-module.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, connections: { type: 'string', default: '16' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function measure(url: string, init?: { method?: 'GET' | 'POST'; body?: string }) {
  const result = await autocannon({ url, duration, connections, method: init?.method ?? 'GET', body: init?.body, headers: { 'content-type': 'application/json' } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

// bare Fastify: the baseline
const bare = Fastify();
bare.get('/hello', async () => ({ hello: 'world' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

// Immo, embedded defaults (PGlite), with a DB-backed read route
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'immo-bench-')), RATE_LIMIT_PER_MINUTE: '100000000' });
const immo = await startImmo('api', { config, modules: [notesModule] });
const address = immo.app!.server.address();
const immoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const created = await fetch(`${immoUrl}/v1/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Appartement à Ixelles', stars: 4 }) });
const { id } = (await created.json()) as { id: string };

await measure(`${bareUrl}/hello`); // warm-up
const baseline = await measure(`${bareUrl}/hello`);
const health = await measure(`${immoUrl}/healthz`);
const dbRead = await measure(`${immoUrl}/v1/notes/${id}`);

await immo.close();
await bare.close();

const rows = [
  ['bare Fastify hello (baseline)', baseline],
  ['Immo /healthz', health],
  [`Immo DB read (${immo.platform.db.engine})`, dbRead],
] as const;
console.log(`\nHTTP bench — ${duration}s each, ${connections} connections\n`);
console.log('route'.padEnd(34), 'req/s'.padStart(10), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'rps vs bare'.padStart(12), 'p99 vs bare'.padStart(12));
for (const [name, r] of rows) {
  console.log(
    name.padEnd(34),
    r.rps.toFixed(0).padStart(10),
    String(r.p50).padStart(8),
    String(r.p99).padStart(8),
    (r.rps / baseline.rps).toFixed(2).padStart(12),
    (r.p99 / Math.max(baseline.p99, 1)).toFixed(2).padStart(12),
  );
}
console.log(
  JSON.stringify({
    bench: 'http',
    engine: immo.platform.db.engine,
    bare_rps: Math.round(baseline.rps),
    bare_p99_ms: baseline.p99,
    healthz_rps: Math.round(health.rps),
    healthz_p99_ms: health.p99,
    db_read_rps: Math.round(dbRead.rps),
    db_read_p99_ms: dbRead.p99,
    healthz_rps_ratio: +(health.rps / baseline.rps).toFixed(3),
    db_read_rps_ratio: +(dbRead.rps / baseline.rps).toFixed(3),
  }),
);
process.exit(0);
