import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ixellesFlat } from './gdpr-fixtures.ts';
import { call, createDeployment, signUpOverHttp, socketClient, until, type ServerProcess } from './server-processes.ts';

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
  let deployment: Awaited<ReturnType<typeof createDeployment>> | undefined;
  let dataDir: string;
  const sockets: Socket[] = [];
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;

  beforeAll(async () => {
    deployment = await createDeployment('two-nodes');
    dataDir = deployment.dataDir;
    nodeA = await deployment.start('all');
    nodeB = await deployment.start('all');
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await deployment?.stop();
  }, 60_000);

  it('delivers messages sent through node A to the owner connected to node B, live and exactly once', async () => {
    const owner = await signUpOverHttp(nodeA.url, dataDir, { phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` });
    const listing = await call<{ id: string }>(nodeA.url, 'POST', '/v1/listings', { token: owner.accessToken, body: ixellesFlat(), expected: 201 });
    await call(nodeA.url, 'POST', `/v1/listings/${listing.id}/publish`, { token: owner.accessToken, expected: 200 });
    const seeker = await signUpOverHttp(nodeA.url, dataDir);

    const onB = await socketClient(nodeB.url, owner.accessToken);
    sockets.push(onB);
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
    sockets.push(onA);
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
