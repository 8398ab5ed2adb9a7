// Brussels wall time, shared with visits (the appointments module owns the conversion).
export { toBrussels as toBrusselsWall, fromBrussels as fromBrusselsWall } from '@immo/appointments';

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
