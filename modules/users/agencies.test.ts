import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, lastLinkToken, signUpForTest, testVatNumber } from '@immo/auth';
import { usersModule, type UsersApi } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule, usersModule] });
});
afterAll(() => t?.close());

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const agencyBody = (vatNumber = testVatNumber()) => ({ legalName: 'Immo Zavelberg SRL', vatNumber, ipiNumber: '504.321', address: { street: 'Grote Zavel 5', postalCode: '1000', city: 'Brussel' } });

describe('agencies', () => {
  it('checks the Belgian VAT number and its check digits', async () => {
    const me = await signUpForTest(t.app);
    expect((await call('POST', '/v1/agencies', me.headers, agencyBody('BE0403170702'))).statusCode).toBe(422);
    expect((await call('POST', '/v1/agencies', me.headers, agencyBody('FR40303265045'))).statusCode).toBe(422);
    const created = await call('POST', '/v1/agencies', me.headers, agencyBody('BE 0403.170.701'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ vatNumber: 'BE0403170701', ipiNumber: '504321' });
    const other = await signUpForTest(t.app);
    expect((await call('POST', '/v1/agencies', other.headers, agencyBody('0403170701'))).statusCode).toBe(409);
  });

  it('founding an agency makes the founder an agency owner; the token carries the membership and MFA', async () => {
    const owner = await signUpForTest(t.app, { agencyName: 'Immo Meir' });
    const claims = decodeJwt(owner.accessToken) as { role: string; agencies: { id: string; role: string }[]; amr: string[] };
    expect(claims.role).toBe('agency');
    expect(claims.agencies).toEqual([{ id: owner.agencyId, role: 'owner' }]);
    expect(claims.amr).toContain('otp');
    const users = t.modules.api<UsersApi>('users');
    expect(await users.isAgencyMember(owner.userId, owner.agencyId!)).toBe(true);
    expect(await users.agenciesOf(owner.userId)).toEqual([{ agencyId: owner.agencyId, role: 'owner' }]);
    expect((await users.agency(owner.agencyId!))?.legalName).toBe('Immo Meir');
  });

  it('an owner invites an agent by e-mail; only that verified address can accept', async () => {
    const owner = await signUpForTest(t.app, { agencyName: 'Immo Kouter' });
    const agent = await signUpForTest(t.app);
    const stranger = await signUpForTest(t.app);
    const base = `/v1/agencies/${owner.agencyId}`;

    // non-members: 404 on members and invitations; agents cannot invite
    expect((await call('GET', `${base}/members`, stranger.headers)).statusCode).toBe(404);
    expect((await call('POST', `${base}/invitations`, stranger.headers, { email: stranger.email })).statusCode).toBe(404);
    expect((await call('PATCH', base, stranger.headers, { legalName: 'Stolen SRL' })).statusCode).toBe(404);

    expect((await call('POST', `${base}/invitations`, owner.headers, { email: agent.email, role: 'agent' })).statusCode).toBe(201);
    const token = lastLinkToken(t.platform.config.DATA_DIR, agent.email, 'accept-invitation');
    expect((await call('POST', '/v1/agencies/invitations/accept', stranger.headers, { token })).statusCode).toBe(404);
    const accepted = await call('POST', '/v1/agencies/invitations/accept', agent.headers, { token });
    expect(accepted.json()).toEqual({ agencyId: owner.agencyId, role: 'agent' });
    expect((await call('POST', '/v1/agencies/invitations/accept', agent.headers, { token })).statusCode).toBe(404);

    // the agent is now an agency professional: MFA is required before agency routes answer
    const me = (await call('GET', '/v1/auth/me', agent.headers)).json();
    expect(me.account.role).toBe('agency');

    const members = (await call('GET', `${base}/members`, owner.headers)).json().members as { userId: string; role: string }[];
    expect(members.map((m) => m.role).sort()).toEqual(['agent', 'owner']);
    expect((await call('DELETE', `${base}/members/${owner.userId}`, owner.headers)).statusCode).toBe(409);
    expect((await call('DELETE', `${base}/members/${agent.userId}`, owner.headers)).statusCode).toBe(204);
    expect(await t.modules.api<UsersApi>('users').isAgencyMember(agent.userId, owner.agencyId!)).toBe(false);
  });

  it('shows the public agency card to anyone, and lets only an owner change it', async () => {
    const owner = await signUpForTest(t.app, { agencyName: 'Immo Sablon' });
    expect((await call('GET', `/v1/agencies/${owner.agencyId}`, {})).statusCode).toBe(200);
    const patched = await call('PATCH', `/v1/agencies/${owner.agencyId}`, owner.headers, { legalName: 'Immo Sablon SA' });
    expect(patched.json().legalName).toBe('Immo Sablon SA');
    expect((await call('PATCH', `/v1/agencies/${owner.agencyId}`, owner.headers, { vatNumber: 'BE0000000000' })).statusCode).toBe(422);
  });
});
