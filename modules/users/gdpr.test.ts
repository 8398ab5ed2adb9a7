import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, lastSmsCode, signUpForTest, totpCode } from '@immo/auth';
import { usersModule } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule, usersModule] });
});
afterAll(() => t?.close());

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Every row of every table of every schema, as text, that contains `value`. */
async function tablesHolding(value: string): Promise<string[]> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\_%'`.execute(t.platform.db.kysely);
  const found: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${table.schema}.${table.name}`)} as r where r::text ilike ${`%${value}%`}`.execute(t.platform.db.kysely);
    if (rows[0]!.n > 0) found.push(`${table.schema}.${table.name}`);
  }
  return found;
}

describe('GDPR', () => {
  it('exports everything as JSON and CSV, to the person only, audited', async () => {
    const me = await signUpForTest(t.app);
    await call('PUT', `/v1/users/${me.userId}/favorites/listing-77`, me.headers);
    const other = await signUpForTest(t.app);
    expect((await call('GET', `/v1/users/${me.userId}/export?format=json`, other.headers)).statusCode).toBe(404);

    const json = await call('GET', `/v1/users/${me.userId}/export?format=json`, me.headers);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    const doc = json.json();
    expect(doc.modules.auth.account[0].email).toBe(me.email);
    expect(doc.modules.users.favorites[0].listingId).toBe('listing-77');

    const csv = await call('GET', `/v1/users/${me.userId}/export?format=csv`, me.headers);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('module,kind,record,field,value');
    expect(csv.body).toContain(`auth,account,0,email,${me.email}`);
    expect(csv.body).toContain('users,favorites,0,listingId,listing-77');
    expect((await call('GET', `/v1/users/${me.userId}/export?format=xml`, me.headers)).statusCode).toBe(400);

    const audit = await t.platform.db.kysely.selectFrom('platform.audit_log').select('action').where('subject_id', '=', me.userId).execute();
    expect(audit.map((r: { action: string }) => r.action)).toContain('user.exported');
  });

  it('erases the person: no e-mail, name or phone is left in any table once events are drained', async () => {
    const email = 'josephine.vandermeersch@example.be';
    const name = 'Joséphine Vandermeersch';
    const phone = '+32471234567';
    const me = await signUpForTest(t.app, { email });
    await call('PUT', `/v1/users/${me.userId}`, me.headers, { displayName: name });
    await call('POST', '/v1/auth/phone', me.headers, { phone });
    await call('POST', '/v1/auth/phone/verify', me.headers, { code: lastSmsCode(t.platform.config.DATA_DIR, phone) });
    await call('PUT', `/v1/users/${me.userId}/favorites/listing-1`, me.headers);
    await call('PUT', `/v1/users/${me.userId}/search-preferences`, me.headers, { regions: ['flanders'], budgetMax: 400000 });
    await call('PUT', `/v1/users/${me.userId}/consents`, me.headers, { marketing: true });
    const { secret } = (await call('POST', '/v1/auth/mfa/totp', me.headers)).json();
    await call('POST', '/v1/auth/mfa/totp/confirm', me.headers, { otp: await totpCode(secret, new Date()) });
    // an agency invites her (pending) and she is a member of another
    const agencyA = await signUpForTest(t.app, { agencyName: 'Immo Brugge' });
    await call('POST', `/v1/agencies/${agencyA.agencyId}/invitations`, agencyA.headers, { email, role: 'agent' });
    await t.drain();

    expect(await tablesHolding(email)).not.toEqual([]);
    expect(await tablesHolding('Vandermeersch')).not.toEqual([]);
    expect(await tablesHolding(phone)).not.toEqual([]);

    const stranger = await signUpForTest(t.app);
    expect((await call('DELETE', `/v1/users/${me.userId}`, stranger.headers)).statusCode).toBe(404);
    expect((await call('DELETE', `/v1/users/${me.userId}`, me.headers)).statusCode).toBe(204);
    await t.drain();

    expect(await tablesHolding(email)).toEqual([]);
    expect(await tablesHolding('Vandermeersch')).toEqual([]);
    expect(await tablesHolding(phone)).toEqual([]);
    expect(await tablesHolding('471234567')).toEqual([]);
    // the favourite (a pseudonymous link) is gone from our schemas; the dispatched
    // favorite.added event in platform.outbox carries ids only and goes with outbox retention
    expect((await tablesHolding('listing-1')).filter((table) => !table.startsWith('platform.'))).toEqual([]);

    // the account is gone for every purpose
    expect((await call('GET', '/v1/auth/me', me.headers)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: 'Test-passphrase-for-immo-42' } })).statusCode).toBe(401);
    expect((await call('DELETE', `/v1/users/${me.userId}`, me.headers)).statusCode).toBe(401);

    const audit = await t.platform.audit.verify();
    expect(audit.ok).toBe(true);
    const actions = await t.platform.db.kysely.selectFrom('platform.audit_log').select('action').where('subject_id', '=', me.userId).execute();
    expect(actions.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.mfa.enrolled', 'user.erased']));
  });
});
