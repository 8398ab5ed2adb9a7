import { fileURLToPath } from 'node:url';
import { defineModule, type Executor, type ModuleDefinition } from '@immo/platform';
import type { NotificationsApi, NotifyRequest } from './contract.ts';
import { NotificationsService } from './service.ts';
import { createDeliverer, notificationJobs, notificationSchedules, type Channels } from './delivery.ts';
import { notificationSubscribers } from './events.ts';
import { notificationRoutes } from './routes.ts';
import { expoPushSender, webPushSender } from './channels/push.ts';
import { offlineSms, type SmsSender } from './channels/sms.ts';
import * as store from './store.ts';

// @immo/notifications: in-app, e-mail, Web Push, Expo push and SMS, fed by events.
export * from './contract.ts';
export { createSocketServer, createRedisLiveEmitter, type SocketServer, type SocketServerOptions } from './socket-server.ts';
export type { SmsSender } from './channels/sms.ts';
export { MESSAGE_COALESCE_MS } from './events.ts';
export { DIGEST_JOB } from './delivery.ts';

export interface NotificationsModuleOptions {
  /** Replaces the SMS port (default: the offline provider, files in `${DATA_DIR}/outbox/sms`). */
  sms?: SmsSender;
  /** Base delay of delivery retries (default 30 s). */
  retryBackoffMs?: number;
}

export function createNotificationsModule(options: NotificationsModuleOptions = {}): ModuleDefinition<NotificationsApi> {
  return defineModule<NotificationsApi>({
    name: 'notifications',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    dependsOn: ['auth'],
    create(ctx) {
      const { config } = ctx;
      const service = new NotificationsService(ctx);
      const channels: Channels = {
        sms: options.sms ?? offlineSms(config.DATA_DIR),
        webPush: config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY ? webPushSender({ publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT }) : undefined,
        expo: expoPushSender({ url: config.EXPO_PUSH_URL, accessToken: config.EXPO_ACCESS_TOKEN }),
      };
      const deliverer = createDeliverer(ctx, channels);
      return {
        api: { notify: (trx: unknown, request: NotifyRequest) => service.queue(trx as Executor, request) },
        routes: (app) => notificationRoutes(app, service, config.VAPID_PUBLIC_KEY),
        subscribers: notificationSubscribers(service),
        jobs: notificationJobs(service, deliverer, { backoffMs: options.retryBackoffMs }),
        schedules: notificationSchedules,
        live(emitter) {
          channels.live = (userId, notification) => emitter.to(`user:${userId}`).emit('notification', notification);
        },
        async exportPersonalData(userId) {
          const [notifications, preferences, devices] = await Promise.all([
            store.notificationsOf(ctx.db.kysely, userId, { unreadOnly: false, limit: 10_000 }),
            store.preferencesOf(ctx.db.kysely, userId),
            store.devicesOf(ctx.db.kysely, userId),
          ]);
          return {
            notifications: notifications.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null })),
            preferences: preferences ? [{ channels: preferences.channels, quietStart: preferences.quiet_start, quietEnd: preferences.quiet_end, dailyDigest: preferences.daily_digest }] : [],
            devices: devices.map((d) => ({ id: d.id, type: d.type, registeredAt: d.created_at.toISOString() })),
          };
        },
      };
    },
  });
}

export const notificationsModule: ModuleDefinition<NotificationsApi> = createNotificationsModule();
