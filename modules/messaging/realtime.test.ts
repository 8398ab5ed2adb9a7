import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { newId } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest } from '@immo/auth';
import type { MessageView } from './contract.ts';
import { messagingModule } from './index.ts';
import { fakeListing, fakeListingsModule } from '@immo/listings';
import { client, emitWithAck, listenWithSockets, next, ready } from './realtime.fixtures.ts';
import type { SocketServer } from '@immo/notifications';

type User = Awaited<ReturnType<typeof signUpForTest>>;

describe('messaging over Socket.IO at /ws', () => {
  const listings = fakeListingsModule();
  let t: TestApp;
  let url: string;
  let sockets: SocketServer;
  let seeker: User; // A
  let owner: User; // B
  const open: Socket[] = [];
  const connect = async (auth: Record<string, unknown>) => {
    const s = await client(url, auth);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule, listings.module, messagingModule] });
    ({ url, sockets } = await listenWithSockets(t));
    seeker = await signUpForTest(t.app);
    owner = await signUpForTest(t.app);
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await sockets?.close();
    await t?.close();
  });

  it('refuses a socket without a valid access token', async () => {
    await expect(client(url, {})).rejects.toThrow(/unauthorized/);
    await expect(client(url, { token: 'not-a-token' })).rejects.toThrow(/unauthorized/);
  });

  it('A sends, B receives live, B reads, A gets the receipt; B offline then reconnects and gets what it missed exactly once', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const a = await connect({ token: seeker.accessToken });
    const b = await connect({ token: owner.accessToken });

    // first contact over HTTP: B (not yet in the conversation's room) hears of it live
    const bFirst = next<MessageView>(b, 'message:new');
    const started = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { listingId: listing.id, text: 'Bonjour, est-il encore disponible ?' } });
    expect(started.statusCode).toBe(201);
    const conversationId = started.json().conversationId as string;
    expect(await bFirst).toMatchObject({ conversationId, text: 'Bonjour, est-il encore disponible ?', side: 'seeker', senderId: seeker.userId });

    // then over the socket, with an ack
    const bSecond = next<MessageView>(b, 'message:new');
    const ack = await emitWithAck<{ ok: boolean; message: MessageView }>(a, 'message:send', { conversationId, text: 'Je peux visiter samedi.', clientId: 'a-1' });
    expect(ack.ok).toBe(true);
    const received = await bSecond;
    expect(received).toEqual(ack.message);

    // delivery, typing and read receipts flow back to A
    const delivered = next(a, 'message:delivered');
    expect(await emitWithAck(b, 'message:delivered', { conversationId, messageId: received.id })).toMatchObject({ ok: true, moved: true });
    expect(await delivered).toMatchObject({ conversationId, userId: owner.userId, side: 'owner', messageId: received.id, kind: 'delivered' });
    const typing = next(a, 'typing');
    b.emit('typing', { conversationId, typing: true });
    expect(await typing).toEqual({ conversationId, userId: owner.userId, typing: true });
    const receipt = next(a, 'message:read');
    expect(await emitWithAck(b, 'message:read', { conversationId, messageId: received.id })).toMatchObject({ ok: true, moved: true });
    expect(await receipt).toMatchObject({ conversationId, userId: owner.userId, side: 'owner', messageId: received.id });

    // a block (over HTTP) reaches the blocked side live, and so does its end
    const blocked = next(a, 'conversation:blocked');
    expect((await t.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/block`, headers: owner.headers })).statusCode).toBe(204);
    expect(await blocked).toEqual({ conversationId, blocked: true });
    const unblocked = next(a, 'conversation:blocked');
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/conversations/${conversationId}/block`, headers: owner.headers })).statusCode).toBe(204);
    expect(await unblocked).toEqual({ conversationId, blocked: false });

    // presence: A sees B go offline
    expect(await emitWithAck(a, 'presence:get', { conversationId })).toMatchObject({ ok: true, online: { [owner.userId]: true } });
    const offline = next(a, 'presence');
    b.disconnect();
    expect(await offline).toEqual({ userId: owner.userId, online: false });

    // B is offline: A writes twice
    const missed: string[] = [];
    for (const text of ['Samedi 10 h ?', 'Ou dimanche.']) {
      const r = await emitWithAck<{ ok: boolean; message: MessageView }>(a, 'message:send', { conversationId, text });
      missed.push(r.message.id);
    }

    // B reconnects with the last id it holds and gets exactly the two it missed, once, in order
    const seen: MessageView[] = [];
    b.auth = { token: owner.accessToken, lastMessageId: received.id };
    b.on('message:new', (m: MessageView) => seen.push(m));
    await ready(b);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((m) => m.id)).toEqual(missed);
    expect(seen.map((m) => m.text)).toEqual(['Samedi 10 h ?', 'Ou dimanche.']);

    // and is live again
    const live = next<MessageView>(b, 'message:new');
    await emitWithAck(a, 'message:send', { conversationId, text: 'À bientôt' });
    expect((await live).text).toBe('À bientôt');
  });

  it('answers a bad socket message with a problem in the ack, and never leaks another conversation', async () => {
    const stranger = await signUpForTest(t.app);
    const s = await connect({ token: stranger.accessToken });
    expect(await emitWithAck(s, 'message:send', { text: '' })).toMatchObject({ ok: false, error: { status: 400 } });
    const conv = (await t.app.inject({ url: '/v1/conversations', headers: seeker.headers })).json().items[0];
    expect(await emitWithAck(s, 'message:send', { conversationId: conv.id, text: 'hi' })).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await emitWithAck(s, 'sync', { lastId: '00000000-0000-7000-8000-000000000000' })).toEqual({ ok: true, messages: [] });
  });

  it('slows a socket down past 30 messages in 10 seconds with a 429 in the ack', async () => {
    const spammer = await signUpForTest(t.app);
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId } = (await t.app.inject({ method: 'POST', url: '/v1/messages', headers: spammer.headers, payload: { listingId: listing.id, text: 'Bonjour' } })).json();
    const s = await connect({ token: spammer.accessToken });
    const acks = [];
    for (let i = 0; i < 31; i++) acks.push(await emitWithAck<{ ok: boolean; error?: { status: number } }>(s, 'message:send', { conversationId, text: `m${i}` }));
    expect(acks.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(acks[30]).toMatchObject({ ok: false, error: { status: 429 } });
  });

  it('sends again with the same clientId without duplicating the message', async () => {
    const a = await connect({ token: seeker.accessToken });
    const conv = (await t.app.inject({ url: '/v1/conversations', headers: seeker.headers })).json().items[0];
    const first = await emitWithAck<{ message: MessageView }>(a, 'message:send', { conversationId: conv.id, text: 'once', clientId: 'retry-1' });
    const again = await emitWithAck<{ message: MessageView }>(a, 'message:send', { conversationId: conv.id, text: 'once', clientId: 'retry-1' });
    expect(again.message.id).toBe(first.message.id);
  });
});
