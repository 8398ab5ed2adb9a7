import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileMailer } from './file-mailer.ts';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Immo//Visits//FR',
  'BEGIN:VEVENT',
  'UID:visit-1@immo.be',
  'DTSTART:20260314T100000Z',
  'DTEND:20260314T103000Z',
  'SUMMARY:Visite — Rue Haute 12, 1000 Bruxelles',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('file mailer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'immo-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file that a mail parser reads back whole', async () => {
    const mailer = createFileMailer({ dir: join(dir, 'outbox'), from: 'Immo <no-reply@immo.be>' });
    const { id } = await mailer.send({
      to: 'visiteur@example.be',
      subject: 'Votre visite du 14 mars — confirmée',
      text: 'Bonjour,\nvotre visite est confirmée.',
      html: '<p>Bonjour,<br>votre visite est <strong>confirmée</strong>.</p>',
      attachments: [{ filename: 'visite.ics', content: ICS, contentType: 'text/calendar; method=REQUEST' }],
    });
    await mailer.close();

    const files = await readdir(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = await readFile(join(dir, 'outbox', files[0]!));
    expect(raw.toString()).toContain('\r\n'); // RFC 5322 line endings

    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe(`<${id}>`);
    expect(mail.from?.value).toEqual([{ name: 'Immo', address: 'no-reply@immo.be' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('visiteur@example.be');
    expect(mail.subject).toBe('Votre visite du 14 mars — confirmée');
    expect(mail.text?.trim()).toBe('Bonjour,\nvotre visite est confirmée.');
    expect(mail.html).toContain('<strong>confirmée</strong>');
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.filename).toBe('visite.ics');
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.content.toString()).toBe(ICS);
  });

  it('keeps one file per message, in the order they were sent', async () => {
    const mailer = createFileMailer({ dir, from: 'Immo <no-reply@immo.be>' });
    const ids = [];
    for (const n of [1, 2, 3])
      ids.push((await mailer.send({ to: `u${n}@example.be`, subject: `n°${n}`, text: 'x' })).id);
    expect(new Set(ids).size).toBe(3);
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(3);
    const subjects = await Promise.all(
      files.map(async (f) => (await simpleParser(await readFile(join(dir, f)))).subject),
    );
    expect(subjects).toEqual(['n°1', 'n°2', 'n°3']);
  });
});
