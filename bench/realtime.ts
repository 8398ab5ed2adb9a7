/**
 * bench/realtime.ts — delivery latency (p50/p99) and messages/s of chat
 * messages over Socket.IO at /ws with 1,000 connected clients (500
 * conversations, seeker ↔ owner), beside a bare `ws` echo baseline and a bare
 * Socket.IO relay in the same run; and across two nodes through the Redis
 * adapter when REDIS_URL is set.
 *
 *   npx tsx bench/realtime.ts [--seconds 5] [--senders 100] [--clients 1000]
 *   TEST_DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/realtime.ts
 *
 * A "message" on the Immo rows is the real path: message:send → messaging
 * service (transaction: message, conversation, receipt, outbox) → emit to the
 * conversation's room → received by the other side. Latency is measured from
 * the sender's emit to the receiver's handler (all clients live in this
 * process, so they share its 2 cores with the server: figures are a floor
 * for the server, not a load-test of a fleet). Senders run closed loops (the
 * next message after the ack); the other clients stay connected and idle.
 * Sockets are authenticated by a bench stand-in (token = user id): token
 * verification costs once per connection, not per message.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { Server as SocketIoServer } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestDatabase, defineModule, loadConfig, newId, type ModuleContext, type Principal } from '@immo/platform';
import type { ListingsApi, ListingSnapshot } from '@immo/listings';
import { createMessagingModule } from '@immo/messaging';
import { createSocketServer, type SocketServer } from '@immo/notifications';
import { startImmo } from '../apps/server/src/app.ts';

// closed loops send as fast as acks come back: no per-socket send limit here
const messagingModule = createMessagingModule({ sendsPerTenSeconds: Number.POSITIVE_INFINITY });

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, senders: { type: 'string', default: '100' }, clients: { type: 'string', default: '1000' } },
});
const seconds = Number(values.seconds);
const senders = Number(values.senders);
const clients = Number(values.clients);
const pairs = clients / 2;
const redisUrl = process.env.REDIS_URL;

interface Result {
  p50: number;
  p99: number;
  rate: number;
  delivered: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summarize = (latencies: number[], delivered: number): Result => {
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(2), p99: +percentile(sorted, 99).toFixed(2), rate: Math.round(delivered / seconds), delivered };
};
const port = (server: HttpServer) => {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
};
const listen = async (server: HttpServer) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port(server)}`;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connects in batches so that 1,000 handshakes do not all queue at once. */
async function connectMany<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 100) out.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)))));
  return out;
}

/** Closed loops: each sender sends, waits for its ack (or echo), sends again, until the time is up. */
async function closedLoops(count: number, sendOne: (i: number) => Promise<void>) {
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      while (performance.now() < deadline) await sendOne(i);
    }),
  );
}

// ---- baseline 1: bare ws echo ---------------------------------------------

async function bareWsEcho(): Promise<Result> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  const url = (await listen(http)).replace('http', 'ws');
  const sockets = await connectMany(clients, () => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  }));
  const latencies: number[] = [];
  await closedLoops(senders, (i) => new Promise<void>((resolve) => {
    const ws = sockets[i]!;
    ws.once('message', (data) => {
      latencies.push(performance.now() - Number(data.toString()));
      resolve();
    });
    ws.send(String(performance.now()));
  }));
  for (const ws of sockets) ws.terminate();
  wss.close();
  http.close();
  return summarize(latencies, latencies.length);
}

// ---- baseline 2: bare Socket.IO relay (no database) ----------------------------

async function bareSocketIoRelay(): Promise<Result> {
  const http = createServer();
  const io = new SocketIoServer(http, { path: '/ws', serveClient: false });
  io.on('connection', (socket) => {
    socket.join(`u:${socket.handshake.auth.id}`);
    socket.on('relay', (payload: { to: string; t: number }, ack: () => void) => {
      io.to(`u:${payload.to}`).emit('m', payload);
      ack();
    });
  });
  const url = await listen(http);
  const sockets = await connectMany(clients, (i) => new Promise<Socket>((resolve, reject) => {
    const s = connect(url, { path: '/ws', auth: { id: String(i) }, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  }));
  const latencies: number[] = [];
  for (let i = pairs; i < clients; i++) sockets[i]!.on('m', (p: { t: number }) => latencies.push(performance.now() - p.t));
  await closedLoops(senders, async (i) => {
    await sockets[i]!.emitWithAck('relay', { to: String(pairs + i), t: performance.now() });
  });
  await sleep(300);
  for (const s of sockets) s.disconnect();
  io.disconnectSockets(true);
  io.engine.close();
  http.close();
  return summarize(latencies, latencies.length);
}

// ---- Immo: messaging over /ws ----------------------------------------------

const principal = (userId: string): Principal => ({ userId, role: 'individual', agencies: [], mfa: false });

/** Stand-ins: bearer token = user id; listings owned by the bench's owners. */
const listingsById = new Map<string, { id: string; ownerId: string; agencyId: null }>();
const benchAuth = defineModule({
  name: 'auth',
  create: () => ({
    api: {},
    async authenticate(request) {
      const header = request.headers.authorization;
      return header ? principal(header.slice('Bearer '.length)) : undefined;
    },
  }),
});
const benchListings = defineModule<ListingsApi>({
  name: 'listings',
  create: () => ({
    api: {
      get: async (id) => listingsById.get(id) as unknown as ListingSnapshot | undefined,
      getMany: async () => [],
      snapshotsForReindex: async () => [],
      isOwnerOrAgent: async (p, id) => listingsById.get(id)?.ownerId === p.userId,
      readFor: async (_p, id) => listingsById.get(id) as unknown as ListingSnapshot | undefined,
      priceHistories: async (_p, ids) => ids.map(() => undefined),
    },
  }),
});

interface ChatNode {
  url: string;
  sockets: SocketServer;
  close(): Promise<void>;
}

async function chatRun(seekerUrl: string, ownerUrl: string, people: { seekers: string[]; owners: string[]; conversations: string[] }): Promise<Result> {
  const open = (url: string, id: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = connect(url, { path: '/ws', auth: { token: id }, transports: ['websocket'], reconnection: false, forceNew: true });
      s.once('ready', () => resolve(s));
      s.once('connect_error', reject);
    });
  const seekerSockets = await connectMany(pairs, (i) => open(seekerUrl, people.seekers[i]!));
  const ownerSockets = await connectMany(pairs, (i) => open(ownerUrl, people.owners[i]!));
  const latencies: number[] = [];
  for (const s of ownerSockets) s.on('message:new', (m: { text: string }) => latencies.push(performance.now() - Number(m.text)));
  let failures = 0;
  await closedLoops(senders, async (i) => {
    const ack = (await seekerSockets[i]!.emitWithAck('message:send', { conversationId: people.conversations[i], text: String(performance.now()) })) as { ok: boolean };
    if (!ack.ok) failures++;
  });
  await sleep(500);
  if (failures) throw new Error(`${failures} sends failed`);
  for (const s of [...seekerSockets, ...ownerSockets]) s.disconnect();
  return summarize(latencies, latencies.length);
}

async function main() {
  const baseline = await bareWsEcho();
  const relay = await bareSocketIoRelay();

  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'immo-bench-rt-')), RATE_LIMIT_PER_MINUTE: '1000000000' });
  const immo = await startImmo('api', { config, db, modules: [benchAuth, benchListings, messagingModule] });
  const app = immo.app!;

  // 500 conversations, each started over HTTP by its seeker
  const people = { seekers: [] as string[], owners: [] as string[], conversations: [] as string[] };
  for (let i = 0; i < pairs; i++) {
    const seeker = newId();
    const owner = newId();
    const listingId = newId();
    listingsById.set(listingId, { id: listingId, ownerId: owner, agencyId: null });
    const res = await app.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${seeker}` }, payload: { listingId, text: 'Bonjour' } });
    if (res.statusCode !== 201) throw new Error(`setup: ${res.statusCode} ${res.body}`);
    people.seekers.push(seeker);
    people.owners.push(owner);
    people.conversations.push(res.json().conversationId);
  }

  const authenticate = async (token: string) => principal(token);
  const ctx: ModuleContext = { ...immo.platform, module: <Api,>(name: string) => immo.modules.api<Api>(name), gdpr: { exportUser: async () => ({}) } };
  /** A node: its own HTTP server, Socket.IO server and messaging instance, on the shared database. */
  const node = async (redis?: { url: string; key: string }): Promise<ChatNode> => {
    const http = createServer();
    const url = await listen(http);
    const sockets = await createSocketServer(http, { authenticate, redisUrl: redis?.url, redisKey: redis?.key });
    const instance = await messagingModule.create(ctx);
    await instance.realtime!(sockets.io);
    return { url, sockets, close: async () => (await sockets.close(), await new Promise<void>((r) => http.close(() => r()))) };
  };

  const single = await node();
  const oneNode = await chatRun(single.url, single.url, people);
  await single.close();

  let twoNodes: Result | undefined;
  if (redisUrl) {
    const key = `immo-bench-${newId()}`;
    const a = await node({ url: redisUrl, key });
    const b = await node({ url: redisUrl, key });
    twoNodes = await chatRun(a.url, b.url, people);
    await a.close();
    await b.close();
  }

  const engine = immo.platform.db.engine;
  await immo.close();

  const rows: [string, Result][] = [
    ['bare ws echo (baseline)', baseline],
    ['bare Socket.IO relay, no DB', relay],
    [`Immo chat, 1 node (${engine})`, oneNode],
    ...(twoNodes ? [[`Immo chat, 2 nodes + Redis (${engine})`, twoNodes] as [string, Result]] : []),
  ];
  console.log(`\nRealtime bench — ${clients} connected clients, ${senders} closed-loop senders, ${seconds}s each\n`);
  console.log('path'.padEnd(40), 'msg/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'msg/s vs ws'.padStart(12));
  for (const [name, r] of rows) {
    console.log(name.padEnd(40), String(r.rate).padStart(8), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8), (r.rate / baseline.rate).toFixed(3).padStart(12));
  }
  if (!redisUrl) console.log('\n(two nodes: set REDIS_URL to measure across two Socket.IO servers through Redis)');
  console.log(
    JSON.stringify({
      bench: 'realtime',
      engine,
      clients,
      senders,
      seconds,
      ws_echo_rate: baseline.rate,
      ws_echo_p50_ms: baseline.p50,
      ws_echo_p99_ms: baseline.p99,
      socketio_relay_rate: relay.rate,
      socketio_relay_p50_ms: relay.p50,
      socketio_relay_p99_ms: relay.p99,
      one_node_rate: oneNode.rate,
      one_node_p50_ms: oneNode.p50,
      one_node_p99_ms: oneNode.p99,
      two_nodes_rate: twoNodes?.rate ?? null,
      two_nodes_p50_ms: twoNodes?.p50 ?? null,
      two_nodes_p99_ms: twoNodes?.p99 ?? null,
    }),
  );
}

await main();
process.exit(0);
