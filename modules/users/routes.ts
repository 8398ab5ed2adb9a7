import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentPatch,
  consentView,
  exportQuery,
  favoriteParams,
  profilePatch,
  profileView,
  searchPreferences,
  userParams,
} from './contract.ts';
import type { ProfileService } from './profile-service.ts';
import type { PrivacyService } from './privacy-service.ts';

const bearer = [{ bearer: [] }];
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;

/** /v1/users/:id/... — the person's own resources. Anyone else gets 404 (staff where stated). */
export function userRoutes(app: FastifyInstance, s: { profiles: ProfileService; privacy: PrivacyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get('/v1/users/:id', {
    schema: { tags, description: 'The person, or an admin.', security: bearer, params: userParams, response: { 200: profileView } },
  }, async (request) => s.profiles.view(request.principal, request.params.id));

  r.put('/v1/users/:id', {
    schema: { tags, description: 'The person. Name and language only; any other field is refused (400).', security: bearer, params: userParams, body: profilePatch, response: { 200: profileView } },
  }, async (request) => s.profiles.update(request.principal, request.params.id, request.body));

  r.delete('/v1/users/:id', {
    schema: { tags, description: 'The person, or an admin (superadmin for staff). Erases the account everywhere (GDPR art. 17).', security: bearer, params: userParams },
  }, async (request, reply) => {
    await s.privacy.erase(request.principal, request.params.id, request.ip);
    return reply.code(204).send();
  });

  r.get('/v1/users/:id/export', {
    schema: { tags, description: 'The person, or a superadmin. Everything every module holds on the person (GDPR art. 15/20).', security: bearer, params: userParams, querystring: exportQuery },
    config: { rateLimit: { max: 5, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const file = await s.privacy.export(request.principal, request.params.id, request.query.format, request.ip);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="immo-export-${request.params.id}.${request.query.format}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });

  r.put('/v1/users/:id/avatar', {
    schema: { tags, description: 'The person. Body: the image (JPEG, PNG or WebP, at most 2 MB).', security: bearer, params: userParams, response: { 200: profileView } },
    bodyLimit: IMAGE_LIMIT_BYTES,
  }, async (request) => s.profiles.setAvatar(request.principal, request.params.id, request.body as Buffer));

  r.get('/v1/users/:id/search-preferences', {
    schema: { tags, description: 'The person.', security: bearer, params: userParams },
  }, async (request) => ({ preferences: await s.profiles.preferences(request.principal, request.params.id) }));

  r.put('/v1/users/:id/search-preferences', {
    schema: { tags, description: 'The person.', security: bearer, params: userParams, body: searchPreferences },
  }, async (request) => ({ preferences: await s.profiles.putPreferences(request.principal, request.params.id, request.body) }));

  r.get('/v1/users/:id/favorites', {
    schema: { tags, description: 'The person.', security: bearer, params: userParams, response: { 200: z.object({ favorites: z.array(z.object({ listingId: z.string(), addedAt: z.string() })) }) } },
  }, async (request) => ({ favorites: await s.profiles.favorites(request.principal, request.params.id) }));

  r.put('/v1/users/:id/favorites/:listingId', {
    schema: { tags, description: 'The person. Idempotent.', security: bearer, params: favoriteParams },
  }, async (request, reply) => {
    await s.profiles.addFavorite(request.principal, request.params.id, request.params.listingId);
    return reply.code(204).send();
  });

  r.delete('/v1/users/:id/favorites/:listingId', {
    schema: { tags, description: 'The person. Idempotent.', security: bearer, params: favoriteParams },
  }, async (request, reply) => {
    await s.profiles.removeFavorite(request.principal, request.params.id, request.params.listingId);
    return reply.code(204).send();
  });

  r.get('/v1/users/:id/consents', {
    schema: { tags, description: 'The person. Current choices and their timestamped history.', security: bearer, params: userParams, response: { 200: consentView } },
  }, async (request) => s.profiles.consents(request.principal, request.params.id));

  r.put('/v1/users/:id/consents', {
    schema: { tags, description: 'The person. Give or withdraw any purpose; each change is kept with its time.', security: bearer, params: userParams, body: consentPatch, response: { 200: consentView } },
  }, async (request) => s.profiles.setConsents(request.principal, request.params.id, request.body));
}
