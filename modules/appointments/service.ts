import { z } from 'zod';
import { badRequest, conflict, notFound, unprocessable, newId, type Executor, type ModuleContext, type Principal } from '@immo/platform';
import { decodeCursor, encodeCursor } from '@immo/types';
import type { ListingsApi, ListingSnapshot } from '@immo/listings';
import type {
  AppointmentView,
  AvailabilityInput,
  AvailabilityView,
  BookInput,
  CalendarInvite,
  Side,
  SlotView,
  StatusInput,
} from './contract.ts';
import { availabilityInput } from './contract.ts';
import { addDays, toBrussels } from './brussels-time.ts';
import { computeSlots, isOfferedSlot, MAX_SLOT_RANGE_DAYS } from './slots.ts';
import { visitIcs } from './ics.ts';
import * as store from './store.ts';
import type { AppointmentRow, AvailabilityRow } from './store.ts';
import { appointmentBooked, appointmentCancelled, appointmentConfirmed, appointmentRescheduled, type AppointmentFacts } from './events.ts';
import { REMIND_JOB } from './jobs.ts';

const REMINDERS = [
  { before: '24h', ms: 24 * 3_600_000 },
  { before: '1h', ms: 3_600_000 },
] as const;

const cursorKey = z.object({ s: z.string(), id: z.string() });

export class AppointmentsService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly listings: () => ListingsApi,
  ) {}

  private get db() {
    return this.ctx.db.kysely;
  }

  // ---- availability ------------------------------------------------------

  async setAvailability(principal: Principal, listingId: string, input: AvailabilityInput): Promise<AvailabilityView> {
    if (!(await this.listings().isOwnerOrAgent(principal, listingId))) throw notFound('This listing');
    const listing = await this.listings().get(listingId);
    if (!listing) throw unprocessable('Visits can be offered on a published listing only: publish it first.', undefined, { code: 'visit.listing_not_published' });
    const parsed = availabilityInput.parse(input);
    const row = await store.saveAvailability(
      this.db,
      {
        listing_id: listingId,
        owner_id: listing.ownerId,
        agency_id: listing.agencyId,
        visit_minutes: parsed.visitMinutes,
        mode: parsed.mode,
        capacity: parsed.mode === 'private' ? 1 : parsed.capacity,
        lead_minutes: parsed.leadMinutes,
        weekly: parsed.weekly,
        exceptions: parsed.exceptions,
      },
      this.ctx.clock.now(),
    );
    return availabilityView(row);
  }

  async availability(listingId: string): Promise<AvailabilityView> {
    const row = await store.availabilityOf(this.db, listingId);
    if (!row) throw notFound('The visit availability of this listing');
    return availabilityView(row);
  }

  /** Free and full slots between two Brussels dates; only those still bookable (after the lead time). */
  async slots(listingId: string, from: string, to: string): Promise<SlotView[]> {
    if (to < from) throw badRequest('`to` must not be before `from`.');
    if (addDays(from, MAX_SLOT_RANGE_DAYS) < to) throw badRequest(`Ask for at most ${MAX_SLOT_RANGE_DAYS} days of slots at once.`);
    const row = await store.availabilityOf(this.db, listingId);
    if (!row) throw notFound('The visit availability of this listing');
    const earliest = this.ctx.clock.now().getTime() + row.lead_minutes * 60_000;
    const slots = computeSlots(availabilityOfRow(row), from, to).filter((s) => s.startsAt.getTime() >= earliest);
    if (slots.length === 0) return [];
    const taken = await store.bookedPlaces(this.db, listingId, slots[0]!.startsAt, new Date(slots.at(-1)!.startsAt.getTime() + 1));
    return slots.map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      local: localOf(s.startsAt),
      capacity: row.capacity,
      remaining: Math.max(0, row.capacity - (taken.get(s.startsAt.getTime()) ?? 0)),
    }));
  }

  // ---- booking -----------------------------------------------------------

  async book(principal: Principal, input: BookInput): Promise<AppointmentView> {
    const listing = await this.listings().get(input.listingId);
    if (!listing) throw notFound('This listing');
    if (isOwnerSide(principal, listing)) throw unprocessable('This is your own listing: you cannot book a visit of it.', undefined, { code: 'visit.own_listing' });
    const startsAt = new Date(input.startsAt);
    const row = await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const availability = await this.checkBookable(trx, input.listingId, startsAt);
      const created = await this.takeSlot(trx, availability, {
        listingId: input.listingId,
        seekerId: principal.userId,
        startsAt,
        requestedBy: 'seeker',
        note: input.note ?? null,
        rescheduledFrom: null,
      });
      await this.ctx.events.publish(trx, appointmentBooked, { ...facts(created, 'seeker'), rescheduledFrom: null });
      return created;
    });
    return appointmentView(row);
  }

  private async checkBookable(trx: Executor, listingId: string, startsAt: Date): Promise<AvailabilityRow> {
    const availability = await store.availabilityOf(trx, listingId);
    if (!availability) throw unprocessable('This listing offers no visits at the moment.', undefined, { code: 'visit.none_offered' });
    if (!isOfferedSlot(availabilityOfRow(availability), startsAt)) {
      throw unprocessable('This time is not one of the listing\'s visit slots: pick one from GET /v1/listings/:id/slots.', [{ path: 'startsAt', message: 'not an offered slot', code: 'visit.slot_not_offered' }], { code: 'visit.slot_not_offered' });
    }
    if (startsAt.getTime() < this.ctx.clock.now().getTime() + availability.lead_minutes * 60_000) {
      throw unprocessable(`This slot can no longer be booked: visits are booked at least ${availability.lead_minutes} minutes ahead.`, [{ path: 'startsAt', message: 'too late to book', code: 'visit.slot_too_late', params: { minutes: availability.lead_minutes } }], { code: 'visit.slot_too_late', params: { minutes: availability.lead_minutes } });
    }
    return availability;
  }

  private async takeSlot(
    trx: Executor,
    availability: AvailabilityRow,
    a: { listingId: string; seekerId: string | null; startsAt: Date; requestedBy: Side; note: string | null; rescheduledFrom: string | null },
  ): Promise<AppointmentRow> {
    if (!(await store.takePlace(trx, a.listingId, a.startsAt, availability.capacity))) {
      throw conflict('This visit slot is full: someone booked the last place. Choose another slot.', { code: 'visit.slot_full' });
    }
    const now = this.ctx.clock.now();
    try {
      return await store.insertAppointment(
        trx,
        {
          id: newId(),
          listing_id: a.listingId,
          seeker_id: a.seekerId,
          owner_id: availability.owner_id,
          agency_id: availability.agency_id,
          starts_at: a.startsAt,
          ends_at: new Date(a.startsAt.getTime() + availability.visit_minutes * 60_000),
          status: 'requested',
          requested_by: a.requestedBy,
          reason: null,
          note: a.note,
          rescheduled_from: a.rescheduledFrom,
          rescheduled_to: null,
          history: [{ status: 'requested', at: now.toISOString(), by: a.requestedBy }],
        },
        now,
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('You already have a visit booked in this slot.', { code: 'visit.already_booked' });
      throw error;
    }
  }

  // ---- reading -----------------------------------------------------------

  async list(principal: Principal, query: { listingId?: string; status?: AppointmentView['status']; cursor?: string; limit: number }) {
    const after = query.cursor ? decodeCursor(query.cursor, cursorKey) : undefined;
    if (query.cursor && !after) throw badRequest('This cursor is not valid: start again without it.');
    const rows = await store.appointmentsOf(
      this.db,
      { userId: principal.userId, agencyIds: principal.agencies.map((a) => a.agencyId) },
      { listingId: query.listingId, status: query.status, after: after && { startsAt: new Date(after.s), id: after.id }, limit: query.limit },
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(appointmentView),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ s: last.starts_at.toISOString(), id: last.id }) : null,
    };
  }

  async get(principal: Principal, id: string): Promise<AppointmentView> {
    const row = await store.appointmentById(this.db, id);
    if (!row || !sideOf(principal, row)) throw notFound('This appointment');
    return appointmentView(row);
  }

  // ---- status ------------------------------------------------------------

  async changeStatus(principal: Principal, id: string, input: StatusInput): Promise<AppointmentView & { replacement?: AppointmentView }> {
    return this.ctx.db.kysely.transaction().execute(async (trx) => {
      const row = await store.appointmentById(trx, id, { forUpdate: true });
      const side = row && sideOf(principal, row);
      if (!row || !side) throw notFound('This appointment');
      const now = this.ctx.clock.now();
      const entry = { status: input.status, at: now.toISOString(), by: side, ...('reason' in input ? { reason: input.reason } : {}) };
      const refuse = (why: string) => conflict(`This appointment is ${row.status}: ${why}`);

      switch (input.status) {
        case 'confirmed': {
          if (row.status !== 'requested') throw refuse('only a requested visit can be confirmed.');
          if (row.requested_by === side) throw conflict('The other side confirms a visit you asked for.');
          const updated = await store.updateAppointment(trx, id, { status: 'confirmed', updated_at: now, history: [...row.history, entry] });
          for (const reminder of REMINDERS) {
            const runAt = new Date(row.starts_at.getTime() - reminder.ms);
            if (runAt <= now) continue;
            await this.ctx.jobs.enqueue(trx, REMIND_JOB, { appointmentId: id, before: reminder.before, startsAt: row.starts_at.toISOString() }, { runAt, key: `appointment-reminder:${id}:${reminder.before}` });
          }
          await this.ctx.events.publish(trx, appointmentConfirmed, facts(updated, side));
          return appointmentView(updated);
        }
        case 'done': {
          if (row.status !== 'confirmed') throw refuse('only a confirmed visit can be marked done.');
          if (side !== 'owner') throw conflict('The owner or the agency marks a visit done.');
          if (row.starts_at > now) throw conflict('A visit is done once it has started.');
          const updated = await store.updateAppointment(trx, id, { status: 'done', updated_at: now, history: [...row.history, entry] });
          return appointmentView(updated);
        }
        case 'cancelled': {
          if (row.status !== 'requested' && row.status !== 'confirmed') throw refuse('only a requested or confirmed visit can be cancelled.');
          await store.releasePlace(trx, row.listing_id, row.starts_at);
          const updated = await store.updateAppointment(trx, id, { status: 'cancelled', reason: input.reason, updated_at: now, history: [...row.history, entry] });
          await this.ctx.events.publish(trx, appointmentCancelled, facts(updated, side));
          return appointmentView(updated);
        }
        case 'rescheduled': {
          if (row.status !== 'requested' && row.status !== 'confirmed') throw refuse('only a requested or confirmed visit can be moved.');
          const startsAt = new Date(input.startsAt);
          if (startsAt.getTime() === row.starts_at.getTime()) throw unprocessable('Pick a different time to reschedule.');
          const availability = await this.checkBookable(trx, row.listing_id, startsAt);
          await store.releasePlace(trx, row.listing_id, row.starts_at);
          const replacement = await this.takeSlot(trx, availability, {
            listingId: row.listing_id,
            seekerId: row.seeker_id,
            startsAt,
            requestedBy: side,
            note: row.note,
            rescheduledFrom: id,
          });
          const updated = await store.updateAppointment(trx, id, {
            status: 'rescheduled',
            reason: input.reason,
            rescheduled_to: replacement.id,
            updated_at: now,
            history: [...row.history, entry],
          });
          await this.ctx.events.publish(trx, appointmentRescheduled, { ...facts(updated, side), newAppointmentId: replacement.id });
          await this.ctx.events.publish(trx, appointmentBooked, { ...facts(replacement, side), rescheduledFrom: id });
          return { ...appointmentView(updated), replacement: appointmentView(replacement) };
        }
      }
    });
  }

  // ---- for other modules -------------------------------------------------

  async internalGet(id: string) {
    const row = await store.appointmentById(this.db, id);
    return row && { ...appointmentView(row), ownerId: row.owner_id, agencyId: row.agency_id };
  }

  async calendarInvite(id: string): Promise<CalendarInvite | undefined> {
    const row = await store.appointmentById(this.db, id);
    if (!row) return undefined;
    const listing = await this.listings().get(row.listing_id);
    const title = listing ? (listing.title[listing.language] ?? Object.values(listing.title)[0]) : undefined;
    const organizer = /<([^>]+)>/.exec(this.ctx.config.MAIL_FROM)?.[1] ?? this.ctx.config.MAIL_FROM;
    const content = visitIcs({
      uid: `${row.id}@immo`,
      method: row.status === 'cancelled' || row.status === 'rescheduled' ? 'CANCEL' : 'REQUEST',
      sequence: row.history.length - 1,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      stampedAt: this.ctx.clock.now(),
      summary: title ? `Immo – ${title}` : 'Immo – visit',
      location: listing ? placeOf(listing) : undefined,
      url: this.ctx.config.PUBLIC_URL ? `${this.ctx.config.PUBLIC_URL.replace(/\/$/, '')}/listings/${row.listing_id}` : undefined,
      organizerEmail: organizer,
    });
    return { filename: 'visit.ics', content, contentType: `text/calendar; charset=utf-8; method=${row.status === 'cancelled' || row.status === 'rescheduled' ? 'CANCEL' : 'REQUEST'}` };
  }

  async eraseSeeker(trx: Executor, userId: string) {
    const cancelled = await store.eraseSeeker(trx, userId, this.ctx.clock.now());
    for (const row of cancelled) {
      const after = await store.appointmentById(trx, row.id);
      if (after) await this.ctx.events.publish(trx, appointmentCancelled, facts(after, 'system'));
    }
  }
}

// ---- views ----------------------------------------------------------------

function availabilityOfRow(row: AvailabilityRow) {
  return { visitMinutes: row.visit_minutes, weekly: row.weekly, exceptions: row.exceptions };
}

function availabilityView(row: AvailabilityRow): AvailabilityView {
  return {
    listingId: row.listing_id,
    visitMinutes: row.visit_minutes,
    mode: row.mode,
    capacity: row.capacity,
    leadMinutes: row.lead_minutes,
    weekly: row.weekly,
    exceptions: row.exceptions,
    timeZone: 'Europe/Brussels',
    updatedAt: row.updated_at.toISOString(),
  };
}

const localOf = (instant: Date) => {
  const { date, time, offset } = toBrussels(instant);
  return { date, time, offset };
};

export function appointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    listingId: row.listing_id,
    seekerId: row.seeker_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    local: localOf(row.starts_at),
    status: row.status,
    requestedBy: row.requested_by,
    reason: row.reason,
    note: row.note,
    rescheduledFrom: row.rescheduled_from,
    rescheduledTo: row.rescheduled_to,
    history: row.history,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function facts(row: AppointmentRow, by: AppointmentFacts['by']): AppointmentFacts {
  return {
    appointmentId: row.id,
    listingId: row.listing_id,
    seekerId: row.seeker_id,
    ownerId: row.owner_id,
    agencyId: row.agency_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    by,
  };
}

function isOwnerSide(principal: Principal, owner: { ownerId: string | null; agencyId: string | null }) {
  return owner.ownerId === principal.userId || (!!owner.agencyId && principal.agencies.some((a) => a.agencyId === owner.agencyId));
}

/** The caller's side of an appointment, or undefined when it is none of theirs. */
function sideOf(principal: Principal, row: AppointmentRow): Side | undefined {
  if (row.seeker_id === principal.userId) return 'seeker';
  if (isOwnerSide(principal, { ownerId: row.owner_id, agencyId: row.agency_id })) return 'owner';
  return undefined;
}

function placeOf(listing: ListingSnapshot) {
  const commune = listing.communeName.fr === listing.communeName.nl ? listing.communeName.fr : `${listing.communeName.fr} / ${listing.communeName.nl}`;
  return listing.address.hidden ? `${listing.postalCode} ${commune}` : `${listing.address.street} ${listing.address.number}, ${listing.postalCode} ${commune}`;
}
