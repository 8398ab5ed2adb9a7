import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '@immo/platform';
import { loadGeo } from './index.ts';
import { geoRoutes } from './routes.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // what the composition root does: problems and validation errors as problem+json
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Problem)
      return reply.status(error.status).type('application/problem+json').send(error.toBody(request.url));
    if (hasZodFastifySchemaValidationErrors(error))
      return reply
        .status(400)
        .type('application/problem+json')
        .send({ status: 400, title: 'Invalid request' });
    return reply.status(500).send({ status: 500 });
  });
  geoRoutes(app, loadGeo());
  await app.ready();
});
afterAll(() => app.close());

describe('geo routes', () => {
  it('lists communes, by region and by province', async () => {
    const all = await app.inject({ url: '/v1/geo/communes' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toHaveLength(565);
    const brussels = await app.inject({ url: '/v1/geo/communes?region=brussels' });
    expect(brussels.json().items).toHaveLength(19);
    const limburg = await app.inject({ url: '/v1/geo/communes?province=70000' });
    expect(limburg.json().items.map((c: { name: { nl: string } }) => c.name.nl)).toContain(
      'Tongeren-Borgloon',
    );
    expect(limburg.json().items).toHaveLength(38); // 42 in 2020, four Limburg mergers in 2025
  });

  it('answers 400 to an unknown region', async () => {
    const res = await app.inject({ url: '/v1/geo/communes?region=atlantis' });
    expect(res.statusCode).toBe(400);
  });

  it('answers one commune by NIS code, 404 problem for an unknown one', async () => {
    const liege = await app.inject({ url: '/v1/geo/communes/62063' });
    expect(liege.statusCode).toBe(200);
    expect(liege.json()).toMatchObject({
      nis: '62063',
      name: { fr: 'Liège', nl: 'Luik' },
      region: 'wallonia',
      province: { nis: '60000' },
    });
    const unknown = await app.inject({ url: '/v1/geo/communes/99999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, title: 'Not found' });
    expect(unknown.headers['cache-control']).toBeUndefined();
  });

  it('answers the communes of a postal code', async () => {
    const res = await app.inject({ url: '/v1/geo/postal-codes/7000' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { nis: string }) => c.nis)).toEqual(['53053']);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect((await app.inject({ url: '/v1/geo/postal-codes/0999' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/v1/geo/postal-codes/1001' })).statusCode).toBe(404);
  });
});
