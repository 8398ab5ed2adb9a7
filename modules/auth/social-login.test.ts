import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, totpCode } from './index.ts';

// A real OpenID provider (oidc-provider) on a local port, with its development
// login and consent pages, driven like a browser would: no mock on either side.
const PUBLIC_URL = 'http://immo.test';
const REDIRECT = `${PUBLIC_URL}/v1/auth/social/acme/callback`;
const people: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'sub-lucie': { email: 'lucie@example.be', email_verified: true, name: 'Lucie Lambert' },
  'sub-unverified': { email: 'owner@example.be', email_verified: false, name: 'Someone' },
  'sub-owner': { email: 'owner@example.be', email_verified: true, name: 'Real Owner' },
  'sub-marc': { email: 'marc@example.be', email_verified: true, name: 'Marc Peeters' },
};

let server: Server;
let issuer: string;
let t: TestApp;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'immo', client_secret: 'immo-test-secret', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...people[sub] }) }),
    cookies: { keys: ['test-cookie-key'] },
    pkce: { required: () => true },
  });
  server.on('request', provider.callback());
  t = await createTestApp({
    modules: [authModule],
    env: { PUBLIC_URL, AUTH_OIDC_PROVIDERS: JSON.stringify([{ name: 'acme', issuer, clientId: 'immo', clientSecret: 'immo-test-secret' }]) },
  });
});
afterAll(async () => {
  await t?.close();
  server?.close();
});

/** Starts at our /start, logs in at the provider as `sub`, consents, and returns our callback's answer. */
async function signInWithProvider(sub: string, tamper?: (callback: URL) => void, startQuery = '') {
  const start = await t.app.inject({ method: 'GET', url: `/v1/auth/social/acme/start${startQuery}` });
  expect(start.statusCode).toBe(302);
  // the state cookie, and the return path's when the web app asked for one
  const stateCookie = [start.headers['set-cookie'] ?? []].flat().map((c) => String(c).split(';')[0]!).join('; ');
  const authorize = new URL(start.headers.location as string);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();

  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorize.href;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(REDIRECT)) {
      const callback = new URL(url);
      tamper?.(callback);
      return t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: stateCookie } });
    }
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: sub, password: 'any' } : { prompt });
    const posted = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', body: form, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' } });
    remember(posted);
    url = new URL(posted.headers.get('location')!, url).href;
  }
  throw new Error('the provider never redirected back');
}

describe('social sign-in through a real OpenID provider', () => {
  it('creates an account from a verified e-mail, then signs the same identity in again', async () => {
    const first = await signInWithProvider('sub-lucie');
    expect(first.statusCode, first.body).toBe(200);
    const tokens = first.json();
    const me = (await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${tokens.accessToken}` } })).json();
    expect(me.account).toMatchObject({ email: 'lucie@example.be', emailVerified: true, displayName: 'Lucie Lambert', role: 'individual' });
    expect(me.identities).toEqual([{ provider: 'acme', linkedAt: expect.any(String) }]);

    const again = await signInWithProvider('sub-lucie');
    expect(again.json().userId).toBe(tokens.userId);
  });

  it('still asks for the TOTP code of an account that enrolled MFA', async () => {
    const tokens = (await signInWithProvider('sub-lucie')).json();
    const headers = { authorization: `Bearer ${tokens.accessToken}` };
    const { secret } = (await t.app.inject({ method: 'POST', url: '/v1/auth/mfa/totp', headers })).json();
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/mfa/totp/confirm', headers, payload: { otp: await totpCode(secret) } })).statusCode).toBe(200);

    const held = await signInWithProvider('sub-lucie');
    expect(held.statusCode).toBe(401);
    const { mfaToken, mfaRequired } = held.json();
    expect(mfaRequired).toBe(true);
    const complete = (otp: string) => t.app.inject({ method: 'POST', url: '/v1/auth/login/mfa', payload: { mfaToken, otp } });
    expect((await complete('000000')).statusCode).toBe(401);
    const code = await totpCode(secret, new Date(Date.now() + 30_000));
    const done = await complete(code);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ userId: tokens.userId, mfa: true });
    // the challenge is single use
    expect((await complete(code)).statusCode).toBe(401);
  });

  it('links to an existing account only on a verified e-mail, and drops an unproven password', async () => {
    await t.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'owner@example.be', password: 'Squatted-address-2026' } });
    const unverified = await signInWithProvider('sub-unverified');
    expect(unverified.statusCode).toBe(422);

    const linked = await signInWithProvider('sub-owner');
    expect(linked.statusCode).toBe(200);
    // whoever registered the address without proving it can no longer use that password
    const squatter = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'owner@example.be', password: 'Squatted-address-2026' } });
    expect(squatter.statusCode).toBe(401);
  });

  it('refuses a callback without the browser’s state cookie or with a forged state', async () => {
    const forged = await signInWithProvider('sub-lucie', (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(forged.statusCode).toBe(401);
    const start = await t.app.inject({ method: 'GET', url: '/v1/auth/social/acme/start' });
    const state = new URL(start.headers.location as string).searchParams.get('state');
    const noCookie = await t.app.inject({ method: 'GET', url: `/v1/auth/social/acme/callback?code=abc&state=${state}` });
    expect(noCookie.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/social/nope/start' })).statusCode).toBe(404);
  });

  it('sends a browser that came from the web app back to it with a one-time code, exchanged once for the tokens', async () => {
    const browser = (sub: string) => signInWithProvider(sub, undefined, '?return=/fr/account/social');
    const fragment = (res: { headers: Record<string, unknown> }) => {
      const location = new URL(String(res.headers.location), PUBLIC_URL);
      expect(location.pathname).toBe('/fr/account/social');
      expect(location.search).toBe('');
      return new URLSearchParams(location.hash.slice(1));
    };
    const exchange = (code: string | null) => t.app.inject({ method: 'POST', url: '/v1/auth/social/exchange', payload: { code } });
    const signedIn = await browser('sub-marc');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers['referrer-policy']).toBe('no-referrer');
    const handedOver = fragment(signedIn);
    // no token in the URL: only the code
    expect([...handedOver.keys()]).toEqual(['code']);
    expect(String(signedIn.headers.location)).not.toMatch(/accessToken|refreshToken|eyJ/);
    const exchanged = await exchange(handedOver.get('code'));
    expect(exchanged.statusCode).toBe(200);
    expect(exchanged.headers['cache-control']).toBe('no-store');
    const tokens = exchanged.json();
    const me = (await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${tokens.accessToken}` } })).json();
    expect(me.account).toMatchObject({ id: tokens.userId, email: 'marc@example.be' });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresIn).toBeGreaterThan(0);
    // once only; a made-up code is refused the same way
    const again = await exchange(handedOver.get('code'));
    expect(again.statusCode).toBe(401);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await exchange('x'.repeat(43))).statusCode).toBe(401);
    expect((await exchange('short')).statusCode).toBe(400);

    // refused: the problem's words, no code, no token
    const refused = fragment(await browser('sub-unverified'));
    expect(refused.get('error')).toBeTruthy();
    expect(refused.has('code')).toBe(false);

    // held for the second factor: the code answers the challenge to complete with POST /v1/auth/login/mfa
    const headers = { authorization: `Bearer ${tokens.accessToken}` };
    const { secret } = (await t.app.inject({ method: 'POST', url: '/v1/auth/mfa/totp', headers })).json();
    await t.app.inject({ method: 'POST', url: '/v1/auth/mfa/totp/confirm', headers, payload: { otp: await totpCode(secret) } });
    const held = await exchange(fragment(await browser('sub-marc')).get('code'));
    expect(held.statusCode).toBe(401);
    expect(held.json()).toMatchObject({ mfaRequired: true, type: 'https://immo.be/problems/mfa-required' });
    const completed = await t.app.inject({ method: 'POST', url: '/v1/auth/login/mfa', payload: { mfaToken: held.json().mfaToken, otp: await totpCode(secret, new Date(Date.now() + 30_000)) } });
    expect(completed.statusCode).toBe(200);

    // only a path of this site: no other host, no query smuggled in
    for (const target of ['//evil.example/x', 'https://evil.example/', '/fr/account?next=//evil']) {
      const start = await t.app.inject({ method: 'GET', url: `/v1/auth/social/acme/start?return=${encodeURIComponent(target)}` });
      expect(start.statusCode, target).toBe(400);
    }
  });
});
