import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, requireUser } from '@immo/platform';
import {
  ALERT_MODES,
  alertMatch,
  geoQuery,
  geoResult,
  savedSearch,
  searchQuery,
  searchResult,
  suggestQuery,
  suggestion,
} from './contract.ts';
import type { SearchService } from './service.ts';

// Thin routes: the query strings are documented as plain strings here and
// parsed by the contract's schemas in the handler (finite numbers, lists as
// "a,b" or repeated keys), so a bad value is a 400 problem+json.

const text = z.string().max(2000).optional();
const textOrList = z.union([z.string().max(2000), z.array(z.string().max(200)).max(100)]).optional();
const filterParams = {
  q: text,
  transaction: text,
  type: textOrList,
  types: textOrList,
  priceMin: text,
  priceMax: text,
  bedroomsMin: text,
  livingAreaMin: text,
  livingAreaMax: text,
  landAreaMin: text,
  epcMax: text,
  features: textOrList,
  region: text,
  province: text,
  communes: textOrList,
  postalCodes: textOrList,
  bbox: text.describe('minLon,minLat,maxLon,maxLat'),
  lat: text.describe('with lon and radiusKm: around a point'),
  lon: text,
  radiusKm: text,
  polygon: text.describe('"lon lat, lon lat, ..." or a JSON array of [lon, lat]'),
};
const searchParams = z.object({ ...filterParams, sort: text, cursor: text, limit: text, facets: text });
const geoParams = z.object({ ...filterParams, maxMarkers: text });

/** Query-string shape → contract shape: `type` is an alias of `types`; lat/lon/radiusKm make `near`. */
function fromQueryString(query: Record<string, unknown>) {
  const { type, types, lat, lon, radiusKm, ...rest } = query;
  const out: Record<string, unknown> = { ...rest };
  for (const key of Object.keys(out)) if (out[key] === undefined || out[key] === '') delete out[key];
  if (types ?? type) out.types = types ?? type;
  if (lat !== undefined || lon !== undefined || radiusKm !== undefined) out.near = { lat, lon, radiusKm: radiusKm ?? '5' };
  return out;
}

export function searchRoutes(app: FastifyInstance, service: SearchService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];

  r.get('/v1/search', {
    schema: { tags, summary: 'Search listings: text in French and Dutch, filters, facets, sorts, keyset pages (public)', querystring: searchParams, response: { 200: searchResult } },
  }, async (request) => service.search(searchQuery.parse(fromQueryString(request.query))));

  r.post('/v1/search/polygon', {
    schema: {
      tags,
      summary: 'Search inside a polygon drawn on the map; the body is the same query as GET /v1/search, with `polygon` (public)',
      body: z.record(z.string(), z.unknown()),
      response: { 200: searchResult },
    },
  }, async (request) => {
    const query = searchQuery.parse(request.body);
    if (!query.polygon) throw badRequest('The body needs a `polygon`: at least 3 [lon, lat] points.', [{ path: 'body.polygon', message: 'is required' }]);
    return service.search(query);
  });

  r.get('/v1/search/geo', {
    schema: { tags, summary: 'Map markers in a bounding box with the same filters, clustered into a grid when there are many (public)', querystring: geoParams, response: { 200: geoResult } },
  }, async (request) => service.searchGeo(geoQuery.parse(fromQueryString(request.query))));

  r.get('/v1/search/suggest', {
    schema: {
      tags,
      summary: 'As-you-type suggestions: communes (every language), postal codes, streets; typo-tolerant (public)',
      querystring: z.object({ q: text, lang: text, limit: text }),
      response: { 200: z.object({ items: z.array(suggestion) }) },
    },
  }, async (request) => ({ items: await service.suggest(suggestQuery.parse(request.query)) }));

  // ---- saved searches: signed-in users, each sees only their own ----------

  const idParams = z.object({ id: z.string().max(64) });
  const saveBody = z.object({ name: z.string(), query: z.record(z.string(), z.unknown()), alert: z.enum(ALERT_MODES).optional() });

  r.get('/v1/saved-searches', {
    schema: { tags, summary: 'My saved searches (signed-in user)', security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(savedSearch) }) } },
  }, async (request) => ({ items: await service.savedSearches.list(requireUser(request.principal)) }));

  r.post('/v1/saved-searches', {
    schema: { tags, summary: 'Save a search, with instant, daily or no alerts (signed-in user)', security: [{ bearer: [] }], body: saveBody, response: { 201: savedSearch } },
  }, async (request, reply) => {
    const saved = await service.savedSearches.save(requireUser(request.principal), request.body);
    return reply.code(201).send(saved);
  });

  r.get('/v1/saved-searches/:id', {
    schema: { tags, summary: 'One of my saved searches (owner only)', security: [{ bearer: [] }], params: idParams, response: { 200: savedSearch } },
  }, async (request) => service.savedSearches.get(requireUser(request.principal), request.params.id));

  r.delete('/v1/saved-searches/:id', {
    schema: { tags, summary: 'Delete one of my saved searches (owner only)', security: [{ bearer: [] }], params: idParams },
  }, async (request, reply) => {
    await service.savedSearches.remove(requireUser(request.principal), request.params.id);
    return reply.code(204).send();
  });

  r.get('/v1/saved-searches/:id/matches', {
    schema: {
      tags,
      summary: 'Listings that matched one of my saved searches, newest first (owner only)',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: z.object({ items: z.array(alertMatch) }) },
    },
  }, async (request) => ({ items: await service.savedSearches.matches(requireUser(request.principal), request.params.id) }));
}
