import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { ManualClock } from '@immo/platform';
import { authModule, signUpForTest, type AuthApi } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { EXPIRE_STALE_JOB, listingsModule, type ListingsApi } from './index.ts';
import { liegeFlatToRent } from './testing.ts';

// The listings routes on the composed server, with the real geo, auth and users modules.

let t: TestApp;
const clock = new ManualClock('2026-03-02T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule], clock });
});
afterAll(() => t?.close());

type Headers = Record<string, string>;
const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function verifiedOwner() {
  return signUpForTest(t.app, { phoneVerified: true });
}

describe('listings over HTTP', () => {
  it('creates a draft, publishes it, and shows it to the public without the contact', async () => {
    const owner = await verifiedOwner();
    const created = await send('POST', '/v1/listings', owner.headers, liegeFlatToRent());
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const { id } = created.json();
    expect(created.headers.location).toBe(`/v1/listings/${id}`);
    expect(created.json()).toMatchObject({ status: 'draft', region: 'wallonia', provinceNis: '60000', communeName: { fr: 'Liège', nl: 'Luik' } });

    expect((await send('GET', `/v1/listings/${id}`)).statusCode).toBe(404);
    const published = await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });

    const seen = await send('GET', `/v1/listings/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id, price: 1_150, charges: 120, status: 'published' });
    expect(seen.json().contact).toBeUndefined();
    expect((await send('GET', `/v1/listings/${id}`, owner.headers)).json().contact).toEqual({ name: 'Luc Martin', phone: '+32470000001' });
    const api = t.modules.api<ListingsApi>('listings');
    expect((await api.get(id))?.price).toBe(1_150);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await send('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('listings')).sort()).toEqual([
      '/v1/listings',
      '/v1/listings/{id}',
      '/v1/listings/{id}/price-history',
      '/v1/listings/{id}/publish',
      '/v1/listings/{id}/refresh',
      '/v1/listings/{id}/status',
      '/v1/me/listings',
    ]);
    expect(doc.paths['/v1/listings']!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/listings/{id}']!.get!.security).toBeUndefined();
  });

  it('refuses to publish for an unverified phone, with a problem saying so', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: false });
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    const res = await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('verified phone number');
  });

  it('answers 422 naming the fields, 400 for a malformed body, and writes nothing', async () => {
    const owner = await verifiedOwner();
    const wrong = await send('POST', '/v1/listings', owner.headers, liegeFlatToRent({ address: { street: 'Rue X', number: '1', postalCode: '1000', communeNis: '62063' }, epc: { label: 'A++', kwh: 230, certificate: 'x' } }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(['address.postalCode', 'epc.kwh']);
    const malformed = await send('POST', '/v1/listings', owner.headers, { type: 'castle', price: 'cheap' });
    expect(malformed.statusCode).toBe(400);
    expect((await send('GET', '/v1/me/listings', owner.headers)).json().items).toEqual([]);
    expect((await send('POST', '/v1/listings', {}, liegeFlatToRent())).statusCode).toBe(401);
    expect((await send('GET', '/v1/listings/not-a-listing-id')).statusCode).toBe(404);
  });

  it('guards edits: 404 to strangers, 409 on a stale If-Match, a new ETag on success', async () => {
    const owner = await verifiedOwner();
    const stranger = await verifiedOwner();
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    expect((await send('PUT', `/v1/listings/${id}`, stranger.headers, { price: 900 })).statusCode).toBe(404);
    expect((await send('GET', `/v1/listings/${id}`, stranger.headers)).statusCode).toBe(404);

    const edited = await send('PUT', `/v1/listings/${id}`, { ...owner.headers, 'if-match': '"1"' }, { price: 1_100 });
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    const stale = await send('PUT', `/v1/listings/${id}`, { ...owner.headers, 'if-match': '"1"' }, { price: 1_050 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('reload it');
    expect((await send('PUT', `/v1/listings/${id}`, { ...owner.headers, 'if-match': 'soon' }, { price: 1_050 })).statusCode).toBe(400);
    const history = await send('GET', `/v1/listings/${id}/price-history`, owner.headers);
    expect(history.json().items.map((e: { price: number }) => e.price)).toEqual([1_150, 1_100]);
    expect((await send('GET', `/v1/listings/${id}/price-history`)).statusCode).toBe(404);
  });

  it('never answers the old price once a price change is acknowledged, while reads race it', async () => {
    const owner = await verifiedOwner();
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    let price = 1_150;
    for (const next of [1_120, 1_100, 1_080]) {
      const readers = Array.from({ length: 6 }, () => send('GET', `/v1/listings/${id}`));
      const write = send('PUT', `/v1/listings/${id}`, owner.headers, { price: next });
      const seenDuring = (await Promise.all(readers)).map((r) => r.json().price);
      expect(seenDuring.every((p) => p === price || p === next)).toBe(true);
      expect((await write).statusCode).toBe(200);
      price = next;
      const after = await Promise.all(Array.from({ length: 4 }, () => send('GET', `/v1/listings/${id}`)));
      expect(after.map((r) => r.json().price)).toEqual([next, next, next, next]);
    }
  });

  it('moves through the lifecycle by /status and refuses a move it does not allow', async () => {
    const owner = await verifiedOwner();
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    expect((await send('POST', `/v1/listings/${id}/status`, owner.headers, { status: 'under_offer' })).json().status).toBe('under_offer');
    const sold = await send('POST', `/v1/listings/${id}/status`, owner.headers, { status: 'sold' });
    expect(sold.statusCode).toBe(409);
    expect(sold.json().detail).toBe('A listing for rent is marked rented, not sold.');
    expect((await send('POST', `/v1/listings/${id}/status`, owner.headers, { status: 'rented' })).json().status).toBe('rented');
    expect((await send('GET', `/v1/listings/${id}`)).statusCode).toBe(404);
    const removed = await send('DELETE', `/v1/listings/${id}`, owner.headers);
    expect(removed.json()).toMatchObject({ deleted: false, listing: { status: 'archived' } });

    const { id: draft } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    expect((await send('DELETE', `/v1/listings/${draft}`, owner.headers)).json()).toEqual({ deleted: true });
    expect((await send('GET', `/v1/listings/${draft}`, owner.headers)).statusCode).toBe(404);
  });

  it('lets an agent of the agency edit its listings and lists them under /v1/me/listings', async () => {
    const founder = await signUpForTest(t.app, { agencyName: 'Immo Meuse', phoneVerified: true });
    const agent = await signUpForTest(t.app, { role: 'agency', phoneVerified: true });
    const { id } = (await send('POST', '/v1/listings', founder.headers, liegeFlatToRent({ agencyId: founder.agencyId }))).json();
    expect((await send('PUT', `/v1/listings/${id}`, agent.headers, { price: 1_090 })).statusCode).toBe(404);

    const invited = await send('POST', `/v1/agencies/${founder.agencyId}/invitations`, founder.headers, { email: agent.email, role: 'agent' });
    expect(invited.statusCode).toBe(201);
    const accepted = await send('POST', '/v1/agencies/invitations/accept', agent.headers, { token: invitationToken(agent.email) });
    expect(accepted.statusCode).toBeLessThan(300);

    const edited = await send('PUT', `/v1/listings/${id}`, agent.headers, { price: 1_090 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ price: 1_090, ownerId: founder.userId, agencyId: founder.agencyId });
    const mine = await send('GET', '/v1/me/listings', agent.headers);
    expect(mine.json().items.map((l: { id: string }) => l.id)).toEqual([id]);
  });

  it('lets an admin moderate any listing', async () => {
    const owner = await verifiedOwner();
    const admin = await signUpForTest(t.app, { role: 'admin' });
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    const archived = await send('POST', `/v1/listings/${id}/status`, admin.headers, { status: 'archived' });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
  });

  it('expires unrefreshed listings through the scheduled job', async () => {
    const owner = await verifiedOwner();
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    await send('POST', `/v1/listings/${id}/publish`, owner.headers);
    clock.advance(61 * 86_400_000);
    await t.platform.jobs.enqueue(t.platform.db.kysely, EXPIRE_STALE_JOB, {});
    await t.drain();
    expect((await send('GET', `/v1/listings/${id}`)).statusCode).toBe(404);
    // the owner's token expired with the 61 days; a moderator signed in now sees the archived listing
    const admin = await signUpForTest(t.app, { role: 'admin' });
    expect((await send('GET', `/v1/listings/${id}`, admin.headers)).json().status).toBe('archived');
  });

  it('on user.deleted archives the person\'s listings and erases their contact', async () => {
    const owner = await verifiedOwner();
    const { id } = (await send('POST', '/v1/listings', owner.headers, liegeFlatToRent())).json();
    expect((await send('POST', `/v1/listings/${id}/publish`, owner.headers)).statusCode).toBe(200);
    const exported = (await t.modules.instances.find((m) => m.name === 'listings')!.instance.exportPersonalData!(owner.userId)) as { listings: { id: string }[] };
    expect(exported.listings.map((l) => l.id)).toEqual([id]);

    // the account is erased by auth; user.deleted reaches this module's consumer through the outbox
    await t.modules.api<AuthApi>('auth').eraseAccount(owner.userId, { userId: owner.userId });
    await t.drain();

    expect((await send('GET', `/v1/listings/${id}`)).statusCode).toBe(404);
    const after = (await t.modules.instances.find((m) => m.name === 'listings')!.instance.exportPersonalData!(owner.userId)) as { listings: { status: string; contact: unknown }[] };
    expect(after.listings).toEqual([expect.objectContaining({ status: 'archived', contact: null })]);
  });
});

/** The invitation link mailed to `to` by the users module (embedded mail port: files under DATA_DIR/outbox). */
function invitationToken(to: string): string {
  const dir = join(t.platform.config.DATA_DIR, 'outbox');
  const mails = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')).sort() : [];
  for (const file of mails.reverse()) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    if (!new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(text)) continue;
    const match = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(text);
    if (match) return match[1]!;
  }
  throw new Error(`no invitation mailed to ${to}`);
}
