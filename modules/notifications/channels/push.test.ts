import { createECDH, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { Agent, createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webPush from 'web-push';
// @ts-expect-error http_ece (a dependency of web-push) ships no types
import ece from 'http_ece';
import { expoPushSender, webPushSender } from './push.ts';

// Local HTTP endpoints that speak the push services' protocols: a Web Push
// endpoint that receives the encrypted push (and decrypts it with the
// browser's keys, as a browser would), and a server answering like Expo's.

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A throwaway certificate for 127.0.0.1: push services are HTTPS only. */
function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'immo-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

function localServer(answer: (r: Received) => { status: number; body?: unknown }, tls?: { key: Buffer; cert: Buffer }) {
  const received: Received[] = [];
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      const { status, body } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  };
  const server: Server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  return {
    received,
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const a = server.address();
      return `${tls ? 'https' : 'http'}://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

const message = { title: 'Visite confirmée', body: 'Samedi à 10:00', url: '/appointments/1', data: { kind: 'appointment.confirmed' } };

describe('Web Push (VAPID, aes128gcm)', () => {
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:ops@immo.test' };
  const browser = createECDH('prime256v1');
  browser.generateKeys();
  const authSecret = randomBytes(16).toString('base64url');
  let gone = false;
  const tls = selfSignedCertificate();
  const agent = new Agent({ ca: tls.cert });
  const endpoint = localServer(() => ({ status: gone ? 410 : 201 }), tls);
  let base: string;
  beforeAll(async () => {
    base = await endpoint.start();
  });
  afterAll(() => endpoint.close());

  const device = () => ({ endpoint: `${base}/push/abc`, keys: { p256dh: browser.getPublicKey('base64url'), auth: authSecret } });

  it('sends an encrypted push signed with the VAPID key that the browser decrypts', async () => {
    const outcome = await webPushSender(vapid, { agent })(device(), message);
    expect(outcome).toEqual({ outcome: 'sent' });
    const push = endpoint.received.at(-1)!;
    expect(push.url).toBe('/push/abc');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(push.headers.ttl).toBe('86400');
    expect(push.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`));
    expect(push.body.toString('utf8')).not.toContain('Visite');
    const clear = ece.decrypt(push.body, { version: 'aes128gcm', privateKey: browser, authSecret }) as Buffer;
    expect(JSON.parse(clear.toString('utf8'))).toEqual(message);
  });

  it('reports a subscription the push service no longer knows (410) as gone', async () => {
    gone = true;
    expect(await webPushSender(vapid, { agent })(device(), message)).toMatchObject({ outcome: 'gone' });
  });
});

describe('Expo push service', () => {
  let mode: 'ok' | 'unregistered' | 'down' = 'ok';
  const expo = localServer(() =>
    mode === 'down'
      ? { status: 503 }
      : { status: 200, body: { data: [mode === 'ok' ? { status: 'ok', id: 'ticket-1' } : { status: 'error', message: 'not registered', details: { error: 'DeviceNotRegistered' } }] } },
  );
  let url: string;
  beforeAll(async () => {
    url = `${await expo.start()}/--/api/v2/push/send`;
  });
  afterAll(() => expo.close());

  it('posts the message as Expo expects and reads its ticket', async () => {
    const send = expoPushSender({ url, accessToken: 'expo-secret' });
    expect(await send('ExponentPushToken[abc]', message)).toEqual({ outcome: 'sent' });
    const request = expo.received.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer expo-secret');
    expect(JSON.parse(request.body.toString())).toEqual([
      { to: 'ExponentPushToken[abc]', title: message.title, body: message.body, data: { kind: 'appointment.confirmed', url: '/appointments/1' }, sound: 'default', priority: 'high' },
    ]);
  });

  it('tells a dead token (DeviceNotRegistered) from a service failure worth retrying', async () => {
    const send = expoPushSender({ url });
    mode = 'unregistered';
    expect(await send('ExponentPushToken[abc]', message)).toMatchObject({ outcome: 'gone' });
    mode = 'down';
    expect(await send('ExponentPushToken[abc]', message)).toMatchObject({ outcome: 'failed', error: 'expo answered 503' });
  });
});
