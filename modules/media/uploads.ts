import { conflict, newId, notFound, Problem, forbidden, unprocessable, type Principal } from '@immo/platform';
import { canManage, isMemberOf } from './access.ts';
import { MAX_PHOTOS_PER_LISTING, RULES, SIGNED_URL_SECONDS, type DirectUpload, type DirectUploadInput, type MediaAsset, type UploadTarget } from './contract.ts';
import { detectType, type DetectedType } from './magic-bytes.ts';
import { inspectImage } from './pipeline.ts';
import { countListingAssets, deleteAssets, findAsset, insertAsset, updateAsset, type AssetRow } from './store.ts';
import { originalKey, toView } from './views.ts';
import type { MediaDeps } from './deps.ts';
import { PROCESS_PHOTO } from './job-names.ts';

const READABLE = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/avif': 'AVIF', 'image/heic': 'HEIC', 'application/pdf': 'PDF' };
const MB = 1024 * 1024;
/** Smaller than this is an icon, not a photo. */
const MIN_SIDE = 64;

export const payloadTooLarge = (maxBytes: number) =>
  new Problem(413, 'Payload too large', `The file is larger than ${Math.round(maxBytes / MB)} MB, the limit for this kind of upload; send a smaller file.`, { maxBytes });

const unsupportedType = (detail: string) => new Problem(415, 'Unsupported media type', detail);

/**
 * Getting files in: multipart straight through the API, or direct to S3 with
 * a pre-signed PUT then a `complete` call. Either way the type is decided by
 * the bytes, and a refused file leaves nothing behind.
 */
export class Uploads {
  constructor(private readonly deps: MediaDeps) {}

  /** Checks that the principal may add this kind of file there; throws the Problem to answer otherwise. */
  async authorize(principal: Principal, target: UploadTarget): Promise<void> {
    if (target.agencyId && !isMemberOf(principal, target.agencyId)) throw notFound('Agency');
    if (target.listingId) {
      if (!(await this.deps.listings.isOwnerOrAgent(principal, target.listingId))) throw notFound('Listing');
      const count = await countListingAssets(this.deps.db.kysely, target.listingId);
      if (count >= MAX_PHOTOS_PER_LISTING) throw conflict(`A listing holds at most ${MAX_PHOTOS_PER_LISTING} photos; delete one before adding another.`);
    }
  }

  async upload(principal: Principal, target: UploadTarget, bytes: Buffer): Promise<MediaAsset> {
    await this.authorize(principal, target);
    const rules = RULES[target.purpose];
    if (bytes.length > rules.maxBytes) throw payloadTooLarge(rules.maxBytes);
    const type = await this.acceptable(target, bytes);

    const id = newId();
    const key = originalKey(id);
    await this.deps.storage.put(key, bytes, { contentType: type });
    try {
      const row = await this.deps.db.kysely.transaction().execute(async (trx) => {
        const row = await insertAsset(trx, {
          ...this.ownership(principal, target, id, key),
          status: type === 'application/pdf' ? 'ready' : 'processing',
          content_type: type,
          byte_size: bytes.length,
        });
        if (row.status === 'processing') await this.deps.jobs.enqueue(trx, PROCESS_PHOTO, { assetId: id });
        return row;
      });
      return toView(row, []);
    } catch (error) {
      // the record was not written: the stored file must not outlive it
      await this.deps.storage.delete(key);
      throw error;
    }
  }

  /** Step 1 of a direct upload: a pending asset and a 15-minute pre-signed PUT URL. */
  async start(principal: Principal, input: DirectUploadInput): Promise<DirectUpload> {
    const { contentType, byteSize, ...target } = input;
    await this.authorize(principal, target);
    const rules = RULES[target.purpose];
    if (!rules.accepts.includes(contentType)) throw unsupportedType(this.expected(target));
    if (byteSize > rules.maxBytes) throw payloadTooLarge(rules.maxBytes);
    if (this.deps.storage.kind !== 's3') {
      throw conflict('Direct upload needs S3 object storage, which this server does not use; send the file as multipart/form-data to POST /v1/media instead.');
    }
    const id = newId();
    const key = originalKey(id);
    const url = await this.deps.storage.signedPutUrl(key, contentType, SIGNED_URL_SECONDS);
    if (!url) throw conflict('This object storage does not offer pre-signed uploads; send the file as multipart/form-data to POST /v1/media.');
    const row = await this.deps.db.kysely.transaction().execute((trx) =>
      insertAsset(trx, { ...this.ownership(principal, target, id, key), status: 'awaiting_upload', content_type: contentType, byte_size: byteSize }),
    );
    const expiresAt = new Date(this.deps.clock.now().getTime() + SIGNED_URL_SECONDS * 1000).toISOString();
    return { asset: toView(row, []), upload: { method: 'PUT', url, headers: { 'content-type': contentType }, expiresAt } };
  }

  /**
   * Step 2: the object is in storage; it is checked like a multipart upload.
   * A refused object is deleted with its pending asset.
   */
  async complete(principal: Principal, assetId: string): Promise<MediaAsset> {
    const asset = await findAsset(this.deps.db.kysely, assetId);
    if (!asset || !(await canManage(principal, asset, this.deps.listings))) throw notFound('Upload');
    if (asset.status !== 'awaiting_upload') throw conflict('This upload is already complete.');
    const head = await this.deps.storage.head(asset.original_key);
    if (!head) throw conflict('Nothing was uploaded yet: PUT the file to the upload URL first, then complete.');
    const target = { purpose: asset.purpose, listingId: asset.listing_id ?? undefined, agencyId: asset.owner_agency_id ?? undefined };
    let type: DetectedType;
    try {
      if (head.size > RULES[asset.purpose].maxBytes) throw payloadTooLarge(RULES[asset.purpose].maxBytes);
      const bytes = await this.deps.storage.get(asset.original_key);
      if (!bytes) throw conflict('Nothing was uploaded yet: PUT the file to the upload URL first, then complete.');
      type = await this.acceptable(target, bytes);
    } catch (error) {
      if (error instanceof Problem && error.status !== 409) await this.discard(asset);
      throw error;
    }
    const row = await this.deps.db.kysely.transaction().execute(async (trx) => {
      const locked = await findAsset(trx, assetId, { forUpdate: true });
      if (locked?.status !== 'awaiting_upload') throw conflict('This upload is already complete.');
      const status = type === 'application/pdf' ? 'ready' : 'processing';
      await updateAsset(trx, assetId, { status, content_type: type, byte_size: head.size });
      if (status === 'processing') await this.deps.jobs.enqueue(trx, PROCESS_PHOTO, { assetId });
      return (await findAsset(trx, assetId))!;
    });
    return toView(row, []);
  }

  /** The detected type when this purpose accepts the bytes; else the 415/422 Problem. */
  private async acceptable(target: UploadTarget, bytes: Buffer): Promise<DetectedType> {
    const type = detectType(bytes);
    if (!type || !RULES[target.purpose].accepts.includes(type)) {
      const found = type ? `a ${READABLE[type]} file` : 'not a file type we accept';
      throw unsupportedType(`This file is ${found}. ${this.expected(target)}`);
    }
    if (type === 'application/pdf') return type;
    let facts;
    try {
      facts = await inspectImage(bytes);
    } catch {
      if (type === 'image/heic') throw unsupportedType('HEIC photos cannot be processed here; export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.');
      throw unprocessable(`The file starts like a ${READABLE[type]} image but cannot be read as one; it may be damaged. Export it again and upload the new file.`);
    }
    if (facts.width < MIN_SIDE || facts.height < MIN_SIDE) throw unprocessable(`The image is ${facts.width}×${facts.height} pixels; it must be at least ${MIN_SIDE} pixels on each side.`);
    return type;
  }

  private expected(target: UploadTarget): string {
    const names = RULES[target.purpose].accepts.filter((t) => t !== 'image/heic').map((t) => READABLE[t]);
    return `A ${target.purpose.replace('_', ' ')} must be ${names.slice(0, -1).join(', ')} or ${names.at(-1)}.`;
  }

  private ownership(principal: Principal, target: UploadTarget, id: string, key: string) {
    if (target.purpose === 'logo' && !target.agencyId) throw forbidden('A logo belongs to an agency.');
    return {
      id,
      purpose: target.purpose,
      visibility: RULES[target.purpose].visibility,
      owner_user_id: principal.userId,
      owner_agency_id: target.agencyId ?? null,
      listing_id: target.listingId ?? null,
      original_key: key,
    };
  }

  private async discard(asset: AssetRow): Promise<void> {
    await this.deps.storage.delete(asset.original_key);
    await deleteAssets(this.deps.db.kysely, [asset.id]);
  }
}
