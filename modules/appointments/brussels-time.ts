import { TIME_ZONE } from '@immo/i18n';

// Visits are published in Brussels wall time ("Saturdays 10:00–12:00") and
// stored as UTC instants. Converting needs care twice a year: on the last
// Sunday of March 02:00–03:00 does not exist, on the last Sunday of October
// 02:00–03:00 happens twice.

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Offset from UTC, e.g. "+02:00". */
  offset: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The Brussels wall time of an instant. */
export function toBrussels(instant: Date): WallTime {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const minutes = Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date, time, weekday: WEEKDAYS[p.weekday!]!, offset };
}

/**
 * The instant at which Brussels clocks show `date` `time`; undefined when
 * that wall time does not exist (the spring-forward gap). When it exists
 * twice (autumn), the first occurrence (summer time) is returned.
 */
export function fromBrussels(date: string, time: string): Date | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Brussels is UTC+1 or UTC+2: try both, keep those that read back the same
  const matches = [120, 60]
    .map((offsetMin) => new Date(naive - offsetMin * 60_000))
    .filter((instant) => {
      const wall = toBrussels(instant);
      return wall.date === date && wall.time === time;
    });
  return matches[0];
}

/** Local calendar arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
