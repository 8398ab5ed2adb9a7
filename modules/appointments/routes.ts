import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '@immo/platform';
import {
  appointmentsQuery,
  appointmentView,
  availabilityInput,
  availabilityView,
  bookInput,
  slotsQuery,
  slotView,
  statusInput,
} from './contract.ts';
import type { AppointmentsService } from './service.ts';

const listingParams = z.object({ id: z.uuid() });
const idParams = z.object({ id: z.uuid() });

export function appointmentRoutes(app: FastifyInstance, service: AppointmentsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/v1/listings/:id/availability',
    { schema: { tags: ['appointments'], summary: 'Publish the visit availability of a listing (its owner or an agent of its agency)', params: listingParams, body: availabilityInput, response: { 200: availabilityView } } },
    async (request) => service.setAvailability(requireUser(request.principal), request.params.id, request.body),
  );

  r.get(
    '/v1/listings/:id/availability',
    { schema: { tags: ['appointments'], summary: 'The visit availability of a listing (public)', params: listingParams, response: { 200: availabilityView } } },
    async (request) => service.availability(request.params.id),
  );

  r.get(
    '/v1/listings/:id/slots',
    { schema: { tags: ['appointments'], summary: 'Bookable visit slots between two Brussels dates, with the places left (public)', params: listingParams, querystring: slotsQuery, response: { 200: z.object({ items: z.array(slotView) }) } } },
    async (request) => ({ items: await service.slots(request.params.id, request.query.from, request.query.to) }),
  );

  r.post(
    '/v1/appointments',
    { schema: { tags: ['appointments'], summary: 'Book a visit slot (signed in); 409 when the slot is full', body: bookInput, response: { 201: appointmentView } } },
    async (request, reply) => reply.code(201).send(await service.book(requireUser(request.principal), request.body)),
  );

  r.get(
    '/v1/appointments',
    { schema: { tags: ['appointments'], summary: 'My visits, as seeker, owner or agent (signed in), by start time', querystring: appointmentsQuery, response: { 200: z.object({ items: z.array(appointmentView), nextCursor: z.string().nullable() }) } } },
    async (request) => service.list(requireUser(request.principal), request.query),
  );

  r.get(
    '/v1/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'One visit (its seeker, owner or agents only)', params: idParams, response: { 200: appointmentView } } },
    async (request) => service.get(requireUser(request.principal), request.params.id),
  );

  r.get(
    '/v1/appointments/:id/invite.ics',
    { schema: { tags: ['appointments'], summary: 'The visit as an iCalendar invitation (its seeker, owner or agents only)', params: idParams } },
    async (request, reply) => {
      await service.get(requireUser(request.principal), request.params.id);
      const invite = (await service.calendarInvite(request.params.id))!;
      return reply.type(invite.contentType).header('content-disposition', `attachment; filename="${invite.filename}"`).send(invite.content);
    },
  );

  r.put(
    '/v1/appointments/:id/status',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Confirm, mark done, cancel or reschedule a visit (with a reason) — its seeker, owner or agents',
        params: idParams,
        body: statusInput,
        response: { 200: appointmentView.extend({ replacement: appointmentView.optional() }) },
      },
    },
    async (request) => service.changeStatus(requireUser(request.principal), request.params.id, request.body),
  );
}
