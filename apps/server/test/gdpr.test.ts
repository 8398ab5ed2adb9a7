import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@immo/platform';
import { lastSmsCode, signUpForTest } from '@immo/auth';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { moduleRegistry } from '../src/registry.ts';
import { multipartFile, scenePhoto } from '@immo/media';
import { columnsHolding, ixellesFlat, tablesHolding } from './gdpr-fixtures.ts';

// GDPR across the composed product: one person with data in every module,
// put there through the real HTTP routes; her export gathers every module's
// part, and once she is erased no table of any schema holds her e-mail, name
// or phone, while the agency
// keeps its side of their conversation.

let t: TestApp;
// real time, held still: jobs that wait (message notifications coalesce for 30 s) run when the test moves it
const clock = new ManualClock(new Date());
beforeAll(async () => {
  t = await createTestApp({ modules: await moduleRegistry(), clock });
}, 60_000);
afterAll(() => t?.close());

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
async function ok(method: Method, url: string, headers: Headers, payload: unknown, status: number) {
  const res = await call(method, url, headers, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.statusCode === 204 ? undefined : res.json();
}

const email = 'gwendoline.ferrand-quaghebeur@example.be';
const surname = 'Quaghebeur';
const name = `Gwendoline Ferrand-${surname}`;
const phone = '+32478915263';
const nationalDigits = '478915263';

const person: { userId: string; messageId: string; headers: Headers; listingId: string; photoId: string; conversationId: string; appointmentId: string; savedSearchId: string } = {} as never;
let agency: { userId: string; headers: Headers; agencyId: string; listingId: string };

/** The date (YYYY-MM-DD, UTC) `days` from now on the test clock. */
const dayFromNow = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('GDPR across every module', () => {
  it('gathers her data from every module into one export, JSON and CSV', async () => {
    // the agency, with a published listing of its own and visit availability
    const agent = await signUpForTest(t.app, { agencyName: 'Agence Châtelain', phoneVerified: true });
    const agencyListing = await ok('POST', '/v1/listings', agent.headers, ixellesFlat({ agencyId: agent.agencyId, title: { fr: 'Appartement Châtelain' } }), 201);
    await ok('POST', `/v1/listings/${agencyListing.id}/publish`, agent.headers, undefined, 200);
    await ok('PUT', `/v1/listings/${agencyListing.id}/availability`, agent.headers, {
      visitMinutes: 30,
      mode: 'private',
      leadMinutes: 0,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '12:00' })),
    }, 200);
    agency = { userId: agent.userId, headers: agent.headers, agencyId: agent.agencyId!, listingId: agencyListing.id };

    // her account (auth): distinctive e-mail, verified phone
    const me = await signUpForTest(t.app, { email });
    person.userId = me.userId;
    person.headers = me.headers;
    await ok('POST', '/v1/auth/phone', me.headers, { phone }, 202);
    await ok('POST', '/v1/auth/phone/verify', me.headers, { code: lastSmsCode(t.platform.config.DATA_DIR, phone) }, 204);

    // users: profile, favourite, search preferences, consent
    await ok('PUT', `/v1/users/${me.userId}`, me.headers, { displayName: name }, 200);
    await ok('PUT', `/v1/users/${me.userId}/favorites/${agency.listingId}`, me.headers, undefined, 204);
    await ok('PUT', `/v1/users/${me.userId}/search-preferences`, me.headers, { regions: ['brussels'], budgetMax: 1600 }, 200);
    await ok('PUT', `/v1/users/${me.userId}/consents`, me.headers, { marketing: true, analytics: true }, 200);

    // listings: her own flat, with her contact details, published
    const mine = await ok('POST', '/v1/listings', me.headers, ixellesFlat({ contact: { name, email, phone } }), 201);
    person.listingId = mine.id;
    await ok('POST', `/v1/listings/${mine.id}/publish`, me.headers, undefined, 200);

    // media: a photo of her flat
    const body = multipartFile(await scenePhoto({ width: 1200, height: 800, seed: 21009 }), 'salon.jpg', 'image/jpeg');
    const photo = await t.app.inject({ method: 'POST', url: `/v1/media?purpose=listing_photo&listingId=${mine.id}`, headers: { ...me.headers, ...body.headers }, payload: body.payload });
    expect(photo.statusCode, photo.body).toBe(202);
    person.photoId = photo.json().id;

    // search: a saved search
    const saved = await ok('POST', '/v1/saved-searches', me.headers, { name: `Ixelles pour ${surname}`, query: { q: 'appartement Ixelles', transaction: 'rent', priceMax: 1600 }, alert: 'instant' }, 201);
    person.savedSearchId = saved.id;

    // messaging: she writes to the agency about its listing, giving her number; the agency answers
    const sent = await ok('POST', '/v1/messages', me.headers, { listingId: agency.listingId, text: `Bonjour, je suis ${name}. Joignable au ${phone} ou au 0${nationalDigits}, ou ${email}.` }, 201);
    person.conversationId = sent.conversationId;
    person.messageId = sent.message.id;
    await ok('POST', '/v1/messages', agent.headers, { conversationId: sent.conversationId, text: 'Merci, une visite est possible cette semaine.' }, 201);

    // appointments: she books the first free slot, the agency confirms
    const slots = await ok('GET', `/v1/listings/${agency.listingId}/slots?from=${dayFromNow(2)}&to=${dayFromNow(9)}`, {}, undefined, 200);
    const booked = await ok('POST', '/v1/appointments', me.headers, { listingId: agency.listingId, startsAt: slots.items[0].startsAt, note: `Je viendrai seule, ${phone}` }, 201);
    person.appointmentId = booked.id;
    await ok('PUT', `/v1/appointments/${booked.id}/status`, agent.headers, { status: 'confirmed' }, 200);

    // notifications: her preferences, and what the events above told her in-app
    await ok('PUT', '/v1/notifications/preferences', me.headers, { quietHours: { start: '22:00', end: '07:00' }, dailyDigest: true }, 200);
    await t.drain();
    clock.advance(60_000);
    await t.drain();
    const inbox = await ok('GET', '/v1/notifications', me.headers, undefined, 200);
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['message.new', 'appointment.confirmed']));

    // before erasure the scan does find her, in every module that holds her words
    expect(await tablesHolding(t, email)).toEqual(expect.arrayContaining(['auth.accounts', 'listings.listings', 'messaging.messages']));
    expect(await tablesHolding(t, surname)).toEqual(expect.arrayContaining(['auth.accounts', 'listings.listings', 'messaging.messages', 'search.saved_searches']));
    expect(await tablesHolding(t, nationalDigits)).toEqual(expect.arrayContaining(['auth.accounts', 'listings.listings', 'messaging.messages', 'appointments.appointments']));

    const json = await call('GET', `/v1/users/${me.userId}/export?format=json`, me.headers);
    expect(json.statusCode).toBe(200);
    const { modules } = json.json();
    expect(Object.keys(modules).sort()).toEqual(['appointments', 'auth', 'listings', 'media', 'messaging', 'notifications', 'search', 'users']);
    expect(modules.auth.account[0]).toMatchObject({ email, phone, displayName: name });
    expect(modules.users.favorites).toEqual([expect.objectContaining({ listingId: agency.listingId })]);
    expect(modules.users.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['analytics', 'marketing']);
    expect(modules.users.searchPreferences[0]).toMatchObject({ regions: ['brussels'], budgetMax: 1600 });
    expect(modules.listings.listings).toEqual([expect.objectContaining({ id: person.listingId, contact: { name, email, phone } })]);
    expect(modules.search.savedSearches).toEqual([expect.objectContaining({ id: person.savedSearchId, name: `Ixelles pour ${surname}` })]);
    expect(modules.media.media).toEqual([expect.objectContaining({ id: person.photoId, purpose: 'listing_photo', listingId: person.listingId })]);
    expect(modules.messaging.messagesSent).toEqual([expect.objectContaining({ conversationId: person.conversationId, text: expect.stringContaining(phone) })]);
    expect(modules.appointments.appointments).toEqual([expect.objectContaining({ id: person.appointmentId, status: 'confirmed', note: `Je viendrai seule, ${phone}` })]);
    expect(modules.notifications.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['message.new', 'appointment.confirmed']));
    expect(modules.notifications.preferences[0]).toMatchObject({ quietStart: '22:00', quietEnd: '07:00', dailyDigest: true });

    const csv = await call('GET', `/v1/users/${me.userId}/export?format=csv`, me.headers);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('module,kind,record,field,value');
    expect(lines).toEqual(expect.arrayContaining([
      `auth,account,0,email,${email}`,
      `users,favorites,0,listingId,${agency.listingId}`,
      `listings,listings,0,contact.email,${email}`,
      `search,savedSearches,0,name,Ixelles pour ${surname}`,
      `media,media,0,id,${person.photoId}`,
      `messaging,messagesSent,0,conversationId,${person.conversationId}`,
      `appointments,appointments,0,id,${person.appointmentId}`,
      'notifications,preferences,0,quietStart,22:00',
    ]));
    const modulesInCsv = new Set(lines.slice(1).filter(Boolean).map((line) => line.split(',')[0]));
    expect([...modulesInCsv].sort()).toEqual(Object.keys(modules).sort());
  });

  it('erases her everywhere: no e-mail, name or phone in any table of any schema; the agency keeps the conversation', async () => {
    const stranger = await signUpForTest(t.app);
    expect((await call('DELETE', `/v1/users/${person.userId}`, stranger.headers)).statusCode).toBe(404);
    expect((await call('DELETE', `/v1/users/${person.userId}`, person.headers)).statusCode).toBe(204);
    await t.drain();
    clock.advance(60_000);
    await t.drain();

    for (const value of [email, name, surname, phone, nationalDigits]) {
      const columns: string[] = [];
      for (const table of await tablesHolding(t, value)) columns.push(...(await columnsHolding(t, table, value)));
      expect(columns, `"${value}" is still in`).toEqual([]);
    }

    // the agency keeps its side of the conversation, without her
    const conversations = await ok('GET', '/v1/conversations', agency.headers, undefined, 200);
    expect(conversations.items).toEqual([expect.objectContaining({ id: person.conversationId, seekerId: null, agencyId: agency.agencyId })]);
    const messages = await ok('GET', `/v1/conversations/${person.conversationId}/messages`, agency.headers, undefined, 200);
    expect(messages.items.map((m: { side: string; senderId: string | null }) => [m.side, m.senderId])).toEqual([['owner', agency.userId], ['seeker', null]]);
    // her words are gone too: what she wrote named her, her phone and her e-mail
    expect(messages.items.find((m: { side: string }) => m.side === 'seeker').text).toMatch(/deleted their account/);

    // her visit is cancelled on the agency's calendar, without her note; her listing is off line
    const visit = await ok('GET', `/v1/appointments/${person.appointmentId}`, agency.headers, undefined, 200);
    expect(visit).toMatchObject({ seekerId: null, status: 'cancelled', note: null });
    expect((await call('GET', `/v1/listings/${person.listingId}`)).statusCode).toBe(404);

    // the account is gone for every purpose, and the audit chain holds
    expect((await call('GET', '/v1/auth/me', person.headers)).statusCode).toBe(401);
    expect((await call('GET', `/v1/users/${person.userId}/export?format=json`, person.headers)).statusCode).toBe(401);
    expect((await t.platform.audit.verify()).ok).toBe(true);
    const audit = await t.platform.db.kysely.selectFrom('platform.audit_log').select('action').where('subject_id', '=', person.userId).execute();
    expect(audit.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['user.exported', 'user.erased']));
  });
});
