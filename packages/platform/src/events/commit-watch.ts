import type { Logger } from '../observability/logger.ts';
import type { Executor } from './event.ts';
import { transactionStatus } from './outbox.ts';

/**
 * Calls `onCommit` once the transaction `xid` (from pg_current_xact_id() in the
 * writer's transaction) has committed, so a worker can be woken as soon as what
 * was written becomes visible. On PGlite the first check simply waits for the
 * writer's transaction to end; on PostgreSQL it asks a few times, backing off.
 * Polling remains the fallback for writes made by other processes.
 */
export function createCommitWatch(options: {
  db: Executor;
  logger: Logger;
  active: () => boolean;
  onCommit: () => void;
}) {
  const watched = new Map<string, Promise<void>>();
  return {
    watch(xid: string) {
      if (!options.active() || watched.has(xid)) return;
      const watch = (async () => {
        for (let wait = 2; wait < 5000 && options.active(); wait *= 2) {
          const status = await transactionStatus(options.db, xid);
          if (status === 'committed') return options.onCommit();
          if (status !== 'in progress') return;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      })()
        .catch((error: unknown) => options.logger.debug({ err: error }, 'commit watch failed'))
        .finally(() => watched.delete(xid));
      watched.set(xid, watch);
    },
    /** Waits for the watches under way (before the database is closed). */
    async settle() {
      await Promise.all(watched.values());
    },
  };
}
