import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ixellesFlat } from './gdpr-fixtures.ts';
import { call, createDeployment, signUpOverHttp, socketClient, until, type ServerProcess } from './server-processes.ts';

// The same build split by role, as a deployment under load runs it: `api`
// (HTTP only), `worker` (event consumers and jobs) and `realtime` (the
// sockets), three processes on one PostgreSQL and one Redis. What the api
// and the worker push must reach a socket held by the realtime node: they
// have no socket server, so they push through a Redis emitter.

interface MessageView {
  id: string;
  text: string;
}

describe('roles api, worker and realtime in three processes', () => {
  let deployment: Awaited<ReturnType<typeof createDeployment>> | undefined;
  let dataDir: string;
  const sockets: Socket[] = [];
  let api: ServerProcess;
  let realtime: ServerProcess;

  beforeAll(async () => {
    deployment = await createDeployment('split-roles');
    dataDir = deployment.dataDir;
    // the first one migrates the fresh database; the worker is ready when it consumes (the waits below allow for its start)
    api = await deployment.start('api');
    realtime = await deployment.start('realtime');
    await deployment.start('worker');
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await deployment?.stop();
  }, 60_000);

  it('pushes a message sent over HTTP to the api node, and a notification delivered by the worker, to a socket on the realtime node', async () => {
    const owner = await signUpOverHttp(api.url, dataDir, { phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` });
    const seeker = await signUpOverHttp(api.url, dataDir);
    const onRealtime = await socketClient(realtime.url, owner.accessToken);
    sockets.push(onRealtime);
    const messages: MessageView[] = [];
    const notifications: { kind: string; title: string }[] = [];
    const conversations: string[] = [];
    onRealtime.on('message:new', (m: MessageView) => messages.push(m));
    onRealtime.on('notification', (n: { kind: string; title: string }) => notifications.push(n));
    onRealtime.on('conversation:new', (c: { conversationId: string }) => conversations.push(c.conversationId));

    // the worker consumes listing.published and delivers the owner's in-app notification by a job
    const listing = await call<{ id: string }>(api.url, 'POST', '/v1/listings', { token: owner.accessToken, body: ixellesFlat(), expected: 201 });
    await call(api.url, 'POST', `/v1/listings/${listing.id}/publish`, { token: owner.accessToken, expected: 200 });
    await until(() => notifications.some((n) => n.kind === 'listing.status'), 'the listing notification on the realtime node', 60_000);

    // a conversation started over HTTP on the api node: the owner's socket joins its room and gets the message
    const first = await call<{ conversationId: string; message: MessageView }>(api.url, 'POST', '/v1/messages', {
      token: seeker.accessToken,
      body: { listingId: listing.id, text: 'Bonjour, est-il encore libre ?' },
      expected: 201,
    });
    await until(() => messages.length >= 1, 'the first message on the realtime node');
    expect(messages[0]).toEqual(first.message);
    expect(conversations).toEqual([first.conversationId]);

    // the next message over HTTP reaches the room the socket was joined to from the api node
    const second = await call<{ message: MessageView }>(api.url, 'POST', `/v1/messages`, {
      token: seeker.accessToken,
      body: { conversationId: first.conversationId, text: 'Je peux visiter samedi.' },
      expected: 201,
    });
    await until(() => messages.length >= 2, 'the second message on the realtime node');
    expect(messages.map((m) => m.id)).toEqual([first.message.id, second.message.id]);
  }, 120_000);
});
