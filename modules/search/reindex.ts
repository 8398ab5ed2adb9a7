import { sql } from 'kysely';
import type { Database } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import { applySnapshot, recountSuggestTerms, touch } from './index-store.ts';

// `immo search reindex`: rebuilds the index from the listings module, in
// keyset batches over ListingsApi.snapshotsForReindex. The position is kept
// in search.reindex_runs after every batch (same transaction as the batch),
// so an interrupted run continues where it stopped. Events keep flowing
// meanwhile: snapshots are version-ordered, so neither side undoes the other.
// At the end, rows the run did not see (and no event touched since it
// started) belong to listings no longer findable and are removed.

export async function reindex(
  db: Database,
  listings: () => ListingsApi,
  options: { batchSize?: number; onBatch?: (indexed: number) => void } = {},
): Promise<{ indexed: number; removed: number; resumed: boolean }> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, 5000));
  const { rows: runs } = await sql<{ after_id: string | null; indexed: number; finished_at: Date | null }>`
    select after_id, indexed, finished_at from search.reindex_runs where id = 1`.execute(db.kysely);
  const resumed = !!runs[0] && !runs[0].finished_at;
  if (!resumed) {
    await sql`insert into search.reindex_runs (id, started_at, after_id, indexed, finished_at) values (1, now(), null, 0, null)
      on conflict (id) do update set started_at = now(), after_id = null, indexed = 0, finished_at = null`.execute(db.kysely);
  }
  let afterId = resumed ? runs[0]!.after_id : null;
  let indexed = resumed ? runs[0]!.indexed : 0;

  for (;;) {
    const batch = await listings().snapshotsForReindex(afterId, batchSize);
    if (batch.length === 0) break;
    await db.kysely.transaction().execute(async (trx) => {
      for (const listing of batch) {
        const outcome = await applySnapshot(trx, listing);
        if (!outcome.applied) await touch(trx, listing.id, listing.version);
      }
      afterId = batch.at(-1)!.id;
      indexed += batch.length;
      await sql`update search.reindex_runs set after_id = ${afterId}, indexed = ${indexed} where id = 1`.execute(trx);
    });
    options.onBatch?.(indexed);
    if (batch.length < batchSize) break;
  }

  return db.kysely.transaction().execute(async (trx) => {
    const { rows: removedRows } = await sql<{ id: string }>`
      delete from search.listings where indexed_at < (select started_at from search.reindex_runs where id = 1) returning id`.execute(trx);
    await recountSuggestTerms(trx);
    await sql`update search.reindex_runs set finished_at = now() where id = 1`.execute(trx);
    return { indexed, removed: removedRows.length, resumed };
  });
}
