import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync, createHmac, type JsonWebKey } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { ManualClock } from '@immo/platform';
import { authModule, signUpForTest, type AuthApi } from './index.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('access tokens (real clock, listening server)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule] });
  });
  afterAll(() => t?.close());

  it('are verified by an independent client through discovery and the JWKS', async () => {
    const { accessToken, userId } = await signUpForTest(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const discovery = (await (await fetch(`http://127.0.0.1:${address.port}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string; id_token_signing_alg_values_supported: string[] };
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
    const { payload, protectedHeader } = await jwtVerify(accessToken, jwks, { issuer: discovery.issuer, audience: 'immo-api' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toBe(userId);
    expect(payload.exp! - payload.iat!).toBe(900);
  });
});

describe('access tokens that must be refused', () => {
  let t: TestApp;
  const clock = new ManualClock('2026-04-01T08:00:00Z');
  let token: string;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [authModule], clock });
    ({ accessToken: token, userId } = await signUpForTest(t.app));
  });
  afterAll(() => t?.close());

  const me = (authorization: string) => t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization } });
  const claims = () => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('accepts the genuine token', async () => {
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    clock.advance(15 * 60_000 + 1000);
    const res = await me(`Bearer ${token}`);
    clock.advance(-(15 * 60_000 + 1000));
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a token signed with another key under our kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(token).kid!, typ: 'at+jwt' }).sign(privateKey);
    expect((await me(`Bearer ${forged}`)).statusCode).toBe(401);
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt', kid: decodeProtectedHeader(token).kid })}.${b64({ ...claims(), role: 'superadmin' })}.`;
    expect((await me(`Bearer ${unsigned}`)).statusCode).toBe(401);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as { keys: JsonWebKey[] };
    const pem = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    const head = b64({ alg: 'HS256', typ: 'at+jwt', kid: decodeProtectedHeader(token).kid });
    const body = b64({ ...claims(), role: 'superadmin' });
    const signature = createHmac('sha256', pem).update(`${head}.${body}`).digest('base64url');
    expect((await me(`Bearer ${head}.${body}.${signature}`)).statusCode).toBe(401);
  });

  it('refuses a tampered payload and garbage', async () => {
    const [h, , s] = token.split('.');
    expect((await me(`Bearer ${h}.${b64({ ...claims(), role: 'admin' })}.${s}`)).statusCode).toBe(401);
    expect((await me('Bearer not-a-token')).statusCode).toBe(401);
    expect((await me(`Basic ${token}`)).statusCode).toBe(401);
  });

  it('keeps tokens valid across a key rotation, then drops the old key once they expired', async () => {
    const api = t.modules.api<AuthApi>('auth');
    expect((await api.verifyAccessToken(token)).userId).toBe(userId);
    await t.platform.jobs.enqueue(t.platform.db.kysely, 'auth.rotate-signing-key', {});
    await t.drain();
    const after = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(token).kid);
    expect(after.keys).toHaveLength(2);
    // the old token still works; new tokens are signed with the new key
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    const fresh = await signUpForTest(t.app);
    expect(decodeProtectedHeader(fresh.accessToken).kid).not.toBe(decodeProtectedHeader(token).kid);

    clock.advance(21 * 60_000);
    await t.platform.jobs.enqueue(t.platform.db.kysely, 'auth.prune-signing-keys', {});
    await t.drain();
    const pruned = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as { keys: { kid: string }[] };
    expect(pruned.keys.map((k) => k.kid)).toEqual([decodeProtectedHeader(fresh.accessToken).kid]);
  });
});
