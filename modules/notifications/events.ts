import type { EventDefinition, Executor, Subscriber } from '@immo/platform';
import type { z } from 'zod';
import { userDeleted } from '@immo/auth';
import { messageSent } from '@immo/messaging';
import {
  appointmentBooked,
  appointmentCancelled,
  appointmentConfirmed,
  appointmentReminder,
  appointmentRescheduled,
  type AppointmentFacts,
} from '@immo/appointments';
import { searchAlertMatched } from '@immo/search';
import { favoriteAdded, favoriteRemoved } from '@immo/users';
import { listingArchived, listingPriceChanged, listingPublished, listingUpdated, type ListingSnapshot } from '@immo/listings';
import type { NotificationsService } from './service.ts';
import * as store from './store.ts';

// What notifications listens to. Each consumer only queues `notifications.notify`
// jobs (or updates its own projections) in the event's transaction: the
// rendering, which reads other modules, happens in the job.

/** Several messages in a row make one notification: the job waits this long and later ones join it. */
export const MESSAGE_COALESCE_MS = 30_000;

function on<S extends z.ZodType>(consumer: string, event: EventDefinition<S>, handle: (payload: z.infer<S>, trx: Executor) => Promise<void>): Subscriber {
  const subscriber: Subscriber<S> = { consumer: `notifications.${consumer}`, event, handle: (payload, _envelope, trx) => handle(payload, trx) };
  return subscriber as unknown as Subscriber;
}

/** The people to tell: the side that did not act (the owner when the system acted). */
const otherSide = (f: AppointmentFacts) => [f.by === 'owner' ? f.seekerId : f.ownerId].filter((x): x is string => !!x);

export function notificationSubscribers(service: NotificationsService): Subscriber[] {
  const visit = (f: AppointmentFacts) => ({ listingId: f.listingId, url: `/appointments/${f.appointmentId}`, params: { when: f.startsAt }, data: { appointmentId: f.appointmentId } });

  const listingStatus = async (trx: Executor, listing: ListingSnapshot, published: boolean) => {
    const before = await store.swapListingStatus(trx, listing.id, listing.status, listing.version);
    // first sight of a listing is news only when it is its publication
    if (before === undefined || (before === null && !published)) return;
    await service.queue(trx, { userId: listing.ownerId, kind: 'listing.status', listingId: listing.id, url: `/listings/${listing.id}`, params: { status: listing.status }, data: { listingId: listing.id, status: listing.status } });
  };

  return [
    on('message-sent', messageSent, async (m, trx) => {
      for (const userId of m.recipientIds) {
        await service.queue(
          trx,
          { userId, kind: 'message.new', listingId: m.listingId, url: `/messages/${m.conversationId}`, data: { conversationId: m.conversationId, messageId: m.messageId } },
          { key: `message.new:${m.conversationId}:${userId}`, delayMs: MESSAGE_COALESCE_MS },
        );
      }
    }),
    on('appointment-booked', appointmentBooked, async (f, trx) => {
      if (f.rescheduledFrom) return; // told by appointment.rescheduled
      for (const userId of otherSide(f)) await service.queue(trx, { userId, kind: 'appointment.booked', ...visit(f) });
    }),
    on('appointment-confirmed', appointmentConfirmed, async (f, trx) => {
      for (const userId of otherSide(f)) await service.queue(trx, { userId, kind: 'appointment.confirmed', ...visit(f), calendarOf: f.appointmentId });
    }),
    on('appointment-cancelled', appointmentCancelled, async (f, trx) => {
      for (const userId of otherSide(f)) await service.queue(trx, { userId, kind: 'appointment.cancelled', ...visit(f), calendarOf: f.appointmentId });
    }),
    on('appointment-rescheduled', appointmentRescheduled, async (f, trx) => {
      for (const userId of otherSide(f)) {
        await service.queue(trx, { userId, kind: 'appointment.rescheduled', ...visit(f), url: `/appointments/${f.newAppointmentId}`, data: { appointmentId: f.appointmentId, newAppointmentId: f.newAppointmentId } });
      }
    }),
    on('appointment-reminder', appointmentReminder, async (f, trx) => {
      for (const userId of [f.seekerId, f.ownerId].filter((x): x is string => !!x)) {
        await service.queue(trx, { userId, kind: 'appointment.reminder', ...visit(f), data: { appointmentId: f.appointmentId, before: f.before } });
      }
    }),
    on('search-alert', searchAlertMatched, async (a, trx) => {
      await service.queue(trx, { userId: a.userId, kind: 'search.match', listingId: a.listingId, url: `/listings/${a.listingId}`, data: { savedSearchId: a.savedSearchId, reason: a.reason } });
    }),
    on('favorite-added', favoriteAdded, (f, trx) => store.setFavorite(trx, f.userId, f.listingId, true)),
    on('favorite-removed', favoriteRemoved, (f, trx) => store.setFavorite(trx, f.userId, f.listingId, false)),
    on('price-drop', listingPriceChanged, async (p, trx) => {
      if (p.newPrice >= p.oldPrice) return;
      for (const userId of await store.favoritedBy(trx, p.listingId)) {
        await service.queue(trx, { userId, kind: 'favorite.price_drop', listingId: p.listingId, url: `/listings/${p.listingId}`, params: { oldPrice: p.oldPrice, newPrice: p.newPrice }, data: { listingId: p.listingId } });
      }
    }),
    on('listing-published', listingPublished, (p, trx) => listingStatus(trx, p.listing, true)),
    on('listing-updated', listingUpdated, (p, trx) => listingStatus(trx, p.listing, false)),
    on('listing-archived', listingArchived, (p, trx) => listingStatus(trx, p.listing, false)),
    on('erase-user', userDeleted, (p, trx) => store.eraseUser(trx, p.userId)),
  ];
}
