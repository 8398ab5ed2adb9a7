import { z } from 'zod';
import { defineEvent } from '@immo/platform';

// What appointments publishes, in the transaction of the change. Payloads
// carry ids and times, never personal values (notes and reasons are read
// through AppointmentsApi.get by whoever needs them).

const facts = z.object({
  appointmentId: z.string(),
  listingId: z.string(),
  seekerId: z.string().nullable(),
  ownerId: z.string().nullable(),
  agencyId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Who acted: the seeker or the owner's side. */
  by: z.enum(['seeker', 'owner', 'system']),
});
export type AppointmentFacts = z.infer<typeof facts>;

/** A seeker booked a slot (or either side proposed a new time: `rescheduledFrom`). */
export const appointmentBooked = defineEvent('appointment.booked', 1, facts.extend({ rescheduledFrom: z.string().nullable() }));
export const appointmentConfirmed = defineEvent('appointment.confirmed', 1, facts);
export const appointmentCancelled = defineEvent('appointment.cancelled', 1, facts);
/** The appointment was replaced by `newAppointmentId` (booked at the new time). */
export const appointmentRescheduled = defineEvent('appointment.rescheduled', 1, facts.extend({ newAppointmentId: z.string() }));
export const appointmentReminder = defineEvent('appointment.reminder', 1, facts.extend({ before: z.enum(['24h', '1h']) }));
