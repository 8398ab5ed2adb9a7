import type { Availability } from './contract.ts';
import { addDays, fromBrussels, isoWeekday, minutesOf, timeOf, toBrussels } from './brussels-time.ts';

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Longest range of dates one request may ask slots for. */
export const MAX_SLOT_RANGE_DAYS = 62;

/**
 * Slots of an availability between two Brussels dates (inclusive). Windows
 * are cut in wall time ("10:00, 10:30, …") so a visit starts when the clock
 * says so on both sides of a DST change; a start inside the spring gap does
 * not exist and is skipped, and a visit's end is its start plus its length in
 * real minutes.
 */
export function computeSlots(availability: Pick<Availability, 'visitMinutes' | 'weekly' | 'exceptions'>, from: string, to: string): Slot[] {
  const slots: Slot[] = [];
  const exceptions = new Map(availability.exceptions.map((e) => [e.date, e]));
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const exception = exceptions.get(day);
    const windows = exception
      ? exception.closed
        ? []
        : exception.windows
      : availability.weekly.filter((w) => w.weekday === isoWeekday(day));
    const starts = new Set<number>();
    for (const window of windows) {
      for (let m = minutesOf(window.start); m + availability.visitMinutes <= minutesOf(window.end); m += availability.visitMinutes) {
        const startsAt = fromBrussels(day, timeOf(m));
        if (!startsAt || starts.has(startsAt.getTime())) continue;
        starts.add(startsAt.getTime());
        slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + availability.visitMinutes * 60_000) });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** True when `startsAt` is one of the slots the availability offers on its Brussels day. */
export function isOfferedSlot(availability: Pick<Availability, 'visitMinutes' | 'weekly' | 'exceptions'>, startsAt: Date): boolean {
  const day = toBrussels(startsAt).date;
  return computeSlots(availability, day, day).some((s) => s.startsAt.getTime() === startsAt.getTime());
}
