import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { EventEnvelope, Subscriber } from './event.ts';

/**
 * Applies one event to one consumer, idempotently: in a single transaction the
 * (consumer, event) pair is recorded first — if it already was, the event is
 * skipped — then the payload is parsed again and the handler runs. A handler
 * error rolls both back, so the event is tried again later.
 */
export async function consumeEvent(
  db: Database,
  subscriber: Subscriber,
  envelope: EventEnvelope<unknown>,
): Promise<'handled' | 'skipped'> {
  return db.kysely.transaction().execute(async (trx) => {
    const { rows } = await sql`
      insert into platform.consumed_events (consumer, event_id) values (${subscriber.consumer}, ${envelope.id})
      on conflict do nothing returning event_id`.execute(trx);
    if (rows.length === 0) return 'skipped';
    const parsed = subscriber.event.schema.safeParse(envelope.payload);
    if (!parsed.success) {
      throw new Error(
        `event ${envelope.name} v${envelope.version} (${envelope.id}) has a payload ${subscriber.consumer} cannot read: ${z.prettifyError(parsed.error)}`,
      );
    }
    await subscriber.handle(parsed.data, { ...envelope, payload: parsed.data }, trx);
    return 'handled';
  });
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 4000);
  return String(error).slice(0, 4000);
}
