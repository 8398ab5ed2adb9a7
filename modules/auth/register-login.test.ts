import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as passwords from './passwords.ts';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { ManualClock } from '@immo/platform';
import { authModule } from './index.ts';
import { lastLinkToken } from './test-mailbox.ts';

// the real verification, observed: which hash each sign-in checks
vi.mock('./passwords.ts', async (original) => {
  const real = await original<typeof import('./passwords.ts')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifySpy = vi.mocked(passwords.verifyPassword);

let t: TestApp;
const clock = new ManualClock('2026-03-01T10:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule], clock });
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('register and sign in', () => {
  it('registers, verifies the e-mail by link and signs in', async () => {
    const res = await post('/v1/auth/register', { email: 'Anne@Example.be', password: 'Huis-met-tuin-in-Gent', displayName: 'Anne', locale: 'nl' });
    expect(res.statusCode).toBe(202);
    const token = lastLinkToken(t.platform.config.DATA_DIR, 'anne@example.be', 'verify-email');
    expect((await post('/v1/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await post('/v1/auth/verify-email', { token })).statusCode).toBe(422);

    const login = await post('/v1/auth/login', { email: 'anne@example.be', password: 'Huis-met-tuin-in-Gent' });
    expect(login.statusCode).toBe(200);
    const body = login.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, mfa: false });
    const me = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ email: 'anne@example.be', emailVerified: true, role: 'individual', locale: 'nl', displayName: 'Anne' });
  });

  it('refuses short, common and e-mail-derived passwords', async () => {
    for (const password of ['short1!', 'password123', 'Azerty12345!', 'aaaaaaaaaaaa', 'abcdefghijkl', 'bernard.dupont-2026']) {
      const res = await post('/v1/auth/register', { email: 'bernard.dupont@example.be', password });
      expect(res.statusCode, password).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers a taken address exactly like a free one', async () => {
    const first = await post('/v1/auth/register', { email: 'twice@example.be', password: 'Een-lang-wachtwoord-9' });
    const second = await post('/v1/auth/register', { email: 'twice@example.be', password: 'Een-ander-wachtwoord-7' });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    await post('/v1/auth/register', { email: 'known@example.be', password: 'Appartement-Namur-3' });
    const unknown = await post('/v1/auth/login', { email: 'nobody@example.be', password: 'Appartement-Namur-3' });
    const wrong = await post('/v1/auth/login', { email: 'known@example.be', password: 'Appartement-Namur-4' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, instance: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('spends the same argon2 work on an unknown e-mail as on a wrong password', async () => {
    const login = async (email: string) => {
      clock.advance(20 * 60_000); // past any throttling delay: measure the check itself
      verifySpy.mockClear();
      const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'Appartement-Namur-9' }, remoteAddress: '172.16.0.9' });
      expect(res.statusCode).toBe(401);
      return verifySpy.mock.calls.map(([hash]) => hash);
    };
    const wrong = await login('known@example.be');
    const unknown = await login('stranger@example.be');
    // one argon2id verification each, with the same parameters (they are in the hash)
    expect(wrong).toHaveLength(1);
    expect(unknown).toHaveLength(1);
    const params = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(params(unknown[0]!)).toBe(params(wrong[0]!));
    expect(params(unknown[0]!)).toBe('argon2id$v=19$m=19456,t=2,p=1');
  });

  it('publishes user.registered with ids only', async () => {
    await post('/v1/auth/register', { email: 'event@example.be', password: 'Een-lang-wachtwoord-9' });
    const rows = await t.platform.db.kysely.selectFrom('platform.outbox').select(['name', 'payload']).where('name', '=', 'user.registered').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows as { payload: unknown }[]) expect(JSON.stringify(row.payload)).not.toContain('@');
  });
});
