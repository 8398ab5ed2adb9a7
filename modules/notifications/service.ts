import { z } from 'zod';
import { badRequest, newId, notFound, type Executor, type ModuleContext, type Principal } from '@immo/platform';
import { isLocale, type Locale } from '@immo/i18n';
import { decodeCursor, encodeCursor } from '@immo/types';
import type { AuthApi } from '@immo/auth';
import type { ListingsApi } from '@immo/listings';
import type { AppointmentsApi } from '@immo/appointments';
import type { MessagingApi } from '@immo/messaging';
import {
  CHANNELS,
  DEFAULT_CHANNELS,
  DIGESTIBLE,
  notifyRequest,
  type Channel,
  type DeviceInput,
  type Kind,
  type NotificationView,
  type NotifyRequest,
  type PreferencesPatch,
  type PreferencesView,
} from './contract.ts';
import { render } from './templates.ts';
import { quietUntil } from './quiet-hours.ts';
import * as store from './store.ts';
import type { NotificationRow, PreferencesRow } from './store.ts';

export const NOTIFY_JOB = 'notifications.notify';
export const DELIVER_JOB = 'notifications.deliver';

const cursorKey = z.object({ id: z.string() });

export function notificationView(row: Pick<NotificationRow, 'id' | 'kind' | 'title' | 'body' | 'url' | 'data' | 'created_at' | 'read_at'>): NotificationView {
  return { id: row.id, kind: row.kind, title: row.title, body: row.body, url: row.url, data: row.data, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
}

export function preferencesView(row: PreferencesRow | undefined): PreferencesView {
  const channels = Object.fromEntries(
    Object.entries(DEFAULT_CHANNELS).map(([kind, defaults]) => [kind, { ...defaults, ...(row?.channels[kind as Kind] ?? {}) }]),
  ) as PreferencesView['channels'];
  return {
    channels,
    quietHours: row?.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    dailyDigest: row?.daily_digest ?? false,
  };
}

/**
 * Turns "tell this person X" into a stored notification and one delivery per
 * channel the person wants, each sent by its own job. Runs as a job (never
 * inside an event consumer's transaction) because it reads other modules.
 */
export class NotificationsService {
  constructor(private readonly ctx: ModuleContext) {}

  private get db() {
    return this.ctx.db.kysely;
  }

  private get auth() {
    return this.ctx.module<AuthApi>('auth');
  }

  /** Another module's API when it is loaded in this process (notifications works without them). */
  private optional<Api>(name: string): Api | undefined {
    try {
      return this.ctx.module<Api>(name);
    } catch {
      return undefined;
    }
  }

  /** Queued in the caller's transaction: the notification exists only if the change commits. */
  async queue(trx: Executor, request: NotifyRequest, options: { key?: string; delayMs?: number } = {}) {
    await this.ctx.jobs.enqueue(trx, NOTIFY_JOB, notifyRequest.parse(request), options);
  }

  async run(input: NotifyRequest): Promise<string | undefined> {
    const request = notifyRequest.parse(input);
    if (await this.alreadySeen(request)) return undefined;
    const account = await this.auth.getAccount(request.userId);
    if (!account || account.status !== 'active') return undefined;
    const locale: Locale = isLocale(account.locale) ? account.locale : 'fr';
    const params = { ...request.params, ...(await this.enrich(request, locale)) };
    const { title, body } = render(request.kind, locale, params);
    const prefs = preferencesView(await store.preferencesOf(this.db, request.userId));
    const wanted = prefs.channels[request.kind];
    const devices = await store.devicesOf(this.db, request.userId);
    const now = this.ctx.clock.now();
    const quietEnd = quietUntil(now, prefs.quietHours);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await store.insertNotification(trx, {
        id,
        user_id: request.userId,
        kind: request.kind,
        title,
        body,
        url: request.url ?? null,
        data: { ...request.data, ...(request.calendarOf ? { calendarOf: request.calendarOf } : {}) },
        in_app: wanted.in_app,
        created_at: now,
        read_at: null,
      });
      for (const channel of CHANNELS) {
        if (!wanted[channel]) continue;
        const { status, reason } = this.plan(channel, request.kind, { account, devices: devices.length, digest: prefs.dailyDigest });
        const deliveryId = newId();
        await store.insertDelivery(trx, { id: deliveryId, notification_id: id, user_id: request.userId, channel, status, created_at: now, last_error: reason ?? null });
        if (status !== 'queued') continue;
        // push and SMS wait for the end of quiet hours; e-mail and in-app are silent
        const runAt = (channel === 'push' || channel === 'sms') && quietEnd ? quietEnd : now;
        await this.ctx.jobs.enqueue(trx, DELIVER_JOB, { deliveryId }, { runAt });
      }
    });
    return id;
  }

  /** A message read (live, over /ws) while its notification waited is not worth telling about. */
  private async alreadySeen(request: z.infer<typeof notifyRequest>) {
    const { conversationId, messageId } = request.data;
    if (request.kind !== 'message.new' || typeof conversationId !== 'string' || typeof messageId !== 'string') return false;
    return (await this.optional<MessagingApi>('messaging')?.hasRead(conversationId, request.userId, messageId)) ?? false;
  }

  /** Whether a channel can carry this notification for this person, and why not. */
  private plan(channel: Channel, kind: Kind, who: { account: { emailVerified: boolean; phoneVerified: boolean; phone: string | null }; devices: number; digest: boolean }): { status: store.DeliveryStatus; reason?: string } {
    if (channel === 'email' && !who.account.emailVerified) return { status: 'skipped', reason: 'e-mail address not verified' };
    if (channel === 'sms' && !(who.account.phoneVerified && who.account.phone)) return { status: 'skipped', reason: 'phone number not verified' };
    if (channel === 'push' && who.devices === 0) return { status: 'skipped', reason: 'no push device registered' };
    if (channel === 'email' && who.digest && DIGESTIBLE.includes(kind)) return { status: 'digest' };
    return { status: 'queued' };
  }

  /** Names and dates the message shows, read from the modules that own them. */
  private async enrich(request: z.infer<typeof notifyRequest>, locale: Locale): Promise<Record<string, string | number>> {
    const out: Record<string, string | number> = {};
    if (request.listingId) {
      const listing = await this.optional<ListingsApi>('listings')?.get(request.listingId).catch(() => undefined);
      if (listing) {
        out.listing = listing.title[locale] ?? listing.title[listing.language] ?? Object.values(listing.title).find(Boolean) ?? '';
        if (request.params.price === undefined) out.price = listing.price;
      }
    }
    const appointments = this.optional<AppointmentsApi>('appointments');
    const appointmentId = request.data.appointmentId;
    if (appointments && typeof appointmentId === 'string') {
      const appointment = await appointments.get(appointmentId);
      if (appointment?.reason) out.reason = appointment.reason;
      const replacementId = request.data.newAppointmentId;
      const replacement = typeof replacementId === 'string' ? await appointments.get(replacementId) : undefined;
      if (replacement) out.newWhen = replacement.startsAt;
    }
    return out;
  }

  // ---- the person's own view ------------------------------------------------

  async list(principal: Principal, query: { cursor?: string; limit: number; unread?: boolean }) {
    const before = query.cursor ? decodeCursor(query.cursor, cursorKey) : undefined;
    if (query.cursor && !before) throw badRequest('This cursor is not valid: start again without it.');
    const rows = await store.notificationsOf(this.db, principal.userId, { before: before?.id, unreadOnly: !!query.unread, limit: query.limit });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(notificationView),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
      unread: await store.unreadCount(this.db, principal.userId),
    };
  }

  async markRead(principal: Principal, id: string) {
    const row = await store.notificationById(this.db, id);
    if (!row || row.user_id !== principal.userId) throw notFound('This notification');
    await store.markRead(this.db, principal.userId, this.ctx.clock.now(), id);
  }

  markAllRead(principal: Principal) {
    return store.markRead(this.db, principal.userId, this.ctx.clock.now());
  }

  async preferences(principal: Principal) {
    return preferencesView(await store.preferencesOf(this.db, principal.userId));
  }

  async updatePreferences(principal: Principal, patch: PreferencesPatch): Promise<PreferencesView> {
    return this.db.transaction().execute(async (trx) => {
      const current = await store.preferencesOf(trx, principal.userId);
      const channels = { ...(current?.channels ?? {}) };
      for (const [kind, byChannel] of Object.entries(patch.channels ?? {})) {
        channels[kind as Kind] = { ...(channels[kind as Kind] ?? {}), ...byChannel };
      }
      const quiet = patch.quietHours === undefined ? (current?.quiet_start ? { start: current.quiet_start, end: current.quiet_end! } : null) : patch.quietHours;
      const row: PreferencesRow = {
        user_id: principal.userId,
        channels,
        quiet_start: quiet?.start ?? null,
        quiet_end: quiet?.end ?? null,
        daily_digest: patch.dailyDigest ?? current?.daily_digest ?? false,
        updated_at: this.ctx.clock.now(),
      };
      await store.savePreferences(trx, row);
      return preferencesView(row);
    });
  }

  async addDevice(principal: Principal, device: DeviceInput) {
    const id = await store.saveDevice(this.db, {
      id: newId(),
      user_id: principal.userId,
      type: device.type,
      address: device.type === 'webpush' ? device.endpoint : device.token,
      keys: device.type === 'webpush' ? device.keys : null,
      created_at: this.ctx.clock.now(),
    });
    return { id };
  }

  async removeDevice(principal: Principal, id: string) {
    if (!(await store.deleteDevice(this.db, principal.userId, id))) throw notFound('This device');
  }

  async deliveries(principal: Principal, limit: number) {
    const rows = await store.deliveriesOf(this.db, principal.userId, limit);
    return rows.map((d) => ({ id: d.id, notificationId: d.notification_id, channel: d.channel, status: d.status, attempts: d.attempts, lastError: d.last_error, createdAt: d.created_at.toISOString(), sentAt: d.sent_at?.toISOString() ?? null }));
  }
}
