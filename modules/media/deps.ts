import type { Platform } from '@immo/platform';
import type { ListingAccess } from './access.ts';

/** What the media services are built from: platform ports and the listings adapter. */
export interface MediaDeps extends Pick<Platform, 'db' | 'storage' | 'jobs' | 'events' | 'clock' | 'logger'> {
  listings: ListingAccess;
  /** The agency's name for the watermark; undefined falls back to "Immo". */
  agencyName(agencyId: string): Promise<string | undefined>;
  /** Days an archived listing's photos are kept before erasure (it may come back as a draft). */
  archivedListingRetentionDays: number;
}
