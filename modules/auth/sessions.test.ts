import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { ManualClock } from '@immo/platform';
import { authModule, signUpForTest } from './index.ts';

let t: TestApp;
const clock = new ManualClock('2026-05-04T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule], clock });
});
afterAll(() => t?.close());

const PASSWORD = 'Test-passphrase-for-immo-42';
let ip = 0;
// a fresh client address per sign-in keeps the suite under the per-IP route limit
const login = (email: string, extra: object = {}) => t.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: `192.168.${++ip >> 8}.${ip & 255}`, payload: { email, password: PASSWORD, ...extra } });
const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('refresh tokens and sessions', () => {
  it('rotates at each use; reusing an old one revokes the whole family', async () => {
    const { email } = await signUpForTest(t.app);
    const first = (await login(email)).json();
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    expect(second.json().refreshToken).not.toBe(first.refreshToken);
    const third = (await refresh(second.json().refreshToken)).json();

    // an attacker replays the first token: refused, and the family dies
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(third.refreshToken)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(third.accessToken) })).statusCode).toBe(401);
    // and it was audited
    const rows = await t.platform.db.kysely.selectFrom('platform.audit_log').select('action').execute();
    expect(rows.map((r: { action: string }) => r.action)).toContain('auth.refresh_token_reused');
  });

  it('expires after 30 days', async () => {
    const { email } = await signUpForTest(t.app);
    const pair = (await login(email)).json();
    clock.advance(31 * 24 * 3600_000);
    const res = await refresh(pair.refreshToken);
    clock.advance(-31 * 24 * 3600_000);
    expect(res.statusCode).toBe(401);
  });

  it('logout ends the session and its access token at once', async () => {
    const { email } = await signUpForTest(t.app);
    const pair = (await login(email)).json();
    const out = await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(pair.accessToken) });
    expect(out.statusCode, out.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(pair.accessToken) })).statusCode).toBe(401);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('lists the person’s sessions and revokes one; another person’s session answers 404', async () => {
    const { email } = await signUpForTest(t.app);
    const a = (await login(email, {})).json();
    await login(email, {});
    const list = await t.app.inject({ method: 'GET', url: '/v1/auth/sessions', headers: bearer(a.accessToken) });
    const sessions = list.json().sessions as { id: string; current: boolean }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const other = sessions.find((s) => !s.current)!;

    const stranger = await signUpForTest(t.app);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/auth/sessions/${other.id}`, headers: stranger.headers })).statusCode).toBe(404);

    expect((await t.app.inject({ method: 'DELETE', url: `/v1/auth/sessions/${other.id}`, headers: bearer(a.accessToken) })).statusCode).toBe(204);
    const remaining = (await t.app.inject({ method: 'GET', url: '/v1/auth/sessions', headers: bearer(a.accessToken) })).json().sessions as { id: string }[];
    expect(remaining.map((s) => s.id)).not.toContain(other.id);
  });
});

describe('login throttling', () => {
  it('slows down an account after repeated failures, the same for unknown and known e-mails', async () => {
    const { email } = await signUpForTest(t.app);
    const tries = async (who: string) => {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: who, password: 'Wrong-password-123' }, remoteAddress: `10.0.0.${i}` })).statusCode);
      return codes;
    };
    const known = await tries(email);
    const unknown = await tries('ghost@example.be');
    expect(known).toEqual(unknown);
    expect(known.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(known[5]).toBe(429);
    // even the right password waits, and the answer says how long
    const blocked = await login(email);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(3000);
    expect((await login(email)).statusCode).toBe(200);
  });
});

describe('password reset and phone verification', () => {
  it('resets the password by link and ends every session', async () => {
    const { email } = await signUpForTest(t.app);
    const pair = (await login(email)).json();
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/password/forgot', payload: { email } })).statusCode).toBe(202);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/password/forgot', payload: { email: 'nobody@example.be' } })).statusCode).toBe(202);
    const { lastLinkToken } = await import('./test-mailbox.ts');
    const token = lastLinkToken(t.platform.config.DATA_DIR, email, 'reset-password');
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/password/reset', payload: { token, password: 'password123' } })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/password/reset', payload: { token, password: 'Nieuw-wachtwoord-Leuven' } })).statusCode).toBe(204);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
    expect((await login(email)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'Nieuw-wachtwoord-Leuven' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/password/reset', payload: { token, password: 'Nog-een-wachtwoord-9' } })).statusCode).toBe(422);
  });

  it('verifies a Belgian phone number with a texted code', async () => {
    const { headers } = await signUpForTest(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/phone', headers, payload: { phone: '+33 6 12 34 56 78' } })).statusCode).toBe(422);
    const started = await t.app.inject({ method: 'POST', url: '/v1/auth/phone', headers, payload: { phone: '0470 12 34 56' } });
    expect(started.statusCode).toBe(202);
    expect(started.json().phone).toBe('+32470123456');
    const { lastSmsCode } = await import('./test-mailbox.ts');
    const code = lastSmsCode(t.platform.config.DATA_DIR, '+32470123456');
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/phone/verify', headers, payload: { code: wrong } })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/phone/verify', headers, payload: { code } })).statusCode).toBe(204);
    const me = (await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers })).json();
    expect(me.account).toMatchObject({ phone: '+32470123456', phoneVerified: true });
  });
});
