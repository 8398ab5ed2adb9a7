import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock, newId } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { agentsOf, authModule, signUpForTest, userDeleted, type AuthApi } from '@immo/auth';
import { messagingModule } from './index.ts';
import { fakeListing, fakeListingsModule } from '@immo/listings';

type User = Awaited<ReturnType<typeof signUpForTest>>;

describe('messaging over HTTP', () => {
  const clock = new ManualClock('2026-02-02T09:00:00Z');
  const listings = fakeListingsModule();
  const agencyId = newId();
  let t: TestApp;
  let seeker: User;
  let owner: User;
  let agentA: User;
  let agentB: User;
  let stranger: User;

  const send = (who: User, payload: object) => t.app.inject({ method: 'POST', url: '/v1/messages', headers: who.headers, payload });
  const conversations = async (who: User, query = '') => (await t.app.inject({ url: `/v1/conversations${query}`, headers: who.headers })).json();
  const tick = () => clock.advance(1000);

  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule, listings.module, messagingModule], clock });
    seeker = await signUpForTest(t.app);
    owner = await signUpForTest(t.app);
    stranger = await signUpForTest(t.app);
    // the users module puts agency memberships into tokens; here a stand-in does, for two agents
    const asAgent = agentsOf(t.app, t.modules.api<AuthApi>('auth'), agencyId);
    agentA = await asAgent();
    agentB = await asAgent();
  });
  afterAll(() => t?.close());

  it('starts one conversation per seeker and listing, pages messages by keyset and counts unread', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const first = await send(seeker, { listingId: listing.id, text: 'Bonjour' });
    expect(first.statusCode).toBe(201);
    const conversationId = first.json().conversationId;
    tick();
    expect((await send(seeker, { listingId: listing.id, text: 'Encore moi' })).json().conversationId).toBe(conversationId);
    for (let i = 0; i < 5; i++) {
      tick();
      await send(owner, { conversationId, text: `Réponse ${i}` });
    }
    const seekerView = (await conversations(seeker)).items.find((c: { id: string }) => c.id === conversationId);
    expect(seekerView).toMatchObject({ side: 'seeker', unread: 5, lastMessage: { text: 'Réponse 4', side: 'owner' } });
    expect((await conversations(owner)).items[0]).toMatchObject({ id: conversationId, side: 'owner', unread: 0 });

    const page1 = (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?limit=3`, headers: seeker.headers })).json();
    expect(page1.items.map((m: { text: string }) => m.text)).toEqual(['Réponse 4', 'Réponse 3', 'Réponse 2']);
    const page2 = (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?limit=3&cursor=${page1.nextCursor}`, headers: seeker.headers })).json();
    expect(page2.items.map((m: { text: string }) => m.text)).toEqual(['Réponse 1', 'Réponse 0', 'Encore moi']);
    const after = (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?after=${page2.items[0].id}`, headers: seeker.headers })).json();
    expect(after.items.map((m: { text: string }) => m.text)).toEqual(['Réponse 2', 'Réponse 3', 'Réponse 4']);

    expect((await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/read`, headers: seeker.headers, payload: { messageId: page1.items[1].id } })).json()).toEqual({ moved: true });
    expect((await conversations(seeker)).items.find((c: { id: string }) => c.id === conversationId).unread).toBe(1);
    expect((await conversations(owner)).items[0].readByOtherUpTo).toBe(page1.items[1].id);
    const read = await sql<{ payload: { readerId: string } }>`select payload from platform.outbox where name = 'message.read'`.execute(t.platform.db.kysely);
    expect(read.rows.at(-1)!.payload.readerId).toBe(seeker.userId);
    const sent = await sql<{ payload: Record<string, unknown> }>`select payload from platform.outbox where name = 'message.sent' order by id`.execute(t.platform.db.kysely);
    expect(sent.rows[0]!.payload).toMatchObject({ conversationId, senderId: seeker.userId, senderSide: 'seeker', recipientIds: [owner.userId] });
    expect(JSON.stringify(sent.rows)).not.toContain('Bonjour');
  });

  it('hides a conversation from anyone else (404) and refuses bad input with a problem', async () => {
    const { items } = await conversations(seeker);
    const id = items[0].id;
    expect((await t.app.inject({ url: `/v1/conversations/${id}/messages`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await send(stranger, { conversationId: id, text: 'intrus' })).statusCode).toBe(404);
    const bad = await send(seeker, { conversationId: id, listingId: id, text: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await send(owner, { listingId: listings.add(fakeListing(newId(), owner.userId)).id, text: 'moi-même' })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/v1/conversations' })).statusCode).toBe(401);
  });

  it('shows an agency listing\'s conversation to every agent of the agency', async () => {
    const listing = listings.add(fakeListing(newId(), agentA.userId, agencyId));
    const { conversationId } = (await send(seeker, { listingId: listing.id, text: 'Pour l\'agence' })).json();
    expect((await conversations(agentB)).items.map((c: { id: string }) => c.id)).toContain(conversationId);
    const reply = await send(agentB, { conversationId, text: 'Un collègue répond' });
    expect(reply.json().message).toMatchObject({ side: 'owner', senderId: agentB.userId });
    const sent = await sql<{ payload: Record<string, unknown> }>`select payload from platform.outbox where name = 'message.sent' and payload->>'conversationId' = ${conversationId} order by id`.execute(t.platform.db.kysely);
    expect(sent.rows[0]!.payload).toMatchObject({ agencyId, recipientIds: [agentA.userId] });
  });

  it('carries attachments through object storage with signed URLs', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId } = (await send(seeker, { listingId: listing.id, text: 'Voici mes fiches de paie' })).json();
    const pdf = Buffer.from('%PDF-1.7\n% test\n');
    const up = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/attachments?filename=fiche.pdf`, headers: { ...seeker.headers, 'content-type': 'application/pdf' }, payload: pdf });
    expect(up.statusCode).toBe(201);
    const attachment = up.json();
    expect((await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/attachments?filename=x.exe`, headers: { ...seeker.headers, 'content-type': 'application/x-msdownload' }, payload: pdf })).statusCode).toBe(415);
    expect((await send(owner, { conversationId, attachmentIds: [attachment.id] })).statusCode).toBe(422); // not the uploader
    const sent = await send(seeker, { conversationId, attachmentIds: [attachment.id] });
    expect(sent.statusCode).toBe(201);
    const [file] = sent.json().message.attachments;
    expect(file).toMatchObject({ id: attachment.id, filename: 'fiche.pdf', contentType: 'application/pdf', size: pdf.length });
    expect(file.url).toMatch(/^(\/|http)/);
    const stored = await sql<{ key: string }>`select key from messaging.attachments where id = ${attachment.id}`.execute(t.platform.db.kysely);
    expect(await t.platform.storage.get(stored.rows[0]!.key)).toEqual(pdf);
    expect((await send(seeker, { conversationId, attachmentIds: [attachment.id] })).statusCode).toBe(422); // already used
  });

  it('blocks the other party both ways until unblocked, and takes reports to moderation', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId, message } = (await send(seeker, { listingId: listing.id, text: 'Envoyez un acompte par Western Union' })).json();
    expect((await t.app.inject({ method: 'PUT', url: `/v1/conversations/${conversationId}/block`, headers: owner.headers })).statusCode).toBe(204);
    expect((await send(seeker, { conversationId, text: 'allo ?' })).statusCode).toBe(403);
    expect((await send(owner, { conversationId, text: 'non' })).statusCode).toBe(403);
    expect((await send(seeker, { listingId: listings.add(fakeListing(newId(), owner.userId)).id, text: 'autre annonce' })).statusCode).toBe(403);
    expect((await conversations(owner)).items.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ blocked: true, blockedByMe: true });
    // the blocked side sees the block but cannot lift it
    expect((await conversations(seeker)).items.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ blocked: true, blockedByMe: false });
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/conversations/${conversationId}/block`, headers: seeker.headers })).statusCode).toBe(204);
    expect((await send(seeker, { conversationId, text: 'allo ?' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/conversations/${conversationId}/block`, headers: owner.headers })).statusCode).toBe(204);
    expect((await send(seeker, { conversationId, text: 'merci' })).statusCode).toBe(201);

    const report = await t.app.inject({ method: 'POST', url: '/v1/messaging/reports', headers: owner.headers, payload: { conversationId, messageId: message.id, reason: 'scam' } });
    expect(report.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/v1/messaging/reports', headers: stranger.headers, payload: { conversationId, reason: 'spam' } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/v1/messaging/reports', headers: owner.headers })).statusCode).toBe(403);
    const { rows } = await sql<{ reason: string; evidence: { text: string }[] }>`select reason, evidence from messaging.reports where id = ${report.json().id}`.execute(t.platform.db.kysely);
    expect(rows[0]).toMatchObject({ reason: 'scam', evidence: [{ text: 'Envoyez un acompte par Western Union' }] });
  });

  it('erases a person on user.deleted and keeps the other party\'s copy anonymised', async () => {
    const leaving = await signUpForTest(t.app);
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId } = (await send(leaving, { listingId: listing.id, text: 'Je pars bientôt' })).json();
    await send(owner, { conversationId, text: 'Dommage' });
    await t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, userDeleted, { userId: leaving.userId }));
    await t.drain();
    const view = (await conversations(owner)).items.find((c: { id: string }) => c.id === conversationId);
    expect(view).toMatchObject({ seekerId: null, blocked: true });
    const messages = (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages`, headers: owner.headers })).json().items;
    // the other party keeps the conversation and their own words; the erased person's words and id are gone
    expect(messages.map((m: { senderId: string | null; text: string }) => [m.senderId, m.text])).toEqual([[owner.userId, 'Dommage'], [null, '[message removed: its author deleted their account]']]);
    expect((await send(owner, { conversationId, text: 'encore là ?' })).statusCode).toBe(422);
    const left = await sql<{ n: number }>`select (select count(*) from messaging.messages where sender_id = ${leaving.userId}) + (select count(*) from messaging.conversations where seeker_id = ${leaving.userId}) as n`.execute(t.platform.db.kysely);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });

  it('deletes messages older than three years with the nightly retention job', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const { conversationId } = (await send(seeker, { listingId: listing.id, text: 'Ancien message' })).json();
    clock.advance(3 * 366 * 24 * 3600_000);
    await t.platform.jobs.enqueue(t.platform.db.kysely, 'messaging.retention', {});
    await t.drain();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from messaging.messages where conversation_id = ${conversationId}`.execute(t.platform.db.kysely);
    expect(rows[0]!.n).toBe(0);
    const all = await sql<{ n: number }>`select count(*)::int as n from messaging.messages`.execute(t.platform.db.kysely);
    expect(all.rows[0]!.n).toBe(0);
  });
});
