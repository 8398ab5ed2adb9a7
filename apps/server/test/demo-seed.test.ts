import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoListings } from '@immo/listings';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { moduleRegistry } from '../src/registry.ts';
import { seedDemoData } from '../src/seed.ts';
import { DEMO_PASSWORD, demoDirectory } from '../src/demo-directory.ts';

const SEED = 7;
const COUNT = 30;

describe('demo data: the advertisers are people one can sign in as', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: await moduleRegistry() });
    await seedDemoData({ platform: t.platform, modules: t.modules, count: COUNT, seed: SEED });
  }, 120_000);
  afterAll(() => t?.close());

  const login = (email: string) => t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });

  it('a private owner signs in with the demo password and finds their listings in their desk', async () => {
    const directory = demoDirectory(SEED);
    const listing = generateDemoListings({ count: COUNT, seed: SEED }).find((l) => !l.view.agencyId)!.view;
    const owner = directory.accounts.find((a) => a.id === listing.ownerId)!;
    expect(owner.email).toMatch(/^owner\d+@demo\.immo\.be$/);

    const res = await login(owner.email);
    expect(res.statusCode).toBe(200);
    const { accessToken } = res.json() as { accessToken: string };
    const mine = await t.app.inject({ method: 'GET', url: '/v1/me/listings', headers: { authorization: `Bearer ${accessToken}` } });
    expect(mine.statusCode).toBe(200);
    expect(JSON.stringify(mine.json())).toContain(listing.id);
  });

  it('agencies exist with their agents as members, and agents sign in (MFA enrolment still applies)', async () => {
    const directory = demoDirectory(SEED);
    const agency = directory.agencies[0]!;
    const shown = await t.app.inject({ method: 'GET', url: `/v1/agencies/${agency.id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ legalName: agency.legalName, address: agency.address });

    const agent = directory.accounts.find((a) => a.id === agency.members[0]!.userId)!;
    const res = await login(agent.email);
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${(res.json() as { accessToken: string }).accessToken}` } });
    expect(me.json()).toMatchObject({ account: { role: 'agency', emailVerified: true, phoneVerified: true }, mfa: { required: true } });
  });

  it('seeding again creates nobody twice, and a wrong password is still refused', async () => {
    await seedDemoData({ platform: t.platform, modules: t.modules, count: COUNT, seed: SEED });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from auth.accounts where email like '%@demo.immo.be'`.execute(t.platform.db.kysely);
    expect(rows[0]!.n).toBe(demoDirectory(SEED).accounts.length);
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'owner1@demo.immo.be', password: 'wrong-password-123' } });
    expect(res.statusCode).toBe(401);
  });

  it('is deterministic: the same seed gives the same people', () => {
    expect(demoDirectory(SEED)).toEqual(demoDirectory(SEED));
    expect(new Set(demoDirectory(SEED).accounts.map((a) => a.email)).size).toBe(demoDirectory(SEED).accounts.length);
  });
});
