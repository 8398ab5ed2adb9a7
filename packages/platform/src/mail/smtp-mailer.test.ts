import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './smtp-mailer.ts';

interface Received {
  from: string | false;
  to: string[];
  user: string | undefined;
  raw: Buffer;
}

// A real SMTP server in process: the mailer speaks SMTP to it over TCP.
describe('SMTP mailer', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'immo' && auth.password === 's3cret') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the message with its envelope, subject, body and attachment', async () => {
    const mailer = createSmtpMailer({
      url: `smtp://immo:s3cret@127.0.0.1:${port}`,
      from: 'Immo <no-reply@immo.be>',
    });
    const { id } = await mailer.send({
      to: 'eigenaar@example.be',
      subject: 'Nieuw bericht over uw zoekertje',
      text: 'U hebt een nieuw bericht.',
      html: '<p>U hebt een <em>nieuw</em> bericht.</p>',
      attachments: [
        {
          filename: 'bezoek.ics',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          contentType: 'text/calendar',
        },
      ],
    });
    await mailer.close();

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('no-reply@immo.be');
    expect(mail!.to).toEqual(['eigenaar@example.be']);
    expect(mail!.user).toBe('immo');
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.messageId).toBe(`<${id}>`);
    expect(parsed.subject).toBe('Nieuw bericht over uw zoekertje');
    expect(parsed.text?.trim()).toBe('U hebt een nieuw bericht.');
    expect(parsed.html).toContain('<em>nieuw</em>');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['bezoek.ics']);
  });

  it('fails loudly when the server refuses the credentials', async () => {
    const mailer = createSmtpMailer({ url: `smtp://immo:wrong@127.0.0.1:${port}`, from: 'no-reply@immo.be' });
    await expect(mailer.send({ to: 'x@example.be', subject: 's', text: 't' })).rejects.toThrow(
      /Invalid username or password|auth/i,
    );
    await mailer.close();
  });
});
