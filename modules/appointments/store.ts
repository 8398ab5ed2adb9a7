import { sql, type Kysely } from 'kysely';
import type { Executor } from '@immo/platform';
import type { Availability, AppointmentStatus, Side } from './contract.ts';

// SQL of the appointments schema only.

export interface AvailabilityRow {
  listing_id: string;
  owner_id: string;
  agency_id: string | null;
  visit_minutes: number;
  mode: 'private' | 'group';
  capacity: number;
  lead_minutes: number;
  weekly: Availability['weekly'];
  exceptions: Availability['exceptions'];
  updated_at: Date;
}

export interface HistoryEntry {
  status: string;
  at: string;
  by: Side | 'system';
  reason?: string;
}

export interface AppointmentRow {
  id: string;
  listing_id: string;
  seeker_id: string | null;
  owner_id: string | null;
  agency_id: string | null;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  requested_by: Side;
  reason: string | null;
  note: string | null;
  rescheduled_from: string | null;
  rescheduled_to: string | null;
  history: HistoryEntry[];
  created_at: Date;
  updated_at: Date;
}

export interface AppointmentsTables {
  'appointments.availability': AvailabilityRow;
  'appointments.slots': { listing_id: string; starts_at: Date; capacity: number; booked: number };
  'appointments.appointments': AppointmentRow;
}

const typed = (db: Executor) => db as unknown as Kysely<AppointmentsTables>;

export async function saveAvailability(db: Executor, row: Omit<AvailabilityRow, 'updated_at'>, now: Date) {
  const values = { ...row, weekly: JSON.stringify(row.weekly), exceptions: JSON.stringify(row.exceptions), updated_at: now };
  return typed(db)
    .insertInto('appointments.availability')
    .values(values as never)
    .onConflict((oc) => oc.column('listing_id').doUpdateSet(values as never))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function availabilityOf(db: Executor, listingId: string) {
  return typed(db).selectFrom('appointments.availability').selectAll().where('listing_id', '=', listingId).executeTakeFirst();
}

/** Places taken per slot start in a range. */
export async function bookedPlaces(db: Executor, listingId: string, from: Date, to: Date) {
  const rows = await typed(db)
    .selectFrom('appointments.slots')
    .select(['starts_at', 'booked'])
    .where('listing_id', '=', listingId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  return new Map(rows.map((r) => [r.starts_at.getTime(), r.booked]));
}

/**
 * Takes one place in a slot, atomically: the conditional upsert locks the
 * slot's row, so of parallel bookings on the last place exactly one gets a
 * row back. False when the slot is full.
 */
export async function takePlace(db: Executor, listingId: string, startsAt: Date, capacity: number): Promise<boolean> {
  const { rows } = await sql<{ booked: number }>`
    insert into appointments.slots as s (listing_id, starts_at, capacity, booked)
    values (${listingId}, ${startsAt}, ${capacity}, 1)
    on conflict (listing_id, starts_at) do update set booked = s.booked + 1, capacity = excluded.capacity
      where s.booked < excluded.capacity
    returning s.booked`.execute(db);
  return rows.length === 1;
}

export async function releasePlace(db: Executor, listingId: string, startsAt: Date) {
  await sql`update appointments.slots set booked = booked - 1
    where listing_id = ${listingId} and starts_at = ${startsAt} and booked > 0`.execute(db);
}

export async function insertAppointment(db: Executor, row: Omit<AppointmentRow, 'created_at' | 'updated_at'>, now: Date) {
  return typed(db)
    .insertInto('appointments.appointments')
    .values({ ...row, history: JSON.stringify(row.history), created_at: now, updated_at: now } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function appointmentById(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  let query = typed(db).selectFrom('appointments.appointments').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function updateAppointment(db: Executor, id: string, patch: Partial<Omit<AppointmentRow, 'id'>>) {
  const values = { ...patch, ...(patch.history ? { history: JSON.stringify(patch.history) } : {}) };
  return typed(db).updateTable('appointments.appointments').set(values as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Appointments a person takes part in (as seeker, owner or agent), by start time then id. */
export function appointmentsOf(
  db: Executor,
  who: { userId: string; agencyIds: string[] },
  filter: { listingId?: string; status?: AppointmentStatus; after?: { startsAt: Date; id: string }; limit: number },
) {
  let query = typed(db)
    .selectFrom('appointments.appointments')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('seeker_id', '=', who.userId),
        eb('owner_id', '=', who.userId),
        ...(who.agencyIds.length ? [eb('agency_id', 'in', who.agencyIds)] : []),
      ]),
    );
  if (filter.listingId) query = query.where('listing_id', '=', filter.listingId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after) {
    const { startsAt, id } = filter.after;
    query = query.where((eb) => eb.or([eb('starts_at', '>', startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', '>', id)])]));
  }
  return query.orderBy('starts_at').orderBy('id').limit(filter.limit + 1).execute();
}

/** GDPR erasure: the seeker's future visits are cancelled (places released) and every visit loses their id and note. */
export async function eraseSeeker(db: Executor, userId: string, now: Date) {
  const live = await typed(db)
    .selectFrom('appointments.appointments')
    .select(['id', 'listing_id', 'starts_at'])
    .where('seeker_id', '=', userId)
    .where('status', 'in', ['requested', 'confirmed'])
    .execute();
  for (const row of live) await releasePlace(db, row.listing_id, row.starts_at);
  await sql`update appointments.appointments
    set status = case when status in ('requested', 'confirmed') then 'cancelled' else status end,
        reason = case when status in ('requested', 'confirmed') then 'account deleted' else reason end,
        seeker_id = null, note = null, updated_at = ${now}
    where seeker_id = ${userId}`.execute(db);
  return live;
}
