import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { io as connect } from 'socket.io-client';
import { ManualClock, newId, type EventDefinition } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest, userDeleted, type AuthApi } from '@immo/auth';
import { appointmentsModule } from '@immo/appointments';
import { messagingModule } from '@immo/messaging';
import { listingPriceChanged, listingPublished, listingUpdated } from '@immo/listings';
import { searchAlertMatched } from '@immo/search';
import { favoriteAdded } from '@immo/users';
import { createNotificationsModule, DIGEST_JOB } from './index.ts';
import { createSocketServer } from './socket-server.ts';
import { fakeListing, fakeListingsModule } from '@immo/listings';

type User = Awaited<ReturnType<typeof signUpForTest>>;

describe('notifications fed by events, on every channel', () => {
  // Friday 20 March 2026, 13:00 in Brussels; access tokens live 15 minutes on this clock
  const start = '2026-03-20T12:00:00Z';
  const clock = new ManualClock(start);
  const listings = fakeListingsModule();
  const mails: ParsedMail[] = [];
  const expoRequests: unknown[] = [];
  let expoDown = false;
  let smtp: SMTPServer;
  let expo: Server;
  let t: TestApp;
  let owner: User;
  let seeker: User;
  let texter: User;

  const publish = <S extends import('zod').ZodType>(event: EventDefinition<S>, payload: import('zod').input<S>) =>
    t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, event, payload));
  const inbox = async (who: User) => (await t.app.inject({ url: '/v1/notifications', headers: who.headers })).json();
  const mailTo = (who: User) => mails.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === who.email);
  const deliveries = async (who: User) => (await sql<{ kind: string; channel: string; status: string; attempts: number; last_error: string | null }>`
    select n.kind, d.channel, d.status, d.attempts, d.last_error from notifications.deliveries d join notifications.notifications n on n.id = d.notification_id
    where d.user_id = ${who.userId} order by n.id, d.channel`.execute(t.platform.db.kysely)).rows;
  const settle = () => new Promise((r) => setTimeout(r, 150)); // let the SMTP server hand the mail over

  beforeAll(async () => {
    smtp = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((m) => (mails.push(m), callback()), callback);
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    expo = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        expoRequests.push(JSON.parse(body));
        res.writeHead(expoDown ? 503 : 200, { 'content-type': 'application/json' });
        res.end(expoDown ? '' : JSON.stringify({ data: [{ status: 'ok', id: newId() }] }));
      });
    });
    await new Promise<void>((r) => expo.listen(0, '127.0.0.1', r));
    t = await createTestApp({
      modules: [authModule, listings.module, appointmentsModule, messagingModule, createNotificationsModule({ retryBackoffMs: 1000 })],
      clock,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        EXPO_PUSH_URL: `http://127.0.0.1:${(expo.address() as AddressInfo).port}/--/api/v2/push/send`,
        PUBLIC_URL: 'https://immo.test',
      },
    });
    owner = await signUpForTest(t.app);
    seeker = await signUpForTest(t.app);
    texter = await signUpForTest(t.app, { phoneVerified: true });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => smtp?.close(() => r()));
    await new Promise((r) => expo?.close(r));
  });

  it('tells the owner of a new message in-app and by e-mail (shared layout, plain text), once for a burst', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const first = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { listingId: listing.id, text: 'Bonjour' } });
    await t.app.inject({ method: 'POST', url: '/v1/messages', headers: seeker.headers, payload: { conversationId: first.json().conversationId, text: 'Encore une question' } });
    await t.drain();
    expect((await inbox(owner)).items).toEqual([]); // waits for more messages
    clock.advance(31_000);
    await t.drain();
    await settle();
    const { items, unread } = await inbox(owner);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ kind: 'message.new', title: 'Nouveau message : Maison de maître', url: `/messages/${first.json().conversationId}` });
    const sent = mailTo(owner).filter((m) => m.subject?.startsWith('Nouveau message'));
    expect(sent).toHaveLength(1);
    const mail = sent[0];
    expect(mail!.subject).toBe('Nouveau message : Maison de maître');
    expect(mail!.html).toContain('<html lang="fr">');
    expect(mail!.html).toContain(`href="https://immo.test/messages/${first.json().conversationId}"`);
    expect(mail!.text).toContain('Ouvrez la conversation pour répondre.');

    expect((await t.app.inject({ method: 'POST', url: `/v1/notifications/${items[0].id}/read`, headers: owner.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: `/v1/notifications/${items[0].id}/read`, headers: seeker.headers })).statusCode).toBe(404);
    expect((await inbox(owner)).unread).toBe(0);

    // read live before the notification's wait is over: nobody is told
    const reply = await t.app.inject({ method: 'POST', url: '/v1/messages', headers: owner.headers, payload: { conversationId: first.json().conversationId, text: 'Oui, toujours' } });
    await t.app.inject({ method: 'POST', url: `/v1/conversations/${first.json().conversationId}/read`, headers: seeker.headers, payload: { messageId: reply.json().message.id } });
    clock.advance(31_000);
    await t.drain();
    expect((await inbox(seeker)).items.filter((n: { kind: string }) => n.kind === 'message.new')).toEqual([]);
  });

  it('sends the visit confirmation by e-mail with the .ics invitation, times in Brussels on the March change', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await t.app.inject({ method: 'PUT', url: `/v1/listings/${listing.id}/availability`, headers: owner.headers, payload: { visitMinutes: 60, mode: 'private', weekly: [{ weekday: 7, start: '10:00', end: '12:00' }] } });
    const booked = (await t.app.inject({ method: 'POST', url: '/v1/appointments', headers: seeker.headers, payload: { listingId: listing.id, startsAt: '2026-03-29T08:00:00.000Z' } })).json();
    await t.drain();
    expect((await inbox(owner)).items[0]).toMatchObject({ kind: 'appointment.booked', body: expect.stringMatching(/29 mars 2026 à 10:00/) });
    await t.app.inject({ method: 'PUT', url: `/v1/appointments/${booked.id}/status`, headers: owner.headers, payload: { status: 'confirmed' } });
    await t.drain();
    await settle();
    const confirmation = mailTo(seeker).find((m) => m.subject === 'Visite confirmée : Maison de maître')!;
    expect(confirmation.text).toMatch(/29 mars 2026 à 10:00/);
    const ics = confirmation.attachments.find((a) => a.filename === 'visit.ics')!;
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.content.toString()).toContain('DTSTART:20260329T080000Z');
    expect(ics.content.toString()).toContain('METHOD:REQUEST');

    // the seeker turns e-mail off for cancellations: the owner cancels, only in-app follows
    await t.app.inject({ method: 'PUT', url: '/v1/notifications/preferences', headers: seeker.headers, payload: { channels: { 'appointment.cancelled': { email: false } } } });
    await t.app.inject({ method: 'PUT', url: `/v1/appointments/${booked.id}/status`, headers: owner.headers, payload: { status: 'cancelled', reason: 'Bien vendu' } });
    await t.drain();
    await settle();
    expect((await inbox(seeker)).items[0]).toMatchObject({ kind: 'appointment.cancelled', body: 'La visite du 29 mars 2026 à 10:00 est annulée. Motif : Bien vendu' });
    expect(mailTo(seeker).filter((m) => m.subject?.startsWith('Visite annulée'))).toEqual([]);
    expect((await deliveries(seeker)).filter((d) => d.kind === 'appointment.cancelled')).toEqual([
      expect.objectContaining({ channel: 'in_app', status: 'sent' }),
      expect.objectContaining({ channel: 'push', status: 'skipped', last_error: 'no push device registered' }),
    ]);
  });

  it('keeps SMS opt-in and sends it only to a verified phone, through the offline provider', async () => {
    const prefs = (await t.app.inject({ url: '/v1/notifications/preferences', headers: texter.headers })).json();
    expect(prefs.channels['message.new']).toEqual({ in_app: true, email: true, push: true, sms: false });
    for (const who of [texter, owner]) {
      await t.app.inject({ method: 'PUT', url: '/v1/notifications/preferences', headers: who.headers, payload: { channels: { 'search.match': { sms: true } } } });
    }
    const listing = listings.add(fakeListing(newId(), seeker.userId));
    await publish(searchAlertMatched, { savedSearchId: newId(), userId: texter.userId, listingId: listing.id, reason: 'new' });
    await publish(searchAlertMatched, { savedSearchId: newId(), userId: owner.userId, listingId: listing.id, reason: 'new' });
    await t.drain();
    expect((await deliveries(owner)).find((d) => d.kind === 'search.match' && d.channel === 'sms')).toMatchObject({ status: 'skipped', last_error: 'phone number not verified' });
    expect((await deliveries(texter)).find((d) => d.kind === 'search.match' && d.channel === 'sms')).toMatchObject({ status: 'sent' });
    const dir = join(t.platform.config.DATA_DIR, 'outbox', 'sms');
    const sms = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { to: string; text: string });
    const account = await t.modules.api<AuthApi>('auth').getAccount(texter.userId);
    expect(sms).toEqual([expect.objectContaining({ to: account!.phone, text: expect.stringMatching(/^Immo: Nouveau bien pour votre recherche : Maison de maître https:\/\/immo\.test\/listings\//) })]);
    expect((await inbox(texter)).items[0].body.replace(/\s/g, ' ')).toBe('Un bien correspond à une de vos recherches enregistrées : 350 000 €.');
  });

  it('batches digestible e-mails into one daily digest', async () => {
    await t.app.inject({ method: 'PUT', url: '/v1/notifications/preferences', headers: seeker.headers, payload: { dailyDigest: true } });
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(favoriteAdded, { userId: seeker.userId, listingId: listing.id });
    await publish(listingPriceChanged, { listingId: listing.id, oldPrice: 350_000, newPrice: 329_000, listing: { ...listing, price: 329_000, version: 2 } });
    await publish(listingPriceChanged, { listingId: listing.id, oldPrice: 329_000, newPrice: 340_000, listing: { ...listing, price: 340_000, version: 3 } }); // a rise: nothing
    await t.drain();
    await settle();
    expect((await inbox(seeker)).items.filter((n: { kind: string }) => n.kind === 'favorite.price_drop')).toHaveLength(1);
    expect((await deliveries(seeker)).find((d) => d.kind === 'favorite.price_drop' && d.channel === 'email')).toMatchObject({ status: 'digest' });
    expect(mailTo(seeker).filter((m) => m.subject?.startsWith('Votre résumé'))).toEqual([]);
    await t.platform.jobs.enqueue(t.platform.db.kysely, DIGEST_JOB, {});
    await t.drain();
    await settle();
    const digest = mailTo(seeker).filter((m) => m.subject?.startsWith('Votre résumé'));
    expect(digest.map((m) => m.subject)).toEqual(['Votre résumé Immo du jour (1)']);
    expect(digest[0]!.text).toContain('Baisse de prix : Maison de maître');
    expect((await deliveries(seeker)).find((d) => d.kind === 'favorite.price_drop' && d.channel === 'email')).toMatchObject({ status: 'sent' });
  });

  it('tells owners when their listing\'s status changes, once per change', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listingPublished, { listing });
    await publish(listingUpdated, { listing: { ...listing, version: 2, status: 'under_offer' } });
    await publish(listingUpdated, { listing: { ...listing, version: 2, status: 'under_offer' } });
    await publish(listingUpdated, { listing: { ...listing, version: 3, status: 'under_offer', price: 1 } });
    await t.drain();
    const statuses = (await inbox(owner)).items.filter((n: { kind: string; data: { listingId: string } }) => n.kind === 'listing.status' && n.data.listingId === listing.id);
    // the two notification jobs may run in parallel: compare without order
    expect(statuses.map((n: { body: string }) => n.body).sort()).toEqual(['Votre annonce est maintenant « en ligne ».', 'Votre annonce est maintenant « sous option ».']);
  });

  it('pushes in-app notifications live over /ws', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const sockets = await createSocketServer(t.app.server, { authenticate: (token) => t.modules.api<AuthApi>('auth').verifyAccessToken(token) });
    for (const { instance } of t.modules.instances) {
      await instance.realtime?.(sockets.io);
      instance.live?.(sockets.io);
    }
    const socket = connect(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, { path: '/ws', auth: { token: owner.accessToken }, transports: ['websocket'] });
    try {
      await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
      const live = new Promise<{ kind: string; title: string }>((resolve) => socket.once('notification', resolve));
      await publish(searchAlertMatched, { savedSearchId: newId(), userId: owner.userId, listingId: listings.add(fakeListing(newId(), seeker.userId)).id, reason: 'price_drop' });
      await t.drain();
      expect(await live).toMatchObject({ kind: 'search.match', title: 'Nouveau bien pour votre recherche : Maison de maître' });
    } finally {
      socket.disconnect();
      await sockets.close();
    }
  });

  it('holds push during quiet hours, then retries a failing push service with backoff, logging each attempt', async () => {
    const device = await t.app.inject({ method: 'POST', url: '/v1/notifications/devices', headers: owner.headers, payload: { type: 'expo', token: 'ExponentPushToken[owner-phone]' } });
    expect(device.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/v1/notifications/devices', headers: owner.headers, payload: { type: 'expo', token: 'nope' } })).statusCode).toBe(400);
    await t.app.inject({ method: 'PUT', url: '/v1/notifications/preferences', headers: owner.headers, payload: { quietHours: { start: '12:00', end: '14:00' } } });
    const listing = listings.add(fakeListing(newId(), seeker.userId));
    await publish(searchAlertMatched, { savedSearchId: newId(), userId: owner.userId, listingId: listing.id, reason: 'new' });
    await t.drain();
    const push = async () => (await deliveries(owner)).filter((d) => d.channel === 'push').at(-1)!;
    expect(await push()).toMatchObject({ status: 'queued', attempts: 0 });
    expect(expoRequests).toHaveLength(0);

    expoDown = true;
    clock.set('2026-03-20T13:00:00Z'); // 14:00 in Brussels: quiet hours are over
    await t.drain();
    expect(expoRequests).toHaveLength(1);
    expect(await push()).toMatchObject({ status: 'queued', attempts: 1, last_error: 'expo answered 503' });
    expoDown = false;
    clock.advance(60_000);
    await t.drain();
    expect(expoRequests).toHaveLength(2);
    expect(await push()).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    clock.set(start);
  });

  it('erases what it holds on a person on user.deleted', async () => {
    await publish(userDeleted, { userId: seeker.userId });
    await t.drain();
    const { rows } = await sql<{ n: number }>`select (select count(*) from notifications.notifications where user_id = ${seeker.userId})
      + (select count(*) from notifications.deliveries where user_id = ${seeker.userId})
      + (select count(*) from notifications.preferences where user_id = ${seeker.userId})
      + (select count(*) from notifications.favorites where user_id = ${seeker.userId}) as n`.execute(t.platform.db.kysely);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
