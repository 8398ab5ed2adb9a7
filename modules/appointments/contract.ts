import { z } from 'zod';

// Visits of a listing: the availability its owner or agency publishes, the
// free slots computed from it, and the appointments seekers book.

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 09:30 (24 h, Brussels time)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-03-29');
const windowSchema = z
  .object({ start: time, end: time })
  .strict()
  .refine((w) => w.start < w.end, { message: 'a window ends after it starts', path: ['end'] });

export const VISIT_MODES = ['private', 'group'] as const;

export const availabilityInput = z
  .object({
    /** Length of one visit, in minutes; slots follow each other at this step. */
    visitMinutes: z.number().int().min(10).max(240),
    /** A private visit takes one party per slot; a group visit up to `capacity`. */
    mode: z.enum(VISIT_MODES),
    capacity: z.number().int().min(1).max(50).default(1),
    /** How long before a slot it can still be booked, in minutes. */
    leadMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
    weekly: z.array(windowSchema.and(z.object({ weekday: z.number().int().min(1).max(7) }))).max(70),
    /** A date either closed, or open with its own windows instead of the weekly ones. */
    exceptions: z
      .array(z.object({ date, closed: z.boolean().default(false), windows: z.array(windowSchema).max(10).default([]) }).strict())
      .max(366)
      .default([]),
  })
  .strict()
  .refine((a) => a.mode === 'group' || a.capacity === 1, { message: 'a private visit takes one party: leave capacity at 1', path: ['capacity'] });
export type AvailabilityInput = z.input<typeof availabilityInput>;
export type Availability = z.infer<typeof availabilityInput>;

export const availabilityView = z.object({
  listingId: z.string(),
  visitMinutes: z.number(),
  mode: z.enum(VISIT_MODES),
  capacity: z.number(),
  leadMinutes: z.number(),
  weekly: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
  exceptions: z.array(z.object({ date: z.string(), closed: z.boolean(), windows: z.array(z.object({ start: z.string(), end: z.string() })) })),
  timeZone: z.literal('Europe/Brussels'),
  updatedAt: z.string(),
});
export type AvailabilityView = z.infer<typeof availabilityView>;

export const localTime = z.object({ date: z.string(), time: z.string(), offset: z.string() });

export const slotView = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same instant on Brussels clocks. */
  local: localTime,
  capacity: z.number(),
  remaining: z.number(),
});
export type SlotView = z.infer<typeof slotView>;

export const slotsQuery = z.object({ from: date, to: date });

export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'done', 'cancelled', 'rescheduled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type Side = 'seeker' | 'owner';

export const bookInput = z
  .object({
    listingId: z.uuid(),
    /** The slot's start as an ISO instant, as listed by GET /v1/listings/:id/slots. */
    startsAt: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type BookInput = z.infer<typeof bookInput>;

export const statusInput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed') }).strict(),
  z.object({ status: z.literal('done') }).strict(),
  z.object({ status: z.literal('cancelled'), reason: z.string().trim().min(1).max(500) }).strict(),
  z.object({ status: z.literal('rescheduled'), reason: z.string().trim().min(1).max(500), startsAt: z.iso.datetime({ offset: true }) }).strict(),
]);
export type StatusInput = z.infer<typeof statusInput>;

export const appointmentView = z.object({
  id: z.string(),
  listingId: z.string(),
  seekerId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  local: localTime,
  status: z.enum(APPOINTMENT_STATUSES),
  requestedBy: z.enum(['seeker', 'owner']),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  rescheduledFrom: z.string().nullable(),
  rescheduledTo: z.string().nullable(),
  history: z.array(z.object({ status: z.string(), at: z.string(), by: z.enum(['seeker', 'owner', 'system']), reason: z.string().optional() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const appointmentsQuery = z.object({
  listingId: z.uuid().optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  cursor: z.string().max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export interface CalendarInvite {
  filename: string;
  content: string;
  contentType: string;
}

/** What other modules call (notifications renders e-mails with it). */
export interface AppointmentsApi {
  /** Any appointment by id, unchecked: callers are modules, not people. */
  get(id: string): Promise<(AppointmentView & { ownerId: string | null; agencyId: string | null }) | undefined>;
  /** The .ics invitation (REQUEST, or CANCEL once cancelled/rescheduled). */
  calendarInvite(id: string): Promise<CalendarInvite | undefined>;
}
