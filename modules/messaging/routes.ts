import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '@immo/platform';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  attachmentView,
  conversationView,
  messagesQuery,
  messageView,
  pageQuery,
  readInput,
  reportInput,
  reportView,
  sendInput,
} from './contract.ts';
import type { MessagingService } from './service.ts';

const idParams = z.object({ id: z.uuid() });

/** Every route needs a signed-in person; a conversation answers only its participants (404 to anyone else). */
export function messagingRoutes(app: FastifyInstance, service: MessagingService) {
  // attachments arrive as the raw file body (this scope only)
  for (const type of [...ATTACHMENT_TYPES, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
  }
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/v1/conversations',
    { schema: { tags: ['messaging'], summary: 'My conversations, latest activity first (signed in)', querystring: pageQuery, response: { 200: z.object({ items: z.array(conversationView), nextCursor: z.string().nullable() }) } } },
    async (request) => service.conversations(requireUser(request.principal), request.query),
  );

  r.post(
    '/v1/messages',
    {
      schema: {
        tags: ['messaging'],
        summary: 'Send a message in a conversation, or about a listing to start one (signed in); 200 when the clientId was already sent',
        body: sendInput,
        response: { 201: z.object({ message: messageView, conversationId: z.string() }), 200: z.object({ message: messageView, conversationId: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await service.send(requireUser(request.principal), request.body);
      return reply.code(result.created ? 201 : 200).send({ message: result.message, conversationId: result.conversationId });
    },
  );

  r.get(
    '/v1/conversations/:id/messages',
    { schema: { tags: ['messaging'], summary: 'Messages of a conversation: newest first by cursor, or oldest first after a message id (participants)', params: idParams, querystring: messagesQuery, response: { 200: z.object({ items: z.array(messageView), nextCursor: z.string().nullable() }) } } },
    async (request) => service.messages(requireUser(request.principal), request.params.id, request.query),
  );

  r.post(
    '/v1/conversations/:id/read',
    { schema: { tags: ['messaging'], summary: 'Mark read up to a message (participants); the other side gets the receipt', params: idParams, body: readInput, response: { 200: z.object({ moved: z.boolean() }) } } },
    async (request) => service.markRead(requireUser(request.principal), request.params.id, request.body.messageId),
  );

  r.post(
    '/v1/conversations/:id/attachments',
    {
      schema: {
        tags: ['messaging'],
        summary: 'Upload a file (JPEG, PNG, WebP or PDF, raw body, up to 10 MB) to attach to the next message (participants)',
        params: idParams,
        querystring: z.object({ filename: z.string().trim().min(1).max(200) }),
        response: { 201: attachmentView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const file = { filename: request.query.filename, contentType: request.headers['content-type'] ?? '', body: Buffer.isBuffer(body) ? body : Buffer.alloc(0) };
      return reply.code(201).send(await service.upload(requireUser(request.principal), request.params.id, file));
    },
  );

  r.put(
    '/v1/conversations/:id/block',
    { schema: { tags: ['messaging'], summary: 'Block the other party of this conversation (participants)', params: idParams } },
    async (request, reply) => {
      await service.block(requireUser(request.principal), request.params.id, true);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/v1/conversations/:id/block',
    { schema: { tags: ['messaging'], summary: 'Unblock the other party of this conversation (participants)', params: idParams } },
    async (request, reply) => {
      await service.block(requireUser(request.principal), request.params.id, false);
      return reply.code(204).send();
    },
  );

  r.post(
    '/v1/messaging/reports',
    { schema: { tags: ['messaging'], summary: 'Report a message or a whole conversation to moderation (participants)', body: reportInput, response: { 201: reportView } } },
    async (request, reply) => reply.code(201).send(await service.report(requireUser(request.principal), request.body)),
  );

  r.get(
    '/v1/messaging/reports',
    { schema: { tags: ['messaging'], summary: 'Open reports, oldest first (admin)' } },
    async (request) => ({ items: await service.openReports(requireUser(request.principal)) }),
  );
}
