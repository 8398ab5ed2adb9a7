import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '@immo/platform';
import {
  communeListSchema,
  communeSchema,
  communesQuerySchema,
  nisParamsSchema,
  postalCodeParamsSchema,
  type GeoApi,
} from './contract.ts';

/** Reference data changes once a year at most: let browsers and CDNs keep it a day. */
const REFERENCE_CACHE = 'public, max-age=86400';

/** Public read routes: anyone may call them, signed in or not. */
export function geoRoutes(app: FastifyInstance, geo: GeoApi) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/v1/geo/communes',
    {
      schema: {
        tags: ['geo'],
        summary: 'Belgian communes, optionally of one region or province (public)',
        querystring: communesQuerySchema,
        response: { 200: communeListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', REFERENCE_CACHE);
      const { region, province } = request.query;
      const items = geo
        .communes()
        .filter((c) => (!region || c.region === region) && (!province || c.province?.nis === province));
      return { items };
    },
  );

  r.get(
    '/v1/geo/communes/:nis',
    {
      schema: {
        tags: ['geo'],
        summary: 'One commune by NIS code (public)',
        params: nisParamsSchema,
        response: { 200: communeSchema },
      },
    },
    async (request, reply) => {
      const commune = geo.commune(request.params.nis);
      if (!commune) throw notFound(`The commune with NIS code ${request.params.nis}`, { code: 'geo.commune_unknown', params: { nis: request.params.nis } });
      reply.header('cache-control', REFERENCE_CACHE);
      return commune;
    },
  );

  r.get(
    '/v1/geo/postal-codes/:code',
    {
      schema: {
        tags: ['geo'],
        summary: 'The communes a postal code serves (public)',
        params: postalCodeParamsSchema,
        response: { 200: communeListSchema },
      },
    },
    async (request, reply) => {
      const items = geo.communesByPostalCode(request.params.code);
      if (items.length === 0) throw notFound(`The postal code ${request.params.code}`, { code: 'geo.postal_code_unknown', params: { postalCode: request.params.code } });
      reply.header('cache-control', REFERENCE_CACHE);
      return { items };
    },
  );
}
