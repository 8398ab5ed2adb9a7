import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, isStaff, notFound, Problem, requireUser, type ObjectStorage } from '@immo/platform';
import {
  coverInput,
  directUploadInput,
  directUploadSchema,
  MAX_UPLOAD_BYTES,
  mediaAssetSchema,
  reorderInput,
  RULES,
  signedUrlsSchema,
  similarPhotoSchema,
  similarQuery,
  uploadTarget,
} from './contract.ts';
import type { MediaService } from './service.ts';
import { payloadTooLarge, type Uploads } from './uploads.ts';

const bearer = [{ bearer: [] }];
const tags = ['media'];
const idParams = z.object({ id: z.uuid() });
const listingParams = z.object({ listingId: z.uuid() });
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Per client: a listing's 100 photos in a minute or two, not a flood of decodes. */
const UPLOAD_RATE = { max: 120, timeWindow: 60_000 };

/**
 * Media routes. Who may call each is said in its description. Routes only
 * parse and hand over: ownership is checked in the services.
 */
export async function mediaRoutes(app: FastifyInstance, services: { uploads: Uploads; media: MediaService; storage: ObjectStorage }) {
  const { uploads, media, storage } = services;
  // multipart in this module's scope only; the hard stop is the largest limit of any purpose
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 200 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/media', {
    schema: {
      tags,
      description:
        'Signed in. Uploads one file as multipart/form-data (field "file"). Listing photos: the listing\'s owner or agents; logos and agency photos: members of `agencyId`. ' +
        'The type is decided by the bytes: JPEG, PNG, WebP or AVIF (attachments also PDF). Answers 202: variants follow in a job.',
      security: bearer,
      querystring: uploadTarget,
      consumes: ['multipart/form-data'],
      response: { 202: mediaAssetSchema },
    },
    config: { rateLimit: UPLOAD_RATE },
  }, async (request, reply) => {
    const principal = requireUser(request.principal);
    await uploads.authorize(principal, request.query);
    const bytes = await readSingleFile(request, RULES[request.query.purpose].maxBytes);
    const asset = await uploads.upload(principal, request.query, bytes);
    return reply.code(202).send(asset);
  });

  r.post('/v1/media/uploads', {
    schema: {
      tags,
      description: 'Signed in (same rules as POST /v1/media). Direct upload to S3: answers a 15-minute pre-signed PUT URL; PUT the file there, then POST /v1/media/:id/complete.',
      security: bearer,
      body: directUploadInput,
      response: { 201: directUploadSchema },
    },
    config: { rateLimit: UPLOAD_RATE },
  }, async (request, reply) => reply.code(201).send(await uploads.start(requireUser(request.principal), request.body)));

  r.post('/v1/media/:id/complete', {
    schema: {
      tags,
      description: 'The uploader. Checks the directly uploaded object (size, type by magic bytes) and starts processing; a refused object is deleted.',
      security: bearer,
      params: idParams,
      response: { 202: mediaAssetSchema },
    },
  }, async (request, reply) => reply.code(202).send(await uploads.complete(requireUser(request.principal), request.params.id)));

  r.get('/v1/media/:id', {
    schema: {
      tags,
      description: 'Public for the ready photos of a public listing, avatars and logos; otherwise their owner (or agency) only.',
      params: idParams,
      response: { 200: mediaAssetSchema },
    },
  }, async (request) => media.get(request.principal, request.params.id));

  r.delete('/v1/media/:id', {
    schema: { tags, description: 'The owner, their agency, the listing\'s owner or agents, staff.', security: bearer, params: idParams },
  }, async (request, reply) => {
    await media.delete(requireUser(request.principal), request.params.id);
    return reply.code(204).send();
  });

  r.get('/v1/media/:id/signed-url', {
    schema: {
      tags,
      description: 'Whoever may read the file. Short-lived (15 minutes) URLs: the way to private media such as attachments.',
      security: bearer,
      params: idParams,
      response: { 200: signedUrlsSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return media.signedUrl(requireUser(request.principal), request.params.id);
  });

  r.get('/v1/media/:id/similar', {
    schema: {
      tags,
      description: 'Admin. Photos whose perceptual hash is within `maxDistance` bits (default 10): the same photo resized, recompressed or lightly cropped.',
      security: bearer,
      params: idParams,
      querystring: similarQuery,
      response: { 200: z.array(similarPhotoSchema) },
    },
  }, async (request) => {
    const principal = requireUser(request.principal);
    if (!isStaff(principal)) throw forbidden('Finding similar photos is for moderators.');
    return media.similarPhotos({ photoId: request.params.id }, request.query.maxDistance);
  });

  r.get('/v1/media/listings/:listingId/photos', {
    schema: {
      tags,
      description: 'Public while the listing is public (ready photos); its owner and agents see every photo and its processing state.',
      params: listingParams,
      response: { 200: z.array(mediaAssetSchema) },
    },
  }, async (request) => media.listingPhotos(request.principal, request.params.listingId));

  r.put('/v1/media/listings/:listingId/photos/order', {
    schema: { tags, description: "The listing's owner or agents. Every photo once, in the new order.", security: bearer, params: listingParams, body: reorderInput, response: { 200: z.array(mediaAssetSchema) } },
  }, async (request) => media.reorder(requireUser(request.principal), request.params.listingId, request.body.photoIds));

  r.put('/v1/media/listings/:listingId/cover', {
    schema: { tags, description: "The listing's owner or agents.", security: bearer, params: listingParams, body: coverInput, response: { 200: z.array(mediaAssetSchema) } },
  }, async (request) => media.setCover(requireUser(request.principal), request.params.listingId, request.body.photoId));

  r.delete('/v1/media/listings/:listingId/photos', {
    schema: { tags, description: "The listing's owner or agents. Deletes every photo of the listing.", security: bearer, params: listingParams },
  }, async (request, reply) => {
    await media.deleteListingPhotos(requireUser(request.principal), request.params.listingId);
    return reply.code(204).send();
  });

  r.get('/v1/media/v/:file', {
    schema: {
      tags,
      description: 'Public. A public rendition at its content address (`<sha256>.<avif|webp|jpg>`): immutable, cached for a year.',
      params: z.object({ file: z.string().max(80) }),
    },
  }, async (request, reply) => {
    const etag = `"${request.params.file.split('.')[0]}"`;
    if (request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).header('cache-control', IMMUTABLE).send();
    const found = await media.publicFile(request.params.file);
    if (!found) throw notFound('File');
    return reply.header('content-type', found.contentType).header('cache-control', IMMUTABLE).header('etag', etag).send(found.bytes);
  });

  r.get('/v1/files/*', {
    schema: {
      tags,
      description: 'Holder of a signed URL (local folder storage only). Serves the object while the signature is valid (15 minutes).',
      querystring: z.object({ expires: z.string().regex(/^\d{1,12}$/), signature: z.string().min(1).max(200) }),
    },
  }, async (request, reply) => {
    const key = decodeKey((request.params as { '*': string })['*']);
    const expires = Number(request.query.expires);
    if (!storage.verifySignedPath || !key) throw notFound('File');
    if (!storage.verifySignedPath(key, expires, request.query.signature)) {
      throw forbidden('This link has expired or is not valid; ask for a new one.');
    }
    const [bytes, head] = await Promise.all([storage.get(key), storage.head(key)]);
    if (!bytes) throw notFound('File');
    return reply
      .header('content-type', head?.contentType ?? 'application/octet-stream')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(bytes);
  });
}

async function readSingleFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  let file;
  try {
    file = await request.file({ limits: { fileSize: maxBytes } });
  } catch (error) {
    throw multipartProblem(error, maxBytes);
  }
  if (!file) throw new Problem(400, 'Invalid request', 'Send the file as multipart/form-data in a part named "file".');
  try {
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw payloadTooLarge(maxBytes);
    if (bytes.length === 0) throw new Problem(400, 'Invalid request', 'The file is empty.');
    return bytes;
  } catch (error) {
    throw multipartProblem(error, maxBytes);
  }
}

function multipartProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof Problem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return payloadTooLarge(maxBytes);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new Problem(415, 'Unsupported media type', 'Send the file as multipart/form-data in a part named "file".');
  }
  if (code?.startsWith('FST_')) return new Problem(400, 'Invalid request', 'Send exactly one file as multipart/form-data in a part named "file".');
  return error;
}

function decodeKey(path: string): string | undefined {
  try {
    return path
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return undefined;
  }
}
