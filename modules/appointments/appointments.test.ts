import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock, newId } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { agentsOf, authModule, signUpForTest, userDeleted, type AuthApi } from '@immo/auth';
import { appointmentsModule } from './index.ts';
import { fakeListing, fakeListingsModule } from '@immo/listings';

type User = Awaited<ReturnType<typeof signUpForTest>>;

describe('visits: availability, booking, statuses', () => {
  const clock = new ManualClock('2026-03-20T12:00:00Z');
  const listings = fakeListingsModule();
  let t: TestApp;
  let owner: User;
  let seekers: User[];
  const sundays = { visitMinutes: 60, mode: 'private', weekly: [{ weekday: 7, start: '10:00', end: '12:00' }] };

  const events = async (name: string) =>
    (await sql<{ payload: Record<string, unknown> }>`select payload from platform.outbox where name = ${name} order by id`.execute(t.platform.db.kysely)).rows.map((r) => r.payload);
  const publish = async (listingId: string, body: object, who = owner) =>
    t.app.inject({ method: 'PUT', url: `/v1/listings/${listingId}/availability`, headers: who.headers, payload: body });
  const book = (listingId: string, startsAt: string, who: User) =>
    t.app.inject({ method: 'POST', url: '/v1/appointments', headers: who.headers, payload: { listingId, startsAt } });
  const setStatus = (id: string, body: object, who: User) =>
    t.app.inject({ method: 'PUT', url: `/v1/appointments/${id}/status`, headers: who.headers, payload: body });
  const slots = async (listingId: string, from: string, to: string) =>
    (await t.app.inject({ url: `/v1/listings/${listingId}/slots?from=${from}&to=${to}` })).json().items as { startsAt: string; local: { time: string; offset: string }; remaining: number }[];

  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule, listings.module, appointmentsModule], clock });
    owner = await signUpForTest(t.app);
    seekers = [];
    for (let i = 0; i < 4; i++) seekers.push(await signUpForTest(t.app));
  });
  afterAll(() => t?.close());

  it('lets the owner publish weekly windows; slots stay at 10:00 Brussels across the March change', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    expect((await publish(listing.id, sundays, seekers[0])).statusCode).toBe(404);
    const res = await publish(listing.id, sundays);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'private', capacity: 1, timeZone: 'Europe/Brussels' });

    const items = await slots(listing.id, '2026-03-22', '2026-03-29');
    expect(items.map((s) => s.startsAt)).toEqual(['2026-03-22T09:00:00.000Z', '2026-03-22T10:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z']);
    expect(items.map((s) => `${s.local.time}${s.local.offset}`)).toEqual(['10:00+01:00', '11:00+01:00', '10:00+02:00', '11:00+02:00']);
  });

  it('refuses a bad availability with a problem naming the field', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    const res = await publish(listing.id, { ...sundays, weekly: [{ weekday: 8, start: '12:00', end: '10:00' }] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('gives the last place of a slot to exactly one of parallel bookings; the others get 409', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, { ...sundays, mode: 'group', capacity: 2 });
    const slot = '2026-03-29T08:00:00.000Z';
    expect((await book(listing.id, slot, seekers[0]!)).statusCode).toBe(201);
    const results = await Promise.all(seekers.slice(1).map((s) => book(listing.id, slot, s)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().detail).toMatch(/full/);
    }
    expect((await slots(listing.id, '2026-03-29', '2026-03-29'))[0]).toMatchObject({ startsAt: slot, remaining: 0 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from appointments.appointments where listing_id = ${listing.id}`.execute(t.platform.db.kysely);
    expect(rows[0]!.n).toBe(2);
  });

  it('refuses times that are not slots, the owner booking their own listing, and a second booking of the same slot', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, { ...sundays, mode: 'group', capacity: 5 });
    expect((await book(listing.id, '2026-03-29T08:30:00.000Z', seekers[0]!)).statusCode).toBe(422);
    expect((await book(listing.id, '2026-03-29T08:00:00.000Z', owner)).statusCode).toBe(422);
    expect((await book(listing.id, '2026-03-29T08:00:00.000Z', seekers[0]!)).statusCode).toBe(201);
    expect((await book(listing.id, '2026-03-29T08:00:00.000Z', seekers[0]!)).statusCode).toBe(409);
  });

  it('runs requested → confirmed → reminders 24 h and 1 h before, on the last Sunday of October', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, sundays);
    const seeker = seekers[1]!;
    const booked = await book(listing.id, '2026-10-25T09:00:00.000Z', seeker);
    expect(booked.statusCode).toBe(201);
    const appointment = booked.json();
    expect(appointment).toMatchObject({ status: 'requested', local: { date: '2026-10-25', time: '10:00', offset: '+01:00' } });
    expect((await events('appointment.booked')).at(-1)).toMatchObject({ appointmentId: appointment.id, seekerId: seeker.userId, ownerId: owner.userId });

    expect((await setStatus(appointment.id, { status: 'confirmed' }, seeker)).statusCode).toBe(409);
    expect((await setStatus(appointment.id, { status: 'confirmed' }, seekers[2]!)).statusCode).toBe(404);
    const confirmed = await setStatus(appointment.id, { status: 'confirmed' }, owner);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });
    expect((await events('appointment.confirmed')).at(-1)).toMatchObject({ appointmentId: appointment.id });

    const { rows: jobs } = await sql<{ run_at: Date; key: string }>`select run_at, key from platform.jobs where name = 'appointments.remind' and payload->>'appointmentId' = ${appointment.id} order by run_at`.execute(t.platform.db.kysely);
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual(['2026-10-24T09:00:00.000Z', '2026-10-25T08:00:00.000Z']);

    const ics = await t.app.inject({ url: `/v1/appointments/${appointment.id}/invite.ics`, headers: seeker.headers });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261025T090000Z');
    expect(ics.body).toContain('METHOD:REQUEST');

    clock.set('2026-10-24T09:00:00Z');
    await t.drain();
    expect((await events('appointment.reminder')).filter((e) => e.appointmentId === appointment.id).map((e) => e.before)).toEqual(['24h']);
    clock.set('2026-10-25T08:00:00Z');
    await t.drain();
    expect((await events('appointment.reminder')).filter((e) => e.appointmentId === appointment.id).map((e) => e.before)).toEqual(['24h', '1h']);
    clock.set('2026-03-20T12:00:00Z'); // access tokens live 15 minutes on this clock
  });

  it('is marked done by the owner once the visit has started', async () => {
    // Friday 20 March 2026, 13:00 in Brussels: a visit at 13:10 with no lead time
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, { visitMinutes: 10, mode: 'private', leadMinutes: 0, weekly: [{ weekday: 5, start: '13:10', end: '13:20' }] });
    const appointment = (await book(listing.id, '2026-03-20T12:10:00.000Z', seekers[1]!)).json();
    await setStatus(appointment.id, { status: 'confirmed' }, owner);
    expect((await setStatus(appointment.id, { status: 'done' }, owner)).statusCode).toBe(409); // not started yet
    clock.set('2026-03-20T12:11:00Z');
    expect((await setStatus(appointment.id, { status: 'done' }, seekers[1]!)).statusCode).toBe(409);
    expect((await setStatus(appointment.id, { status: 'done' }, owner)).json()).toMatchObject({ status: 'done' });
    clock.set('2026-03-20T12:00:00Z');
  });

  it('cancels with a reason, frees the place and sends no reminder afterwards', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, sundays);
    const seeker = seekers[2]!;
    const appointment = (await book(listing.id, '2026-03-29T09:00:00.000Z', seeker)).json();
    await setStatus(appointment.id, { status: 'confirmed' }, owner);
    expect((await setStatus(appointment.id, { status: 'cancelled' }, seeker)).statusCode).toBe(400); // reason required
    const cancelled = await setStatus(appointment.id, { status: 'cancelled', reason: 'Found another flat' }, seeker);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', reason: 'Found another flat' });
    expect((await setStatus(appointment.id, { status: 'cancelled', reason: 'again' }, owner)).statusCode).toBe(409);
    expect((await slots(listing.id, '2026-03-29', '2026-03-29')).find((s) => s.startsAt === '2026-03-29T09:00:00.000Z')!.remaining).toBe(1);
    expect((await events('appointment.cancelled')).at(-1)).toMatchObject({ appointmentId: appointment.id, by: 'seeker' });

    clock.set('2026-03-29T08:00:00Z');
    await t.drain();
    expect((await events('appointment.reminder')).filter((e) => e.appointmentId === appointment.id)).toEqual([]);
    clock.set('2026-03-20T12:00:00Z');
  });

  it('reschedules with a reason: the old visit points to a new request the other side confirms', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, sundays);
    const seeker = seekers[3]!;
    const appointment = (await book(listing.id, '2026-03-29T08:00:00.000Z', seeker)).json();
    const res = await setStatus(appointment.id, { status: 'rescheduled', reason: 'Plumber on site', startsAt: '2026-03-29T09:00:00.000Z' }, owner);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'rescheduled', reason: 'Plumber on site', rescheduledTo: body.replacement.id });
    expect(body.replacement).toMatchObject({ status: 'requested', requestedBy: 'owner', rescheduledFrom: appointment.id, startsAt: '2026-03-29T09:00:00.000Z' });
    expect((await setStatus(body.replacement.id, { status: 'confirmed' }, owner)).statusCode).toBe(409);
    expect((await setStatus(body.replacement.id, { status: 'confirmed' }, seeker)).json()).toMatchObject({ status: 'confirmed' });
    const remaining = await slots(listing.id, '2026-03-29', '2026-03-29');
    expect(remaining.map((s) => s.remaining)).toEqual([1, 0]);
  });

  it('lists a person their own visits only, and hides others\' visits behind 404', async () => {
    const mine = await t.app.inject({ url: '/v1/appointments?limit=2', headers: seekers[0]!.headers });
    expect(mine.json().items.every((a: { seekerId: string }) => a.seekerId === seekers[0]!.userId)).toBe(true);
    const ownerPage1 = (await t.app.inject({ url: '/v1/appointments?limit=3', headers: owner.headers })).json();
    const ownerPage2 = (await t.app.inject({ url: `/v1/appointments?limit=3&cursor=${ownerPage1.nextCursor}`, headers: owner.headers })).json();
    const ids = [...ownerPage1.items, ...ownerPage2.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const someone = mine.json().items[0];
    expect((await t.app.inject({ url: `/v1/appointments/${someone.id}`, headers: seekers[3]!.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/v1/appointments' })).statusCode).toBe(401);
  });

  it('lets any agent of the owning agency publish visits and confirm them', async () => {
    const agencyId = newId();
    const asAgent = agentsOf(t.app, t.modules.api<AuthApi>('auth'), agencyId);
    const [lister, colleague] = [await asAgent(), await asAgent()];
    const listing = listings.add(fakeListing(newId(), lister.userId, agencyId));
    expect((await publish(listing.id, sundays, colleague)).statusCode).toBe(200);
    const appointment = (await book(listing.id, '2026-03-29T09:00:00.000Z', seekers[2]!)).json();
    expect((await setStatus(appointment.id, { status: 'confirmed' }, colleague)).json()).toMatchObject({ status: 'confirmed' });
    expect((await t.app.inject({ url: `/v1/appointments/${appointment.id}`, headers: lister.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/v1/appointments/${appointment.id}`, headers: owner.headers })).statusCode).toBe(404);
  });

  it('erases the seeker on user.deleted: live visits are cancelled, places freed, the seeker forgotten', async () => {
    const listing = listings.add(fakeListing(newId(), owner.userId));
    await publish(listing.id, sundays);
    const leaving = seekers[0]!;
    const appointment = (await book(listing.id, '2026-03-29T08:00:00.000Z', leaving)).json();
    await t.platform.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, userDeleted, { userId: leaving.userId }));
    await t.drain();
    const { rows } = await sql<{ seeker_id: string | null; status: string; note: string | null }>`select seeker_id, status, note from appointments.appointments where id = ${appointment.id}`.execute(t.platform.db.kysely);
    expect(rows[0]).toEqual({ seeker_id: null, status: 'cancelled', note: null });
    const left = await sql<{ n: number }>`select count(*)::int as n from appointments.appointments where seeker_id = ${leaving.userId}`.execute(t.platform.db.kysely);
    expect(left.rows[0]!.n).toBe(0);
    expect((await slots(listing.id, '2026-03-29', '2026-03-29'))[0]!.remaining).toBe(1);
  });
});
