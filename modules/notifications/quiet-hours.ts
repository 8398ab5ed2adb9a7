import { addDays, fromBrusselsWall, toBrusselsWall } from './brussels.ts';

/**
 * When quiet hours (Brussels wall time, possibly across midnight, e.g.
 * 22:00–07:00) hold at `now`, the instant they end; otherwise undefined.
 */
export function quietUntil(now: Date, quiet: { start: string; end: string } | null): Date | undefined {
  if (!quiet) return undefined;
  const { date, time } = toBrusselsWall(now);
  const overnight = quiet.start > quiet.end;
  let endDate: string | undefined;
  if (!overnight && time >= quiet.start && time < quiet.end) endDate = date;
  if (overnight && time >= quiet.start) endDate = addDays(date, 1);
  if (overnight && time < quiet.end) endDate = date;
  if (!endDate) return undefined;
  // an end inside the spring-forward gap (02:xx on the last Sunday of March) is 03:00
  return fromBrusselsWall(endDate, quiet.end) ?? fromBrusselsWall(endDate, '03:00')!;
}
