import { z } from 'zod';

// Notifications on every channel: what kinds exist, the channels, per-person
// preferences, devices for push, and the stored in-app notifications.

export const KINDS = [
  'message.new',
  'appointment.booked',
  'appointment.confirmed',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.reminder',
  'search.match',
  'favorite.price_drop',
  'listing.status',
] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Kinds an e-mail digest may batch; the others (messages, visits) are always sent at once. */
export const DIGESTIBLE: readonly Kind[] = ['search.match', 'favorite.price_drop', 'listing.status'];

/**
 * Defaults before a person chooses. SMS is opt-in everywhere (it costs and
 * intrudes), as is push for the owner's listing status.
 */
export const DEFAULT_CHANNELS: Record<Kind, Record<Channel, boolean>> = Object.fromEntries(
  KINDS.map((kind) => [kind, { in_app: true, email: true, push: kind !== 'listing.status', sms: false }]),
) as Record<Kind, Record<Channel, boolean>>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 22:00 (Brussels time)');

export const preferencesView = z.object({
  channels: z.record(z.enum(KINDS), z.record(z.enum(CHANNELS), z.boolean())),
  /** Push and SMS wait until the end of this window (Brussels time); e-mail and in-app do not. */
  quietHours: z.object({ start: time, end: time }).nullable(),
  /** Batch digestible e-mails into one a day (08:00 Brussels). */
  dailyDigest: z.boolean(),
});
export type PreferencesView = z.infer<typeof preferencesView>;

export const preferencesPatch = z
  .object({
    channels: z.partialRecord(z.enum(KINDS), z.partialRecord(z.enum(CHANNELS), z.boolean())).optional(),
    quietHours: z
      .object({ start: time, end: time })
      .strict()
      .refine((q) => q.start !== q.end, { message: 'quiet hours start and end differ' })
      .nullable()
      .optional(),
    dailyDigest: z.boolean().optional(),
  })
  .strict();
export type PreferencesPatch = z.infer<typeof preferencesPatch>;

export const deviceInput = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('webpush'),
      /** A PushSubscription as the browser gives it. */
      endpoint: z.url().max(2000).refine((u) => u.startsWith('https://') || u.startsWith('http://'), 'an http(s) URL'),
      keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
    })
    .strict(),
  z
    .object({
      type: z.literal('expo'),
      token: z.string().regex(/^(Exponent|Expo)PushToken\[[^\]]+\]$/, 'an Expo push token looks like ExponentPushToken[…]'),
    })
    .strict(),
]);
export type DeviceInput = z.infer<typeof deviceInput>;

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  /** Path in the apps, e.g. /messages/<conversationId>. */
  url: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const deliveryView = z.object({
  id: z.string(),
  notificationId: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(['queued', 'sent', 'failed', 'skipped', 'digest']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** A request to tell one person something; rendered in their language when it runs. */
export const notifyRequest = z.object({
  userId: z.string(),
  kind: z.enum(KINDS),
  listingId: z.string().optional(),
  url: z.string().optional(),
  /** Values for the message: ISO dates (`when`, `newWhen`), euro amounts (`price`, `oldPrice`, `newPrice`), `reason`, `status`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  data: z.record(z.string(), z.unknown()).default({}),
  /** Attach this visit's .ics to the e-mail. */
  calendarOf: z.string().optional(),
});
export type NotifyRequest = z.input<typeof notifyRequest>;

export interface NotificationsApi {
  /** Queues a notification in the caller's transaction (kept exactly once with the change). */
  notify(trx: unknown, request: NotifyRequest): Promise<void>;
}
