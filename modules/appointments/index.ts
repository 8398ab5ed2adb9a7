import { fileURLToPath } from 'node:url';
import { defineModule, type ModuleDefinition, type Subscriber } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import { userDeleted } from '@immo/auth';
import type { AppointmentsApi } from './contract.ts';
import { AppointmentsService } from './service.ts';
import { appointmentRoutes } from './routes.ts';
import { appointmentJobs } from './jobs.ts';

// @immo/appointments: visits of listings — availability, slots, bookings.
export * from './contract.ts';
export { appointmentBooked, appointmentConfirmed, appointmentCancelled, appointmentRescheduled, appointmentReminder, type AppointmentFacts } from './events.ts';
export { visitIcs } from './ics.ts';
export { toBrussels, fromBrussels } from './brussels-time.ts';

export const appointmentsModule: ModuleDefinition<AppointmentsApi> = defineModule<AppointmentsApi>({
  name: 'appointments',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  dependsOn: ['listings'],
  create(ctx) {
    const service = new AppointmentsService(ctx, () => ctx.module<ListingsApi>('listings'));
    const erase: Subscriber<typeof userDeleted.schema> = {
      consumer: 'appointments.erase-user',
      event: userDeleted,
      handle: (payload, _envelope, trx) => service.eraseSeeker(trx, payload.userId),
    };
    return {
      api: {
        get: (id) => service.internalGet(id),
        calendarInvite: (id) => service.calendarInvite(id),
      },
      routes: (app) => appointmentRoutes(app, service),
      jobs: appointmentJobs(ctx),
      subscribers: [erase as Subscriber],
      async exportPersonalData(userId) {
        const asSeeker = { userId, role: 'individual' as const, agencies: [], mfa: false };
        const appointments = [];
        for (let cursor: string | undefined, page; (page = await service.list(asSeeker, { cursor, limit: 100 })); cursor = page.nextCursor) {
          appointments.push(...page.items.filter((a) => a.seekerId === userId));
          if (!page.nextCursor) break;
        }
        return { appointments };
      },
    };
  },
});
