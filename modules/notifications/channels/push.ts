import type { Agent } from 'node:https';
import webPush from 'web-push';

// Push channels. Each sender answers per device: delivered, gone (the
// subscription or token is dead: forget the device), or failed (try again).

export type PushOutcome = { outcome: 'sent' } | { outcome: 'gone'; error: string } | { outcome: 'failed'; error: string };

export interface PushMessage {
  title: string;
  body: string;
  url: string | null;
  data: Record<string, unknown>;
}

export interface WebPushDevice {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Web Push with VAPID (RFC 8030/8291/8292) through the `web-push` library. */
export function webPushSender(vapid: { publicKey: string; privateKey: string; subject: string }, options: { agent?: Agent } = {}) {
  return async (device: WebPushDevice, message: PushMessage): Promise<PushOutcome> => {
    try {
      await webPush.sendNotification(device, JSON.stringify(message), { vapidDetails: vapid, TTL: 24 * 3600, timeout: 10_000, ...(options.agent ? { agent: options.agent } : {}) });
      return { outcome: 'sent' };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const text = `web push ${status ?? ''} ${(error as Error).message}`.trim();
      return status === 404 || status === 410 ? { outcome: 'gone', error: text } : { outcome: 'failed', error: text };
    }
  };
}

/**
 * Expo push service (it relays to FCM and APNs): POST a JSON array of
 * messages, get one ticket per message back.
 */
export function expoPushSender(options: { url: string; accessToken?: string; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return async (token: string, message: PushMessage): Promise<PushOutcome> => {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {}),
        },
        body: JSON.stringify([{ to: token, title: message.title, body: message.body, data: { ...message.data, url: message.url }, sound: 'default', priority: 'high' }]),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      return { outcome: 'failed', error: `expo: ${(error as Error).message}` };
    }
    if (!response.ok) return { outcome: 'failed', error: `expo answered ${response.status}` };
    const body = (await response.json().catch(() => undefined)) as { data?: { status: string; message?: string; details?: { error?: string } }[] } | undefined;
    const ticket = body?.data?.[0];
    if (ticket?.status === 'ok') return { outcome: 'sent' };
    const reason = ticket?.details?.error ?? ticket?.message ?? 'no ticket';
    return reason === 'DeviceNotRegistered' ? { outcome: 'gone', error: `expo: ${reason}` } : { outcome: 'failed', error: `expo: ${reason}` };
  };
}
