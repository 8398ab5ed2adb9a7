import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest } from '@immo/auth';
import { usersModule } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule, usersModule] });
});
afterAll(() => t?.close());

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('profile', () => {
  it('shows and updates the person’s own profile', async () => {
    const me = await signUpForTest(t.app);
    const view = await call('GET', `/v1/users/${me.userId}`, me.headers);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: me.userId, email: me.email, role: 'individual', locale: 'fr', avatarUrl: null });
    const updated = await call('PUT', `/v1/users/${me.userId}`, me.headers, { displayName: 'Sofie Peeters', locale: 'nl' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ displayName: 'Sofie Peeters', locale: 'nl' });
  });

  it('answers 404 to anyone else (BOLA) and refuses unknown fields such as role (mass assignment)', async () => {
    const me = await signUpForTest(t.app);
    const other = await signUpForTest(t.app);
    for (const [method, url, body] of [
      ['GET', `/v1/users/${me.userId}`],
      ['PUT', `/v1/users/${me.userId}`, { displayName: 'Hacked' }],
      ['DELETE', `/v1/users/${me.userId}`],
      ['GET', `/v1/users/${me.userId}/export`],
      ['GET', `/v1/users/${me.userId}/favorites`],
      ['PUT', `/v1/users/${me.userId}/favorites/abc`],
      ['GET', `/v1/users/${me.userId}/search-preferences`],
      ['GET', `/v1/users/${me.userId}/consents`],
      ['PUT', `/v1/users/${me.userId}/consents`, { marketing: true }],
    ] as [Method, string, object?][]) {
      const res = await call(method, url, other.headers, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', `/v1/users/${me.userId}`, {})).statusCode).toBe(401);

    for (const body of [{ role: 'superadmin' }, { displayName: 'Me', role: 'admin' }, { email: 'new@example.be' }, { status: 'active' }]) {
      expect((await call('PUT', `/v1/users/${me.userId}`, me.headers, body)).statusCode).toBe(400);
    }
    expect((await call('GET', `/v1/users/${me.userId}`, me.headers)).json().role).toBe('individual');
  });

  it('stores an avatar recognised by its bytes', async () => {
    const me = await signUpForTest(t.app);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a20000000049454e44ae426082', 'hex');
    const ok = await t.app.inject({ method: 'PUT', url: `/v1/users/${me.userId}/avatar`, headers: { ...me.headers, 'content-type': 'image/png' }, payload: png });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().avatarUrl).toBeTruthy();
    const fake = await t.app.inject({ method: 'PUT', url: `/v1/users/${me.userId}/avatar`, headers: { ...me.headers, 'content-type': 'image/png' }, payload: Buffer.from('<svg onload=alert(1)>') });
    expect(fake.statusCode).toBe(422);
  });
});

describe('search preferences, favourites, consents', () => {
  it('keeps search preferences and validates them', async () => {
    const me = await signUpForTest(t.app);
    const prefs = { transaction: 'rent', budgetMax: 1200, regions: ['brussels'], communes: ['21004'], propertyTypes: ['apartment'], bedroomsMin: 2, mustHaves: ['terrace'] };
    expect((await call('PUT', `/v1/users/${me.userId}/search-preferences`, me.headers, prefs)).statusCode).toBe(200);
    expect((await call('GET', `/v1/users/${me.userId}/search-preferences`, me.headers)).json().preferences).toMatchObject(prefs);
    expect((await call('PUT', `/v1/users/${me.userId}/search-preferences`, me.headers, { budgetMin: 500_000, budgetMax: 100 })).statusCode).toBe(400);
  });

  it('adds and removes favourites idempotently and publishes each change once', async () => {
    const me = await signUpForTest(t.app);
    const seen: string[] = [];
    const { favoriteAdded, favoriteRemoved } = await import('./index.ts');
    t.platform.events.subscribe({ consumer: `test.fav-added-${me.userId}`, event: favoriteAdded, handle: async (p) => { if (p.userId === me.userId) seen.push(`+${p.listingId}`); } });
    t.platform.events.subscribe({ consumer: `test.fav-removed-${me.userId}`, event: favoriteRemoved, handle: async (p) => { if (p.userId === me.userId) seen.push(`-${p.listingId}`); } });
    for (let i = 0; i < 2; i++) expect((await call('PUT', `/v1/users/${me.userId}/favorites/listing-1`, me.headers)).statusCode).toBe(204);
    await call('PUT', `/v1/users/${me.userId}/favorites/listing-2`, me.headers);
    await call('DELETE', `/v1/users/${me.userId}/favorites/listing-1`, me.headers);
    await call('DELETE', `/v1/users/${me.userId}/favorites/listing-1`, me.headers);
    await t.drain();
    const list = (await call('GET', `/v1/users/${me.userId}/favorites`, me.headers)).json().favorites as { listingId: string }[];
    expect(list.map((f) => f.listingId)).toEqual(['listing-2']);
    expect(seen).toEqual(['+listing-1', '+listing-2', '-listing-1']);
    expect((await call('PUT', `/v1/users/${me.userId}/favorites/${'x'.repeat(65)}`, me.headers)).statusCode).toBe(400);
  });

  it('records consent per purpose with a history, withdrawable the same way', async () => {
    const me = await signUpForTest(t.app);
    const initial = (await call('GET', `/v1/users/${me.userId}/consents`, me.headers)).json();
    expect(initial.current).toEqual({ analytics: false, marketing: false, partnerSharing: false });
    await call('PUT', `/v1/users/${me.userId}/consents`, me.headers, { analytics: true, marketing: true });
    const withdrawn = (await call('PUT', `/v1/users/${me.userId}/consents`, me.headers, { marketing: false })).json();
    expect(withdrawn.current).toEqual({ analytics: true, marketing: false, partnerSharing: false });
    expect(withdrawn.history.map((h: { purpose: string; granted: boolean }) => `${h.purpose}:${h.granted}`).sort()).toEqual(['analytics:true', 'marketing:false', 'marketing:true']);
    expect((await call('PUT', `/v1/users/${me.userId}/consents`, me.headers, {})).statusCode).toBe(400);
  });
});
