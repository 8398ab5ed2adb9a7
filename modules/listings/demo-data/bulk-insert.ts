import type { Database } from '@immo/platform';
import { loadGeo } from '@immo/geo';
import type { ListingSnapshot } from '../contract.ts';
import type { GeoLookup } from '../geo-lookup.ts';
import { insertListings, recordPrices } from '../store.ts';
import { rowFromView } from './rows.ts';

// ~45 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 parameters.
const BATCH = 1_000;

/**
 * Writes snapshots straight into the listings tables, in batches, each batch
 * in one transaction; no events (the search index is built by its own bulk
 * path or `immo search reindex`). For demo data and benchmarks only: it skips
 * validation, which `generateListings` output already passes.
 */
export async function bulkInsertListings(
  db: Database,
  snapshots: readonly ListingSnapshot[],
  options: { geo?: GeoLookup; onProgress?: (inserted: number) => void } = {},
): Promise<number> {
  const geo = options.geo ?? loadGeo();
  let inserted = 0;
  for (let start = 0; start < snapshots.length; start += BATCH) {
    const batch = snapshots.slice(start, start + BATCH);
    const rows = batch.map((s) => {
      const commune = geo.commune(s.communeNis);
      if (!commune) throw new Error(`bulkInsertListings: listing ${s.id} names an unknown commune ${s.communeNis}`);
      return rowFromView(s, commune);
    });
    await db.kysely.transaction().execute(async (trx) => {
      await insertListings(trx, rows);
      await recordPrices(trx, batch.map((s) => ({ listingId: s.id, price: s.price, charges: s.charges, at: new Date(s.createdAt) })));
    });
    inserted += batch.length;
    options.onProgress?.(inserted);
  }
  return inserted;
}
