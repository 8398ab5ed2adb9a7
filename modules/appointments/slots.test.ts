import { describe, expect, it } from 'vitest';
import { fromBrussels, toBrussels } from './brussels-time.ts';
import { computeSlots, isOfferedSlot } from './slots.ts';

// 2026: summer time starts Sunday 29 March (02:00 → 03:00) and ends Sunday
// 25 October (03:00 → 02:00), the last Sundays of those months.
const sundays = { weekly: [{ weekday: 7, start: '10:00', end: '12:00' }], exceptions: [], visitMinutes: 60 };

describe('Brussels wall time', () => {
  it('converts both ways with the right offset on each side of the changes', () => {
    expect(fromBrussels('2026-03-28', '10:00')!.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(fromBrussels('2026-03-29', '10:00')!.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(fromBrussels('2026-10-24', '10:00')!.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(fromBrussels('2026-10-25', '10:00')!.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(toBrussels(new Date('2026-03-29T08:00:00Z'))).toEqual({ date: '2026-03-29', time: '10:00', weekday: 7, offset: '+02:00' });
    expect(toBrussels(new Date('2026-10-25T09:00:00Z'))).toEqual({ date: '2026-10-25', time: '10:00', weekday: 7, offset: '+01:00' });
  });

  it('knows 02:30 does not exist in spring and comes twice in autumn (first one kept)', () => {
    expect(fromBrussels('2026-03-29', '02:30')).toBeUndefined();
    expect(fromBrussels('2026-10-25', '02:30')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('slots', () => {
  it('keeps visits at 10:00 and 11:00 Brussels time on the last Sunday of March', () => {
    const slots = computeSlots(sundays, '2026-03-22', '2026-03-29');
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-22T09:00:00.000Z', '2026-03-22T10:00:00.000Z', // winter time, UTC+1
      '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z', // summer time, UTC+2
    ]);
    expect(slots.map((s) => toBrussels(s.startsAt).time)).toEqual(['10:00', '11:00', '10:00', '11:00']);
  });

  it('keeps visits at 10:00 and 11:00 Brussels time on the last Sunday of October', () => {
    const slots = computeSlots(sundays, '2026-10-18', '2026-10-25');
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-10-18T08:00:00.000Z', '2026-10-18T09:00:00.000Z',
      '2026-10-25T09:00:00.000Z', '2026-10-25T10:00:00.000Z',
    ]);
  });

  it('skips the hour that does not exist and lasts the real visit length across the change', () => {
    const night = { weekly: [{ weekday: 7, start: '01:00', end: '04:00' }], exceptions: [], visitMinutes: 60 };
    const spring = computeSlots(night, '2026-03-29', '2026-03-29');
    expect(spring.map((s) => toBrussels(s.startsAt).time)).toEqual(['01:00', '03:00']);
    const autumn = computeSlots(night, '2026-10-25', '2026-10-25');
    expect(autumn.map((s) => toBrussels(s.startsAt).time)).toEqual(['01:00', '02:00', '03:00']);
    for (const s of [...spring, ...autumn]) expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(3_600_000);
  });

  it('applies exceptions: a closed day and a day with its own windows', () => {
    const availability = {
      ...sundays,
      weekly: [{ weekday: 6, start: '09:00', end: '10:00' }],
      exceptions: [
        { date: '2026-05-02', closed: true, windows: [] },
        { date: '2026-05-05', closed: false, windows: [{ start: '18:00', end: '19:00' }] },
      ],
    };
    const slots = computeSlots(availability, '2026-05-01', '2026-05-10');
    expect(slots.map((s) => `${toBrussels(s.startsAt).date} ${toBrussels(s.startsAt).time}`)).toEqual(['2026-05-05 18:00', '2026-05-09 09:00']);
    expect(isOfferedSlot(availability, new Date('2026-05-09T07:00:00Z'))).toBe(true);
    expect(isOfferedSlot(availability, new Date('2026-05-09T07:30:00Z'))).toBe(false);
    expect(isOfferedSlot(availability, new Date('2026-05-02T07:00:00Z'))).toBe(false);
  });

  it('cuts a window into whole visits only', () => {
    const slots = computeSlots({ weekly: [{ weekday: 1, start: '09:00', end: '10:40' }], exceptions: [], visitMinutes: 30 }, '2026-06-01', '2026-06-01');
    expect(slots.map((s) => toBrussels(s.startsAt).time)).toEqual(['09:00', '09:30', '10:00']);
  });
});
