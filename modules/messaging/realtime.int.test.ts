import { createServer, type Server as HttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { newId, type ModuleContext } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest, type AuthApi } from '@immo/auth';
import { createSocketServer, type SocketServer } from '@immo/notifications';
import type { MessageView } from './contract.ts';
import { messagingModule } from './index.ts';
import { fakeListing, fakeListingsModule } from '@immo/listings';
import { client, emitWithAck, listenWithSockets, next } from './realtime.fixtures.ts';

// Two nodes behind one Redis: node A is the composed test app; node B runs a
// second instance of the messaging module on the same database with its own
// HTTP server and Socket.IO server. Both are in this test process, on two
// ports (spawning two server processes would add ~10 s of start-up for the
// same proof: every byte between the nodes goes through Redis pub/sub).

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('messaging across two nodes through the Socket.IO Redis adapter', () => {
  const listings = fakeListingsModule();
  const redisKey = `immo-test-${newId()}`;
  let t: TestApp;
  let nodeA: { url: string; sockets: SocketServer };
  let httpB: HttpServer;
  let socketsB: SocketServer;
  let urlB: string;
  const open: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule, listings.module, messagingModule] });
    nodeA = await listenWithSockets(t, { redisUrl, redisKey });

    const ctx: ModuleContext = {
      ...t.platform,
      module: <Api,>(name: string) => t.modules.api<Api>(name),
      gdpr: { exportUser: async () => ({}) },
    };
    const messagingB = await messagingModule.create(ctx);
    httpB = createServer();
    await new Promise<void>((resolve) => httpB.listen(0, '127.0.0.1', resolve));
    socketsB = await createSocketServer(httpB, { authenticate: (token) => t.modules.api<AuthApi>('auth').verifyAccessToken(token), redisUrl, redisKey });
    await messagingB.realtime!(socketsB.io);
    messagingB.live!(socketsB.io);
    const address = httpB.address();
    urlB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await socketsB?.close();
    await new Promise((r) => httpB?.close(r));
    await nodeA?.sockets.close();
    await t?.close();
  });

  it('delivers a message sent on node A to a client on node B, and B\'s receipt back to A', async () => {
    const seeker = await signUpForTest(t.app);
    const owner = await signUpForTest(t.app);
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId } = (await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { listingId: listing.id, text: 'Premier contact' } })).json();

    const onA = await client(nodeA.url, { token: seeker.accessToken });
    const onB = await client(urlB, { token: owner.accessToken });
    open.push(onA, onB);

    const arrived = next<MessageView>(onB, 'message:new');
    const sent = await emitWithAck<{ ok: boolean; message: MessageView }>(onA, 'message:send', { conversationId, text: 'Envoyé sur le nœud A' });
    expect(sent.ok).toBe(true);
    expect(await arrived).toEqual(sent.message);

    const receipt = next(onA, 'message:read');
    expect(await emitWithAck(onB, 'message:read', { conversationId, messageId: sent.message.id })).toMatchObject({ ok: true, moved: true });
    expect(await receipt).toMatchObject({ userId: owner.userId, messageId: sent.message.id });

    // presence is answered across nodes too
    expect(await emitWithAck(onA, 'presence:get', { conversationId })).toMatchObject({ online: { [owner.userId]: true } });
  });

  it('reaches a client on node B when a new conversation starts on node A', async () => {
    const seeker = await signUpForTest(t.app);
    const owner = await signUpForTest(t.app);
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const onB = await client(urlB, { token: owner.accessToken });
    open.push(onB);
    const arrived = next<MessageView>(onB, 'message:new');
    const res = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { listingId: listing.id, text: 'Bonjour depuis A' } });
    expect((await arrived).text).toBe('Bonjour depuis A');
    // and B's socket joined the new conversation's room on its own node
    const second = next<MessageView>(onB, 'message:new');
    await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { conversationId: res.json().conversationId, text: 'Suite' } });
    expect((await second).text).toBe('Suite');
  });
});
