import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '@immo/platform';
import { agencyCreate, agencyParams, agencyPatch, agencyView, invitationAccept, invitationCreate, memberParams, memberView } from './contract.ts';
import type { AgencyService } from './agency-service.ts';
import type { UsersStore } from './store.ts';
import { IMAGE_LIMIT_BYTES } from './routes.ts';

const bearer = [{ bearer: [] }];

/** /v1/agencies — the public card is public; everything else is for members (404 to others). */
export function agencyRoutes(app: FastifyInstance, agencies: AgencyService, store: UsersStore, storage: { get(key: string): Promise<Buffer | undefined> }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];

  r.post('/v1/agencies', {
    schema: { tags, description: 'Signed in with a verified e-mail. The founder becomes owner.', security: bearer, body: agencyCreate, response: { 201: agencyView } },
  }, async (request, reply) => reply.code(201).send(await agencies.create(request.principal, request.body)));

  r.get('/v1/agencies/:id', {
    schema: { tags, description: 'Public: the agency card.', params: agencyParams, response: { 200: agencyView } },
  }, async (request) => agencies.get(request.params.id));

  r.get('/v1/agencies/:id/logo', {
    schema: { tags, description: 'Public: the agency logo.', params: agencyParams },
  }, async (request, reply) => {
    const agency = await store.agency(request.params.id);
    const body = agency?.logo_key ? await storage.get(agency.logo_key) : undefined;
    if (!body) throw notFound('The logo');
    const ext = agency!.logo_key!.split('.').pop();
    return reply.type(ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : 'image/jpeg').header('cache-control', 'public, max-age=86400').send(body);
  });

  r.patch('/v1/agencies/:id', {
    schema: { tags, description: 'Owner of the agency.', security: bearer, params: agencyParams, body: agencyPatch, response: { 200: agencyView } },
  }, async (request) => agencies.update(request.principal, request.params.id, request.body));

  r.put('/v1/agencies/:id/logo', {
    schema: { tags, description: 'Owner of the agency. Body: the image (JPEG, PNG or WebP, at most 2 MB).', security: bearer, params: agencyParams, response: { 200: agencyView } },
    bodyLimit: IMAGE_LIMIT_BYTES,
  }, async (request) => agencies.setLogo(request.principal, request.params.id, request.body as Buffer));

  r.get('/v1/agencies/:id/members', {
    schema: { tags, description: 'Members of the agency, or an admin.', security: bearer, params: agencyParams, response: { 200: z.object({ members: z.array(memberView) }) } },
  }, async (request) => ({ members: await agencies.members(request.principal, request.params.id) }));

  r.post('/v1/agencies/:id/invitations', {
    schema: { tags, description: 'Owner of the agency. Mails a single-use link.', security: bearer, params: agencyParams, body: invitationCreate },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => reply.code(201).send(await agencies.invite(request.principal, request.params.id, request.body)));

  r.post('/v1/agencies/invitations/accept', {
    schema: { tags, description: 'Signed in as the invited (verified) address.', security: bearer, body: invitationAccept },
  }, async (request) => agencies.accept(request.principal, request.body.token));

  r.delete('/v1/agencies/:id/members/:userId', {
    schema: { tags, description: 'Owner (any member), or a member leaving.', security: bearer, params: memberParams },
  }, async (request, reply) => {
    await agencies.removeMember(request.principal, request.params.id, request.params.userId);
    return reply.code(204).send();
  });
}
