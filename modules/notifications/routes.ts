import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '@immo/platform';
import { deliveryView, deviceInput, notificationView, preferencesPatch, preferencesView } from './contract.ts';
import type { NotificationsService } from './service.ts';

const idParams = z.object({ id: z.uuid() });

/** A person's own notifications, preferences and devices: signed in, and only their own (404 otherwise). */
export function notificationRoutes(app: FastifyInstance, service: NotificationsService, vapidPublicKey: string | undefined) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My in-app notifications, newest first, with the unread count (signed in)',
        querystring: z.object({ cursor: z.string().max(1024).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(notificationView), nextCursor: z.string().nullable(), unread: z.number() }) },
      },
    },
    async (request) => service.list(requireUser(request.principal), { ...request.query, unread: request.query.unread === 'true' }),
  );

  r.post(
    '/v1/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Mark one notification read (its owner)', params: idParams } },
    async (request, reply) => {
      await service.markRead(requireUser(request.principal), request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/v1/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all my notifications read (signed in)', response: { 200: z.object({ marked: z.number() }) } } },
    async (request) => ({ marked: await service.markAllRead(requireUser(request.principal)) }),
  );

  r.get(
    '/v1/notifications/preferences',
    { schema: { tags: ['notifications'], summary: 'My channels per kind, quiet hours and digest (signed in)', response: { 200: preferencesView } } },
    async (request) => service.preferences(requireUser(request.principal)),
  );

  r.put(
    '/v1/notifications/preferences',
    { schema: { tags: ['notifications'], summary: 'Change some of my notification preferences (signed in)', body: preferencesPatch, response: { 200: preferencesView } } },
    async (request) => service.updatePreferences(requireUser(request.principal), request.body),
  );

  r.get(
    '/v1/notifications/push/vapid-public-key',
    { schema: { tags: ['notifications'], summary: 'The VAPID public key browsers subscribe with (public); null when Web Push is off', response: { 200: z.object({ publicKey: z.string().nullable() }) } } },
    async () => ({ publicKey: vapidPublicKey ?? null }),
  );

  r.post(
    '/v1/notifications/devices',
    { schema: { tags: ['notifications'], summary: 'Register a Web Push subscription or an Expo push token for me (signed in)', body: deviceInput, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send(await service.addDevice(requireUser(request.principal), request.body)),
  );

  r.delete(
    '/v1/notifications/devices/:id',
    { schema: { tags: ['notifications'], summary: 'Forget one of my push devices', params: idParams } },
    async (request, reply) => {
      await service.removeDevice(requireUser(request.principal), request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/v1/notifications/deliveries',
    { schema: { tags: ['notifications'], summary: 'How my latest notifications went out on each channel (signed in)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(deliveryView) }) } } },
    async (request) => ({ items: await service.deliveries(requireUser(request.principal), request.query.limit) }),
  );
}
