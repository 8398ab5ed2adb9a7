import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, requireUser } from '@immo/platform';
import {
  contactSchema,
  createListingInput,
  listingSnapshot,
  listingStatusSchema,
  listingView,
  priceHistoryEntry,
  statusChangeInput,
  updateListingInput,
} from './contract.ts';
import type { ListingsService } from './service.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
/** The owner's view, or the public snapshot for anyone else. */
const listingAnswer = listingSnapshot.extend({ contact: contactSchema.nullable().optional() });
/** Routes that need a signed-in user declare the bearer scheme in the OpenAPI document. */
const bearer = [{ bearer: [] }];
const ifMatchHeaders = z.object({ 'if-match': z.string().max(40).optional() });

/** `If-Match: "7"` (or W/"7", or 7) → 7. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw badRequest('If-Match must carry the listing version you read, as its ETag gave it (e.g. "3").');
  return Number(match[1]);
}

/**
 * HTTP face of the listings service. Reads of a live listing are public;
 * everything else needs a signed-in user, and the service answers 404 to
 * anyone who is neither the owner, an agent of the owning agency nor a moderator.
 */
export function listingRoutes(app: FastifyInstance, service: ListingsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['listings'];

  r.post(
    '/v1/listings',
    {
      schema: { tags, security: bearer, summary: 'Create a draft listing (signed-in users; agents for their agency)', body: createListingInput, response: { 201: listingView } },
    },
    async (request, reply) => {
      const listing = await service.create(request.principal, request.body);
      return reply.code(201).header('etag', `"${listing.version}"`).header('location', `/v1/listings/${listing.id}`).send(listing);
    },
  );

  r.get(
    '/v1/listings/:id',
    {
      schema: {
        tags,
        summary: 'A listing: public when published or under offer; in full for its owner, agents and moderators',
        params: idParams,
        response: { 200: listingAnswer },
      },
    },
    async (request, reply) => {
      const listing = await service.get(request.principal, request.params.id);
      return reply.header('etag', `"${listing.version}"`).send(listing);
    },
  );

  r.put(
    '/v1/listings/:id',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Change a listing (owner, agency agents, moderators); fields left out keep their value. Send If-Match or version to refuse a stale edit (409)',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateListingInput,
        response: { 200: listingView },
      },
    },
    async (request, reply) => {
      const listing = await service.update(request.principal, request.params.id, request.body, parseIfMatch(request.headers['if-match']));
      return reply.header('etag', `"${listing.version}"`).send(listing);
    },
  );

  r.post(
    '/v1/listings/:id/publish',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Publish a draft (owner, agency agents); needs an EPC and the advertiser\'s verified e-mail and phone',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: listingView },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const listing = await service.publish(request.principal, request.params.id, version);
      return reply.header('etag', `"${listing.version}"`).send(listing);
    },
  );

  r.post(
    '/v1/listings/:id/status',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Move a listing in its lifecycle: published, under_offer, sold, rented, archived, draft (owner, agency agents, moderators)',
        params: idParams,
        headers: ifMatchHeaders,
        body: statusChangeInput,
        response: { 200: listingView },
      },
    },
    async (request, reply) => {
      const version = request.body.version ?? parseIfMatch(request.headers['if-match']);
      const listing = await service.changeStatus(request.principal, request.params.id, request.body.status, version);
      return reply.header('etag', `"${listing.version}"`).send(listing);
    },
  );

  r.post(
    '/v1/listings/:id/refresh',
    {
      schema: { tags, security: bearer, summary: 'Mark a live listing as still current, so it does not expire (owner, agency agents)', params: idParams, response: { 200: listingView } },
    },
    async (request, reply) => {
      const listing = await service.refresh(request.principal, request.params.id);
      return reply.header('etag', `"${listing.version}"`).send(listing);
    },
  );

  r.delete(
    '/v1/listings/:id',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'Delete a never-published draft, or archive the listing (owner, agency agents, moderators)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: z.object({ deleted: z.boolean(), listing: listingView.optional() }) },
      },
    },
    async (request) => service.remove(request.principal, request.params.id, parseIfMatch(request.headers['if-match'])),
  );

  r.get(
    '/v1/listings/:id/price-history',
    {
      schema: {
        tags,
        summary: 'Every price the listing had, oldest first (public for a live listing)',
        params: idParams,
        response: { 200: z.object({ items: z.array(priceHistoryEntry) }) },
      },
    },
    async (request) => ({ items: await service.priceHistory(request.principal, request.params.id) }),
  );

  r.get(
    '/v1/me/listings',
    {
      schema: {
        tags,
        security: bearer,
        summary: 'My listings and my agencies\' listings, last changed first (signed-in users)',
        querystring: z.object({
          status: listingStatusSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(listingView) }) },
      },
    },
    async (request) => {
      requireUser(request.principal);
      return { items: await service.mine(request.principal, request.query) };
    },
  );
}
