import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../src/testing.ts';
import { notesModule } from './notes-module.ts';

describe('gateway', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [notesModule], env: { CORS_ORIGINS: 'https://immo.be' } });
  });
  afterAll(() => t.close());

  const count = async () =>
    (await sql<{ n: number }>`select count(*) as n from notes.notes`.execute(t.platform.db.kysely)).rows[0]!.n;

  it('serves a module route and reads back what it wrote', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/v1/notes', payload: { title: 'Visite', stars: 4 } });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/v1/notes/${created.json().id}` });
    expect(read.json()).toMatchObject({ title: 'Visite', stars: 4 });
  });

  it('answers broken JSON with a 400 problem and writes nothing', async () => {
    const before = await count();
    const res = await t.app.inject({ method: 'POST', url: '/v1/notes', headers: { 'content-type': 'application/json' }, payload: '{"title": "x",' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(await count()).toBe(before);
  });

  it('names the wrong fields', async () => {
    const before = await count();
    const res = await t.app.inject({ method: 'POST', url: '/v1/notes', payload: { title: '', stars: 'five' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.title', 'body.stars']));
    expect(body.detail).toMatch(/body\.stars/);
    expect(await count()).toBe(before);
  });

  it('refuses unknown fields (no mass assignment)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/notes', payload: { title: 'a', stars: 1, id: '0190a0a0-0000-7000-8000-000000000000' } });
    expect(res.statusCode).toBe(400);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/notes', payload: { title: 'x'.repeat(2_000_000), stars: 1 } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/notes', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(res.statusCode).toBe(415);
  });

  it('answers an unknown route and an unknown id with 404 problems', async () => {
    const route = await t.app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(route.statusCode).toBe(404);
    expect(route.json().detail).toMatch(/no route GET \/v1\/nowhere/);
    const id = await t.app.inject({ method: 'GET', url: '/v1/notes/0190a0a0-0000-7000-8000-000000000000' });
    expect(id.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: `/v1/notes/${'x'.repeat(300)}` });
    expect(bad.statusCode).toBe(400);
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'req-12345678' } });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });

  it('allows only listed origins', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://immo.be' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://immo.be');
    const no = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits the rate per route with a 429 problem and Retry-After', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await t.app.inject({ method: 'GET', url: '/v1/limited' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await t.app.inject({ method: 'GET', url: '/v1/limited' });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('reports health, readiness and metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds');
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas, and a UI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/v1/notes'].post;
    expect(post.requestBody.content['application/json'].schema.properties.stars).toMatchObject({ type: 'integer' });
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});

describe('web pages on the API origin', () => {
  let t: TestApp;
  const pages: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({
      modules: [notesModule],
      // a stand-in for Next's handler: it records which paths reach the web app
      web: async (req, res) => {
        pages.push(req.url ?? '');
        res.setHeader('content-type', 'text/html');
        res.end('<html><body>page</body></html>');
      },
    });
  });
  afterAll(() => t.close());

  it('hands every non-API GET to the web app, with the gateway headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fr/recherche?q=ixelles' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('page');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(pages).toEqual(['/fr/recherche?q=ixelles']);
  });

  it("answers /favicon.ico with the app's icon, which browsers ask for before a streamed page names it", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/icon.svg');
    expect(pages).not.toContain('/favicon.ico');
  });

  it('keeps API paths for the API: an unknown one stays a problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect(pages).not.toContain('/v1/nowhere');
  });
});
