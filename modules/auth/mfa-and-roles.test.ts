import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { ManualClock } from '@immo/platform';
import { authModule, signUpForTest, totpCode } from './index.ts';

let t: TestApp;
const clock = new ManualClock('2026-06-10T14:00:00Z');
let root: Awaited<ReturnType<typeof signUpForTest>>;
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule], clock });
  root = await signUpForTest(t.app, { role: 'superadmin' });
});
afterAll(() => t?.close());

const PASSWORD = 'Test-passphrase-for-immo-42';
const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object = {}, payload?: object) => t.app.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });
let ip = 0;
// a fresh client address per sign-in keeps the suite under the per-IP route limit
const login = (email: string, otp?: string) => t.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: `192.168.${++ip >> 8}.${ip & 255}`, payload: { email, password: PASSWORD, ...(otp ? { otp } : {}) } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('MFA required for agency and staff roles', () => {
  it('refuses every non-auth route to an admin without a second factor, until enrolment', async () => {
    const person = await signUpForTest(t.app);
    expect((await inject('PUT', `/v1/admin/users/${person.userId}/role`, root.headers, { role: 'admin' })).statusCode).toBe(200);

    const noMfa = (await login(person.email)).json();
    expect(noMfa.mfa).toBe(false);
    const refused = await inject('GET', '/v1/admin/users', bearer(noMfa.accessToken));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('second factor');
    // auth routes still answer, so the person can enrol
    const me = (await inject('GET', '/v1/auth/me', bearer(noMfa.accessToken))).json();
    expect(me.mfa).toMatchObject({ enrolled: false, required: true, sessionVerified: false });

    const { secret, otpauthUri } = (await inject('POST', '/v1/auth/mfa/totp', bearer(noMfa.accessToken))).json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Immo:.+\?.*secret=/);
    expect((await inject('POST', '/v1/auth/mfa/totp/confirm', bearer(noMfa.accessToken), { otp: '000000' })).statusCode).toBe(401);
    const confirmed = await inject('POST', '/v1/auth/mfa/totp/confirm', bearer(noMfa.accessToken), { otp: await totpCode(secret, clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    // password alone is no longer enough
    const second = await login(person.email);
    expect(second.statusCode).toBe(401);
    expect(second.json()).toMatchObject({ mfaRequired: true });

    clock.advance(30_000);
    const code = await totpCode(secret, clock.now());
    const withOtp = (await login(person.email, code)).json();
    expect(withOtp.mfa).toBe(true);
    expect((await inject('GET', '/v1/admin/users', bearer(withOtp.accessToken))).statusCode).toBe(200);
    // the same code cannot be replayed
    expect((await login(person.email, code)).statusCode).toBe(401);

    // a recovery code works once
    const recovered = await login(person.email, recoveryCodes[0]!.toUpperCase());
    expect(recovered.statusCode).toBe(200);
    expect((await login(person.email, recoveryCodes[0])).statusCode).toBe(401);

    // a role that requires MFA cannot switch it off
    expect((await inject('POST', '/v1/auth/mfa/totp/disable', bearer(withOtp.accessToken), { otp: recoveryCodes[1] })).statusCode).toBe(403);

    const actions = (await t.platform.db.kysely.selectFrom('platform.audit_log').select('action').execute()).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.mfa.enrolled', 'user.role_changed', 'auth.login']));
  });

  it('lets an individual enrol and disable MFA', async () => {
    const person = await signUpForTest(t.app);
    const { secret } = (await inject('POST', '/v1/auth/mfa/totp', person.headers)).json();
    expect((await inject('POST', '/v1/auth/mfa/totp/confirm', person.headers, { otp: await totpCode(secret, clock.now()) })).statusCode).toBe(200);
    expect((await inject('POST', '/v1/auth/mfa/totp', person.headers)).statusCode).toBe(409);
    clock.advance(30_000);
    expect((await inject('POST', '/v1/auth/mfa/totp/disable', person.headers, { otp: await totpCode(secret, clock.now()) })).statusCode).toBe(204);
    expect((await login(person.email)).statusCode).toBe(200);
  });
});

describe('roles and staff actions', () => {
  it('nobody raises their own role (mass assignment)', async () => {
    const person = await signUpForTest(t.app);
    const register = await inject('POST', '/v1/auth/register', {}, { email: 'sneaky@example.be', password: 'Een-lang-wachtwoord-9', role: 'superadmin' });
    expect(register.statusCode).toBe(400);
    expect((await inject('PUT', `/v1/admin/users/${person.userId}/role`, person.headers, { role: 'superadmin' })).statusCode).toBe(403);
    expect((await inject('PUT', `/v1/admin/users/${root.userId}/role`, root.headers, { role: 'individual' })).statusCode).toBe(403);
    const admin = await signUpForTest(t.app, { role: 'admin' });
    expect((await inject('PUT', `/v1/admin/users/${person.userId}/role`, admin.headers, { role: 'agency' })).statusCode).toBe(403);
    expect((await inject('GET', '/v1/auth/me', person.headers)).json().account.role).toBe('individual');
  });

  it('an admin suspends and reactivates; suspension ends the sessions at once', async () => {
    const admin = await signUpForTest(t.app, { role: 'admin' });
    const person = await signUpForTest(t.app);
    expect((await inject('GET', '/v1/admin/users', person.headers)).statusCode).toBe(403);
    expect((await inject('POST', `/v1/admin/users/${person.userId}/suspend`, admin.headers, { reason: 'fraudulent listings' })).statusCode).toBe(204);
    expect((await inject('GET', '/v1/auth/me', person.headers)).statusCode).toBe(401);
    expect((await login(person.email)).statusCode).toBe(403);
    // an admin cannot suspend another admin, nor themselves
    const otherAdmin = await signUpForTest(t.app, { role: 'admin' });
    expect((await inject('POST', `/v1/admin/users/${otherAdmin.userId}/suspend`, admin.headers, { reason: 'rivalry here' })).statusCode).toBe(403);
    expect((await inject('POST', `/v1/admin/users/${person.userId}/reactivate`, admin.headers)).statusCode).toBe(204);
    const back = await login(person.email);
    expect(back.statusCode, back.body).toBe(200);

    await t.drain();
    const audit = await t.platform.audit.verify();
    expect(audit.ok).toBe(true);
    const rows = await t.platform.db.kysely.selectFrom('platform.audit_log').select(['action', 'subject_id']).where('subject_id', '=', person.userId).execute();
    expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'user.suspended', 'user.reactivated']));
  });
});
