// @immo/media: photos and files: upload, variants, privacy, duplicates.
import { fileURLToPath } from 'node:url';
import { defineModule, type ModuleContext, type ModuleDefinition } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import type { UsersApi } from '@immo/users';
import type { ListingAccess } from './access.ts';
import type { MediaApi } from './contract.ts';
import type { MediaDeps } from './deps.ts';
import { mediaJobs, mediaSchedules } from './jobs.ts';
import { Processing } from './processing.ts';
import { mediaRoutes } from './routes.ts';
import { MediaService } from './service.ts';
import { findListing } from './store.ts';
import { mediaSubscribers } from './subscribers.ts';
import { Uploads } from './uploads.ts';

export * from './contract.ts';
export { mediaPhotoProcessed, mediaDuplicateDetected, mediaListingPhotosChanged, type ListingPhotoRef } from './events.ts';
export type { ListingAccess } from './access.ts';
export { processPhoto, VARIANT_WIDTHS, VARIANT_FORMATS, type ProcessedPhoto, type RenderedVariant, type PipelineOptions } from './pipeline.ts';
export { detectType, type DetectedType } from './magic-bytes.ts';
export { hammingDistance } from './perceptual-hash.ts';
export { DUPLICATE_DHASH_DISTANCE, DUPLICATE_PHASH_DISTANCE } from './processing.ts';
/** Made-up photos (seeded scenes with grain, phone-style EXIF) for tests and bench/media.ts. */
export { scenePhoto, phoneJpeg, exifHasGps } from './test-photos.ts';
/** A file as a browser's multipart upload, for tests that POST /v1/media. */
export { multipartFile } from './test-uploads.ts';

export interface MediaModuleOptions {
  /** Who manages a listing's photos and whether they are public; default: the listings module's API. */
  listings?: ListingAccess;
  /** The agency's name drawn on large listing photos; default: its legal name from the users module, else "Immo". */
  agencyName?: (agencyId: string) => Promise<string | undefined>;
  /** Days an archived listing's photos are kept (it may come back as a draft); default 90. */
  archivedListingRetentionDays?: number;
}

export function createMediaModule(options: MediaModuleOptions = {}): ModuleDefinition<MediaApi> {
  return defineModule<MediaApi>({
    name: 'media',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    create(ctx: ModuleContext) {
      const deps: MediaDeps = {
        db: ctx.db,
        storage: ctx.storage,
        jobs: ctx.jobs,
        events: ctx.events,
        clock: ctx.clock,
        logger: ctx.logger,
        listings: options.listings ?? listingsModuleAccess(ctx),
        agencyName: options.agencyName ?? (async (agencyId) => (await optionalModule<UsersApi>(ctx, 'users')?.agency(agencyId))?.legalName),
        archivedListingRetentionDays: options.archivedListingRetentionDays ?? 90,
      };
      const uploads = new Uploads(deps);
      const media = new MediaService(deps);
      const processing = new Processing(deps);
      const api: MediaApi = {
        upload: (principal, target, file) => uploads.upload(principal, target, file),
        startDirectUpload: (principal, input) => uploads.start(principal, input),
        completeDirectUpload: (principal, id) => uploads.complete(principal, id),
        get: (principal, id) => media.get(principal, id),
        listingPhotos: (principal, listingId) => media.listingPhotos(principal, listingId),
        reorder: (principal, listingId, photoIds) => media.reorder(principal, listingId, photoIds),
        setCover: (principal, listingId, photoId) => media.setCover(principal, listingId, photoId),
        delete: (principal, assetId) => media.delete(principal, assetId),
        signedUrl: (principal, id) => media.signedUrl(principal, id),
        signedUrlFor: (id) => media.signedUrlFor(id),
        similarPhotos: (query, maxDistance) => media.similarPhotos(query, maxDistance),
        eraseListingPhotos: (listingId) => media.eraseListingPhotos(listingId),
        exportPersonalData: (userId) => media.exportPersonalData(userId),
      };
      return {
        api,
        routes: (app) => mediaRoutes(app, { uploads, media, storage: ctx.storage }),
        subscribers: mediaSubscribers(media),
        jobs: mediaJobs(processing, media),
        schedules: mediaSchedules,
        exportPersonalData: (userId) => media.exportPersonalData(userId),
      };
    },
  });
}

export const mediaModule = createMediaModule();

/**
 * The listings module's API, asked at call time (no start-up dependency: media
 * runs without listings, e.g. `MODULES=media`, and then knows listings only
 * from their events).
 */
function listingsModuleAccess(ctx: ModuleContext): ListingAccess {
  const api = () => optionalModule<ListingsApi>(ctx, 'listings');
  return {
    async isOwnerOrAgent(principal, listingId) {
      const listings = api();
      if (listings) return listings.isOwnerOrAgent(principal, listingId);
      const known = await findListing(ctx.db.kysely, listingId);
      return !!known && (known.owner_user_id === principal.userId || (!!known.agency_id && principal.agencies.some((a) => a.agencyId === known.agency_id)));
    },
    async isPublic(listingId) {
      const listings = api();
      if (listings) return !!(await listings.get(listingId));
      const known = await findListing(ctx.db.kysely, listingId);
      return known?.status === 'published' || known?.status === 'under_offer';
    },
  };
}

/** Another module's API when it is loaded in this process, else undefined. */
function optionalModule<Api>(ctx: ModuleContext, name: string): Api | undefined {
  try {
    return ctx.module<Api>(name);
  } catch {
    return undefined;
  }
}
