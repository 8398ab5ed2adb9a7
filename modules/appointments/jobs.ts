import { z } from 'zod';
import type { EventBus, JobDefinition, ModuleContext } from '@immo/platform';
import { appointmentById } from './store.ts';
import { appointmentReminder } from './events.ts';

export const REMIND_JOB = 'appointments.remind';

const remindPayload = z.object({ appointmentId: z.string(), before: z.enum(['24h', '1h']), startsAt: z.string() });

/**
 * Reminders are queued when a visit is confirmed (24 h and 1 h before). A
 * reminder of a visit since cancelled or moved does nothing: the job checks
 * that the visit is still confirmed at the time it was queued for.
 */
export function appointmentJobs(ctx: Pick<ModuleContext, 'db'> & { events: EventBus }): JobDefinition[] {
  const remind: JobDefinition<typeof remindPayload> = {
    name: REMIND_JOB,
    schema: remindPayload,
    async handle({ appointmentId, before, startsAt }) {
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const row = await appointmentById(trx, appointmentId);
        if (!row || row.status !== 'confirmed' || row.starts_at.toISOString() !== new Date(startsAt).toISOString()) return;
        await ctx.events.publish(trx, appointmentReminder, {
          appointmentId: row.id,
          listingId: row.listing_id,
          seekerId: row.seeker_id,
          ownerId: row.owner_id,
          agencyId: row.agency_id,
          startsAt: row.starts_at.toISOString(),
          endsAt: row.ends_at.toISOString(),
          by: 'system',
          before,
        });
      });
    },
  };
  return [remind as JobDefinition];
}
