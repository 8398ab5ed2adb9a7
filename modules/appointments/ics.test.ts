import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, visitIcs } from './ics.ts';

describe('visit invitation (.ics)', () => {
  const ics = visitIcs({
    uid: '0190-abc@immo.be',
    method: 'REQUEST',
    sequence: 0,
    startsAt: new Date('2026-10-25T09:00:00Z'),
    endsAt: new Date('2026-10-25T09:30:00Z'),
    stampedAt: new Date('2026-10-01T12:00:00.123Z'),
    summary: 'Visite : Maison, 3 chambres; jardin',
    location: 'Rue de la Loi 16, 1000 Bruxelles',
    description: 'Ligne 1\nLigne 2',
    organizerEmail: 'no-reply@immo.localhost',
  });

  it('is a REQUEST with UTC times, CRLF lines and escaped text', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20261025T090000Z\r\n');
    expect(ics).toContain('DTEND:20261025T093000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261001T120000Z\r\n');
    expect(ics).toContain('SUMMARY:Visite : Maison\\, 3 chambres\\; jardin\r\n');
    expect(ics).toContain('DESCRIPTION:Ligne 1\\nLigne 2\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${escapeText('é'.repeat(100))}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
  });
});
