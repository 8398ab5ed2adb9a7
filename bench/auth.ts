/**
 * bench/auth.ts — what authentication costs.
 *  1. Added latency of access-token verification per request: the same route
 *     measured anonymous and with a bearer token (RS256 verify + revocation
 *     check + principal), with autocannon against a listening server, same run.
 *  2. Token verification alone, in process (µs per token).
 *  3. Logins/s: argon2id verification bounds it; measured through HTTP
 *     (POST /v1/auth/login, every gateway concern on) and as raw argon2 verifies.
 *
 *   npx tsx bench/auth.ts [--seconds 3] [--connections 16]
 */
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { verify } from '@node-rs/argon2';
import { defineModule, loadConfig } from '@immo/platform';
import { ARGON2_PARAMS, authModule, hashPassword, signUpForTest, type AuthApi } from '@immo/auth';
import { startImmo } from '../apps/server/src/app.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, connections: { type: 'string', default: '16' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

// one route that answers the same body whoever calls: only the verification differs
const benchModule = defineModule({
  name: 'bench',
  create: () => ({
    api: {},
    routes(app) {
      app.get('/v1/bench/ping', async () => ({ ok: true }));
    },
  }),
});

const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'immo-bench-auth-')), RATE_LIMIT_PER_MINUTE: '100000000' });
const immo = await startImmo('api', { config, modules: [authModule, benchModule] });
const address = immo.app!.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const user = await signUpForTest(immo.app!);

type Result = { rps: number; p50: number; p99: number; mean: number };
async function measure(path: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; idReplacement?: boolean; connections?: number } = {}) {
  // both variants get the same option shape: only the Authorization header differs
  const result = await autocannon({
    url: `${url}${path}`,
    duration,
    connections: init.connections ?? connections,
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(init.body ? { body: init.body } : {}),
    ...(init.idReplacement ? { idReplacement: true } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average };
}

// Alternate short rounds and keep each variant's median: on a shared machine
// single rounds swing by 2-4x; every round is printed so the spread shows.
const ROUNDS = 5;
await measure('/v1/bench/ping'); // warm-up
const runs: { anonymous: Result[]; authenticated: Result[] } = { anonymous: [], authenticated: [] };
for (let round = 0; round < ROUNDS; round++) {
  // swap the order each round so that neither variant always runs first
  const pair = [
    async () => runs.anonymous.push(await measure('/v1/bench/ping')),
    async () => runs.authenticated.push(await measure('/v1/bench/ping', { headers: user.headers })),
  ];
  for (const run of round % 2 ? pair.reverse() : pair) await run();
}
console.log(`rounds req/s — anonymous: ${runs.anonymous.map((r) => r.rps.toFixed(0)).join(' ')}; bearer: ${runs.authenticated.map((r) => r.rps.toFixed(0)).join(' ')}`);
const median = (list: Result[]) => [...list].sort((a, b) => b.rps - a.rps)[Math.floor(list.length / 2)]!;
const anonymous = median(runs.anonymous);
const authenticated = median(runs.authenticated);

// verification alone
const auth = immo.modules.api<AuthApi>('auth');
let verifyUs = Infinity;
let t0 = 0;
for (let batch = 0; batch < 5; batch++) {
  t0 = performance.now();
  for (let i = 0; i < 500; i++) await auth.verifyAccessToken(user.accessToken);
  verifyUs = Math.min(verifyUs, ((performance.now() - t0) * 1000) / 500);
}

// argon2 alone: one verify, then as many in parallel as the thread pool runs
const hash = await hashPassword('Test-passphrase-for-immo-42');
let argonMs = Infinity;
for (let i = 0; i < 10; i++) {
  t0 = performance.now();
  await verify(hash, 'Test-passphrase-for-immo-42');
  argonMs = Math.min(argonMs, performance.now() - t0);
}
t0 = performance.now();
let done = 0;
await Promise.all(Array.from({ length: 4 }, async () => {
  while (performance.now() - t0 < 3000) {
    await verify(hash, 'Test-passphrase-for-immo-42');
    done++;
  }
}));
const argonPerSecond = done / ((performance.now() - t0) / 1000);

// logins through HTTP: each request from its own forwarded address, so the per-IP route limit does not interfere
const logins = await measure('/v1/auth/login', {
  method: 'POST',
  connections: 8,
  headers: { 'content-type': 'application/json', 'x-forwarded-for': '[<id>]' },
  body: JSON.stringify({ email: user.email, password: 'Test-passphrase-for-immo-42' }),
  idReplacement: true,
});

await immo.close();

const anonRps = anonymous.rps;
const anonMean = anonymous.mean;
const rows: [string, Result][] = [
  ['GET /v1/bench/ping anonymous (median of 5)', anonymous],
  ['GET /v1/bench/ping bearer token (median of 5)', authenticated],
  ['POST /v1/auth/login (argon2id)', logins],
];
console.log(`\nAuth bench — ${duration}s each, ${connections} connections (login: 8), ${cpus().length} cores, ${immo.platform.db.engine}\n`);
console.log('route'.padEnd(46), 'req/s'.padStart(9), 'mean ms'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8));
for (const [name, r] of rows) console.log(name.padEnd(46), r.rps.toFixed(0).padStart(9), r.mean.toFixed(2).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8));
console.log('');
console.log(`token verification in process (best batch of 500): ${verifyUs.toFixed(0)} µs per token (RS256 2048, revocation check in the in-memory cache)`);
// at saturation, 1/throughput is the server time each request costs: the difference is what verification adds
const addedServerMs = 1000 / authenticated.rps - 1000 / anonRps;
console.log(`added per authenticated request: ${(authenticated.mean - anonMean).toFixed(2)} ms mean latency, ${addedServerMs.toFixed(3)} ms of server time (1/throughput); throughput ${((authenticated.rps / anonRps - 1) * 100).toFixed(1)} %`);
console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (shared machine: compare rows of the same run only)`);
console.log(`argon2id m=${ARGON2_PARAMS.memoryCost} KiB t=${ARGON2_PARAMS.timeCost} p=${ARGON2_PARAMS.parallelism}: ${argonMs.toFixed(1)} ms per verify (best of 10), ${argonPerSecond.toFixed(0)} verifies/s with 4 in parallel`);
console.log(JSON.stringify({
  bench: 'auth',
  seconds: duration,
  connections,
  cores: cpus().length,
  engine: immo.platform.db.engine,
  anonymousRps: Math.round(anonRps),
  authenticatedRps: Math.round(authenticated.rps),
  anonymousMeanMs: Number(anonMean.toFixed(2)),
  authenticatedMeanMs: Number(authenticated.mean.toFixed(2)),
  addedLatencyMs: Number((authenticated.mean - anonMean).toFixed(2)),
  addedServerMsPerRequest: Number(addedServerMs.toFixed(3)),
  anonymousRoundsRps: runs.anonymous.map((r) => Math.round(r.rps)),
  authenticatedRoundsRps: runs.authenticated.map((r) => Math.round(r.rps)),
  loadAverage: Number(loadavg()[0]!.toFixed(1)),
  verifyMicroseconds: Math.round(verifyUs),
  loginsPerSecond: Number(logins.rps.toFixed(1)),
  loginP99Ms: logins.p99,
  argon2: { memoryKiB: ARGON2_PARAMS.memoryCost, timeCost: ARGON2_PARAMS.timeCost, parallelism: ARGON2_PARAMS.parallelism, verifyMs: Number(argonMs.toFixed(1)), verifiesPerSecond4Parallel: Math.round(argonPerSecond) },
}));
