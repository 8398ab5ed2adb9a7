import { z } from 'zod';
import type { Principal } from '@immo/platform';
import type { DetectedType } from './magic-bytes.ts';
import type { VariantFormat, VariantName } from './pipeline.ts';
import type { QualityWarning } from './photo-quality.ts';

/** What a file is for decides what it may be, how large, and who sees it. */
export const PURPOSES = ['listing_photo', 'avatar', 'logo', 'attachment'] as const;
export const purposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof purposeSchema>;

const MB = 1024 * 1024;

export interface PurposeRules {
  accepts: readonly DetectedType[];
  maxBytes: number;
  /** Public: variants at immutable, content-addressed URLs. Private: signed URLs only. */
  visibility: 'public' | 'private';
  /** Variants rendered for images. */
  variants: readonly VariantName[];
  /** The large variant carries the agency's (or Immo's) name. */
  watermark: boolean;
  /** Compared with every other photo's perceptual hash (fraud: reused photos). */
  duplicateCheck: boolean;
}

const IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic'] as const;

export const RULES: Record<Purpose, PurposeRules> = {
  listing_photo: { accepts: IMAGES, maxBytes: 25 * MB, visibility: 'public', variants: ['thumbnail', 'card', 'large'], watermark: true, duplicateCheck: true },
  avatar: { accepts: IMAGES, maxBytes: 5 * MB, visibility: 'public', variants: ['thumbnail', 'card'], watermark: false, duplicateCheck: false },
  logo: { accepts: IMAGES, maxBytes: 5 * MB, visibility: 'public', variants: ['thumbnail', 'card'], watermark: false, duplicateCheck: false },
  attachment: { accepts: [...IMAGES, 'application/pdf'], maxBytes: 15 * MB, visibility: 'private', variants: ['thumbnail', 'large'], watermark: false, duplicateCheck: false },
};

/** The largest upload of any purpose: the multipart parser's hard stop. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(RULES).map((r) => r.maxBytes));
/** Photos per listing. */
export const MAX_PHOTOS_PER_LISTING = 100;
/** Life of a signed URL to private media (and of a pre-signed direct upload). */
export const SIGNED_URL_SECONDS = 15 * 60;

export const ASSET_STATUSES = ['awaiting_upload', 'processing', 'ready', 'failed'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

const uuid = z.uuid();

/** Where a new file goes: its purpose, and the listing or agency it belongs to. */
export const uploadTarget = z
  .object({
    purpose: purposeSchema,
    /** Required for listing photos. */
    listingId: uuid.optional(),
    /** Uploading on behalf of an agency the caller belongs to (its logo, or its photos). */
    agencyId: uuid.optional(),
  })
  .strict()
  .superRefine((t, issue) => {
    if (t.purpose === 'listing_photo' && !t.listingId) issue.addIssue({ code: 'custom', path: ['listingId'], message: 'a listing photo needs listingId' });
    if (t.purpose !== 'listing_photo' && t.listingId) issue.addIssue({ code: 'custom', path: ['listingId'], message: `a ${t.purpose} does not belong to a listing` });
    if (t.purpose === 'logo' && !t.agencyId) issue.addIssue({ code: 'custom', path: ['agencyId'], message: 'a logo belongs to an agency: give agencyId' });
  });
export type UploadTarget = z.infer<typeof uploadTarget>;

/** Direct upload (S3): the client announces the file, PUTs it to the pre-signed URL, then calls complete. */
export const directUploadInput = z.intersection(
  uploadTarget,
  z.object({
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'application/pdf']),
    byteSize: z.number().int().positive(),
  }),
);
export type DirectUploadInput = z.infer<typeof directUploadInput>;

export const reorderInput = z.object({ photoIds: z.array(uuid).min(1).max(MAX_PHOTOS_PER_LISTING) }).strict();
export const coverInput = z.object({ photoId: uuid }).strict();
export const similarQuery = z.object({ maxDistance: z.coerce.number().int().min(0).max(24).default(10) }).strict();

const variantView = z.object({
  name: z.enum(['thumbnail', 'card', 'large']),
  format: z.enum(['avif', 'webp', 'jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  contentType: z.string(),
  /** Immutable URL for public media; absent for private media (ask for a signed URL). */
  url: z.string().optional(),
});
export type VariantView = z.infer<typeof variantView> & { name: VariantName; format: VariantFormat };

export const mediaAssetSchema = z.object({
  id: z.string(),
  purpose: purposeSchema,
  status: z.enum(ASSET_STATUSES),
  contentType: z.string(),
  listingId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerAgencyId: z.string().nullable(),
  visibility: z.enum(['public', 'private']),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  position: z.number().int(),
  isCover: z.boolean(),
  placeholder: z.object({ blurhash: z.string(), dominantColor: z.string() }).nullable(),
  quality: z.object({ warnings: z.array(z.enum(['low_resolution', 'blurry'])), sharpness: z.number().nullable() }),
  /** `srcset`-ready: every rendition with its size. */
  variants: z.array(variantView),
  /** Why processing failed, in words for the owner. */
  failure: z.string().nullable(),
  createdAt: z.string(),
});
export type MediaAsset = z.infer<typeof mediaAssetSchema> & { quality: { warnings: QualityWarning[] } };

export const directUploadSchema = z.object({
  asset: mediaAssetSchema,
  upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
});
export type DirectUpload = z.infer<typeof directUploadSchema>;

export const signedUrlsSchema = z.object({
  /** The file to show: the large JPEG of an image, or the PDF itself. */
  url: z.string(),
  expiresAt: z.string(),
  variants: z.array(z.object({ name: z.string(), format: z.string(), width: z.number().int(), height: z.number().int(), url: z.string() })),
});
export type SignedUrls = z.infer<typeof signedUrlsSchema>;

export const similarPhotoSchema = z.object({
  photoId: z.string(),
  listingId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerAgencyId: z.string().nullable(),
  /** Hamming distance of the difference hashes (0 = identical, 64 = opposite). */
  distance: z.number().int(),
});
export type SimilarPhoto = z.infer<typeof similarPhotoSchema>;

/** The media module's in-process API, for other modules (messaging attachments, listings, users). */
export interface MediaApi {
  /** Stores an upload after checking its type by magic bytes; processing follows in a job. */
  upload(principal: Principal, target: UploadTarget, file: Buffer): Promise<MediaAsset>;
  /** Direct upload (S3): a pending asset and a 15-minute pre-signed PUT URL. */
  startDirectUpload(principal: Principal, input: DirectUploadInput): Promise<DirectUpload>;
  /** After the PUT: checks the object like an upload (a refused one is deleted) and starts processing. */
  completeDirectUpload(principal: Principal, assetId: string): Promise<MediaAsset>;
  get(principal: Principal | undefined, assetId: string): Promise<MediaAsset>;
  /** Ready photos of a listing in display order, cover first (all of them, with their state, for its managers). */
  listingPhotos(principal: Principal | undefined, listingId: string): Promise<MediaAsset[]>;
  /** New display order: every photo of the listing once. */
  reorder(principal: Principal, listingId: string, photoIds: string[]): Promise<MediaAsset[]>;
  setCover(principal: Principal, listingId: string, photoId: string): Promise<MediaAsset[]>;
  /** Deletes one asset; a deleted cover passes to the next photo. */
  delete(principal: Principal, assetId: string): Promise<void>;
  /** A 15-minute URL to a private file (or a public one), for someone allowed to read it. */
  signedUrl(principal: Principal, assetId: string): Promise<SignedUrls>;
  /** The same, for a module that checked access itself (messaging: the conversation's participants). */
  signedUrlFor(assetId: string): Promise<SignedUrls>;
  /** Photos whose difference hash is within `maxDistance` of the photo's (or of a 64-bit hash). */
  similarPhotos(query: { photoId: string } | { hash: string }, maxDistance?: number): Promise<SimilarPhoto[]>;
  /** Erases every photo of a listing (the listing was deleted). */
  eraseListingPhotos(listingId: string): Promise<number>;
  /** GDPR export of the person's uploads. */
  exportPersonalData(userId: string): Promise<Record<string, unknown>>;
}
