import { fileURLToPath } from 'node:url';
import type { Server } from 'socket.io';
import { defineModule, type ModuleDefinition, type Subscriber } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import { userDeleted } from '@immo/auth';
import type { MessagingApi } from './contract.ts';
import { MessagingService } from './service.ts';
import { messagingRoutes } from './routes.ts';
import { messagingLiveFeed, messagingRealtime, type RealtimeOptions } from './realtime.ts';
import { messagingJobs, messagingSchedules } from './jobs.ts';
import { conversationById, hasRead, messagesSentBy } from './store.ts';

// @immo/messaging: conversations between seekers and advertisers, in real time.
export * from './contract.ts';
export { messageSent, messageRead } from './events.ts';
export { conversationRoom, userRoom, agencyRoom } from './realtime.ts';

export type MessagingModuleOptions = RealtimeOptions;

export function createMessagingModule(options: MessagingModuleOptions = {}): ModuleDefinition<MessagingApi> {
  return defineModule<MessagingApi>({
    name: 'messaging',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    dependsOn: ['listings'],
    create(ctx) {
      const service = new MessagingService(ctx, () => ctx.module<ListingsApi>('listings'));
      const erase: Subscriber<typeof userDeleted.schema> = {
        consumer: 'messaging.erase-user',
        event: userDeleted,
        handle: (payload, _envelope, trx) => service.erase(trx, payload.userId),
      };
      return {
        api: {
          async participants(conversationId) {
            const c = await conversationById(ctx.db.kysely, conversationId);
            return (
              c && {
                seekerId: c.seeker_id,
                ownerId: c.owner_id,
                agencyId: c.agency_id,
                listingId: c.listing_id,
              }
            );
          },
          hasRead: (conversationId, userId, messageId) =>
            hasRead(ctx.db.kysely, conversationId, userId, messageId),
        },
        routes: (app) => messagingRoutes(app, service),
        realtime(io) {
          messagingRealtime(io as Server, service, ctx.logger, options);
        },
        live(emitter) {
          service.live = messagingLiveFeed(emitter);
        },
        subscribers: [erase as Subscriber],
        jobs: messagingJobs(service),
        schedules: messagingSchedules,
        async exportPersonalData(userId) {
          const rows = await messagesSentBy(ctx.db.kysely, userId);
          return {
            messagesSent: rows.map((r) => ({
              id: r.id,
              conversationId: r.conversation_id,
              text: r.body,
              createdAt: r.created_at.toISOString(),
            })),
          };
        },
      };
    },
  });
}

export const messagingModule: ModuleDefinition<MessagingApi> = createMessagingModule();
