import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@immo/server/testing';
import { authModule, signUpForTest } from './index.ts';

// Revocation marks and login counters in Redis: what several API processes share.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [authModule], env: { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } });
});
afterAll(() => t?.close());

describe('auth state in Redis', () => {
  it('ends a logged-out session at once and throttles repeated failures', async () => {
    const user = await signUpForTest(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: user.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: user.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: user.headers })).statusCode).toBe(401);

    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: `10.200.0.${i}`, payload: { email: user.email, password: 'Wrong-password-123' } })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
