import { z } from 'zod';
import type { JobDefinition, ModuleContext, Schedule } from '@immo/platform';
import { isLocale, type Locale } from '@immo/i18n';
import type { AuthApi } from '@immo/auth';
import type { AppointmentsApi } from '@immo/appointments';
import type { NotificationView } from './contract.ts';
import { renderEmail } from './email-layout.ts';
import { layoutWords } from './templates.ts';
import { expoPushSender, webPushSender, type PushMessage, type PushOutcome } from './channels/push.ts';
import type { SmsSender } from './channels/sms.ts';
import * as store from './store.ts';
import { DELIVER_JOB, NOTIFY_JOB, notificationView, type NotificationsService } from './service.ts';
import { notifyRequest } from './contract.ts';

export const DIGEST_JOB = 'notifications.daily-digest';
export const DELIVERY_ATTEMPTS = 5;

/** A failure worth trying again later (the job queue backs off); anything else ends the delivery. */
class RetryableDeliveryError extends Error {}

export interface Channels {
  sms: SmsSender;
  /** Undefined without VAPID keys: Web Push devices are then skipped. */
  webPush?: ReturnType<typeof webPushSender>;
  expo: ReturnType<typeof expoPushSender>;
  /** In-app live push over /ws (set by realtime(io)); absent in a process without sockets. */
  live?: (userId: string, notification: NotificationView) => void;
}

export function createDeliverer(ctx: ModuleContext, channels: Channels) {
  const auth = () => ctx.module<AuthApi>('auth');
  const baseUrl = (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, '');
  const link = (path: string | null) => (path ? `${baseUrl}${path}` : undefined);
  const preferencesLink = `${baseUrl}/settings/notifications`;

  async function calendarOf(appointmentId: unknown) {
    if (typeof appointmentId !== 'string') return [];
    try {
      const invite = await ctx.module<AppointmentsApi>('appointments').calendarInvite(appointmentId);
      return invite ? [{ filename: invite.filename, content: invite.content, contentType: invite.contentType }] : [];
    } catch {
      return [];
    }
  }

  /** Sends one delivery on its channel; returns what to record. */
  async function send(d: NonNullable<Awaited<ReturnType<typeof store.deliveryWithNotification>>>): Promise<{ detail: Record<string, unknown> }> {
    const view = notificationView(d);
    switch (d.channel) {
      case 'in_app':
        channels.live?.(d.user_id, view);
        return { detail: { live: !!channels.live } };
      case 'email': {
        const account = await auth().getAccount(d.user_id);
        if (!account || account.status !== 'active') throw new Error('the account is gone');
        const locale: Locale = isLocale(account.locale) ? account.locale : 'fr';
        const { html, text } = renderEmail(locale, { heading: d.title, items: [{ title: d.title, body: d.body, link: link(d.url) }], preferencesLink });
        const attachments = await calendarOf(d.data.calendarOf);
        const sent = await ctx.mail.send({ to: account.email, subject: d.title, text, html, ...(attachments.length ? { attachments } : {}) }).catch((error: unknown) => {
          throw new RetryableDeliveryError(`mail: ${(error as Error).message}`);
        });
        return { detail: { messageId: sent.id } };
      }
      case 'sms': {
        const account = await auth().getAccount(d.user_id);
        if (!account?.phone || !account.phoneVerified) throw new Error('no verified phone number');
        const url = link(d.url);
        const sent = await channels.sms.send({ to: account.phone, text: `Immo: ${d.title}${url ? ` ${url}` : ''}` }).catch((error: unknown) => {
          throw new RetryableDeliveryError(`sms: ${(error as Error).message}`);
        });
        return { detail: { smsId: sent.id } };
      }
      case 'push': {
        const devices = await store.devicesOf(ctx.db.kysely, d.user_id);
        const message: PushMessage = { title: d.title, body: d.body, url: d.url, data: { notificationId: d.notification_id, kind: d.kind } };
        const results: Record<string, PushOutcome> = {};
        for (const device of devices) {
          let outcome: PushOutcome;
          if (device.type === 'webpush') {
            outcome = channels.webPush ? await channels.webPush({ endpoint: device.address, keys: device.keys! }, message) : { outcome: 'failed', error: 'Web Push is not configured (VAPID keys)' };
          } else {
            outcome = await channels.expo(device.address, message);
          }
          if (outcome.outcome === 'gone') await store.forgetDevice(ctx.db.kysely, device.id);
          results[device.id] = outcome;
        }
        const outcomes = Object.values(results);
        if (outcomes.some((o) => o.outcome === 'sent') || outcomes.length === 0) return { detail: { devices: results } };
        const retry = outcomes.some((o) => o.outcome === 'failed');
        const error = outcomes.map((o) => ('error' in o ? o.error : '')).join('; ');
        throw retry ? Object.assign(new RetryableDeliveryError(error), { detail: results }) : Object.assign(new Error(error), { detail: results });
      }
    }
  }

  async function deliver(deliveryId: string, attempt: number) {
    const d = await store.deliveryWithNotification(ctx.db.kysely, deliveryId);
    if (!d || d.status !== 'queued') return;
    const at = ctx.clock.now();
    try {
      const { detail } = await send(d);
      await store.recordAttempt(ctx.db.kysely, d.id, { status: 'sent', detail, at });
    } catch (error) {
      const message = (error as Error).message;
      const detail = (error as { detail?: Record<string, unknown> }).detail;
      const again = error instanceof RetryableDeliveryError && attempt < DELIVERY_ATTEMPTS;
      await store.recordAttempt(ctx.db.kysely, d.id, { status: again ? 'queued' : 'failed', error: message, detail: detail && { devices: detail }, at });
      if (again) throw error; // the job queue retries with backoff
    }
  }

  /** One e-mail per person with everything batched since the last digest. */
  async function digest() {
    for (const userId of await store.digestUsers(ctx.db.kysely)) {
      const items = await store.digestOf(ctx.db.kysely, userId);
      const account = await auth().getAccount(userId);
      const now = ctx.clock.now();
      if (!account || account.status !== 'active' || !account.emailVerified) {
        for (const item of items) await store.recordAttempt(ctx.db.kysely, item.id, { status: 'skipped', error: 'no reachable e-mail address', at: now });
        continue;
      }
      const locale: Locale = isLocale(account.locale) ? account.locale : 'fr';
      const words = layoutWords[locale];
      const subject = words.digestSubject.replace('{count}', String(items.length));
      const { html, text } = renderEmail(locale, { heading: subject, intro: words.digestIntro, items: items.map((i) => ({ title: i.title, body: i.body, link: link(i.url) })), preferencesLink });
      await ctx.mail.send({ to: account.email, subject, text, html });
      await store.markDigestSent(ctx.db.kysely, items.map((i) => i.id), now);
    }
  }

  return { deliver, digest };
}

export function notificationJobs(service: NotificationsService, deliverer: ReturnType<typeof createDeliverer>, options: { backoffMs?: number } = {}): JobDefinition[] {
  const notify: JobDefinition<typeof notifyRequest> = { name: NOTIFY_JOB, schema: notifyRequest, handle: async (request) => void (await service.run(request)) };
  return [
    notify,
    {
      name: DELIVER_JOB,
      schema: z.object({ deliveryId: z.string() }),
      maxAttempts: DELIVERY_ATTEMPTS,
      backoffMs: options.backoffMs ?? 30_000,
      handle: ({ deliveryId }, job) => deliverer.deliver(deliveryId, job.attempt),
    },
    { name: DIGEST_JOB, schema: z.object({}), handle: () => deliverer.digest() },
  ] as JobDefinition[];
}

export const notificationSchedules: Schedule[] = [{ name: 'notifications.daily-digest.morning', cron: '0 8 * * *', job: DIGEST_JOB }];
