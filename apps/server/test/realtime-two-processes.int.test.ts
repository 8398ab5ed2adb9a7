import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ixellesFlat } from './gdpr-fixtures.ts';
import { redisDeployment, type RedisDeployment } from './redis-deployment.ts';
import { call, freePort, signUpOverHttp, socketClient, until, waitUntilReady, type ServerProcess } from './server-processes.ts';

// Two real server processes (`cli.ts all`) on one PostgreSQL database and one
// Redis: a message sent through node A reaches, live and once, the owner's
// socket held by node B. Nothing is shared between the processes but the
// database, Redis and DATA_DIR (read here for the verification mail and SMS).

interface MessageView {
  id: string;
  conversationId: string;
  text: string;
}

describe('two server processes behind one Redis', () => {
  let deployment: RedisDeployment | undefined;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;

  beforeAll(async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    deployment = await redisDeployment('realtime-two-processes', portA);
    // one after the other: two processes opening a fresh database at the same
    // instant race on `create extension if not exists` (openPostgres) and one exits
    nodeA = deployment.spawn(portA);
    await waitUntilReady(nodeA, 120_000);
    nodeB = deployment.spawn(portB);
    await waitUntilReady(nodeB, 120_000);
  }, 180_000);

  afterAll(() => deployment?.close(), 60_000);

  it('delivers messages sent through node A to the owner connected to node B, live and exactly once', async () => {
    const owner = await signUpOverHttp(nodeA.url, deployment!.dataDir, { phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` });
    const listing = await call<{ id: string }>(nodeA.url, 'POST', '/v1/listings', { token: owner.accessToken, body: ixellesFlat(), expected: 201 });
    await call(nodeA.url, 'POST', `/v1/listings/${listing.id}/publish`, { token: owner.accessToken, expected: 200 });
    const seeker = await signUpOverHttp(nodeA.url, deployment!.dataDir);

    const onB = await socketClient(nodeB.url, owner.accessToken);
    deployment!.keep(onB);
    const received: MessageView[] = [];
    onB.on('message:new', (message: MessageView) => received.push(message));
    const arrived = (count: number) => until(() => received.length >= count, `${count} message(s) on node B`);

    // the first message starts the conversation over HTTP on node A
    const first = await call<{ conversationId: string; message: MessageView }>(nodeA.url, 'POST', '/v1/messages', {
      token: seeker.accessToken,
      body: { listingId: listing.id, text: 'Bonjour, est-il encore libre ?' },
      expected: 201,
    });
    await arrived(1);
    expect(received[0]).toEqual(first.message);

    // the next one from the seeker's socket on node A, into the room node B's socket joined through Redis
    const onA = await socketClient(nodeA.url, seeker.accessToken);
    deployment!.keep(onA);
    const sent = (await onA.timeout(5000).emitWithAck('message:send', { conversationId: first.conversationId, text: 'Je peux visiter samedi.' })) as { ok: boolean; message: MessageView };
    expect(sent.ok).toBe(true);
    await arrived(2);
    expect(received[1]).toEqual(sent.message);

    // exactly once: nothing more arrives after a quiet second
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(received.map((m) => m.text)).toEqual(['Bonjour, est-il encore libre ?', 'Je peux visiter samedi.']);
    expect(new Set(received.map((m) => m.id)).size).toBe(2);
  });
});
