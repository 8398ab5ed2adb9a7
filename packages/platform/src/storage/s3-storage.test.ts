import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../http/problem.ts';
import { createS3Storage } from './s3-storage.ts';

// A real S3 API, in process: s3rver stores objects in a temporary folder and
// checks request signatures (and their expiry) like S3 does.
describe('S3 storage', () => {
  let dir: string;
  let server: S3rver;
  let storage: ReturnType<typeof createS3Storage>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'immo-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
    const { port } = await server.run();
    storage = createS3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'immo-media',
      region: 'eu-west-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    await storage.client.send(new CreateBucketCommand({ Bucket: 'immo-media' }));
  });
  afterAll(async () => {
    await storage?.close?.();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores, reads, describes, lists and deletes objects', async () => {
    await storage.put('listings/l1/photo-1.webp', Buffer.from('image bytes'), { contentType: 'image/webp' });
    await storage.put('listings/l1/plan.pdf', Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]), {
      contentType: 'application/pdf',
    });
    await storage.put('listings/l10/photo-1.webp', Buffer.from('x'));

    expect((await storage.get('listings/l1/photo-1.webp'))?.toString()).toBe('image bytes');
    expect((await storage.get('listings/l1/plan.pdf'))?.toString()).toBe('%PDF-1.7');
    expect(await storage.head('listings/l1/photo-1.webp')).toEqual({ size: 11, contentType: 'image/webp' });
    expect(await storage.list('listings/l1/')).toEqual(['listings/l1/photo-1.webp', 'listings/l1/plan.pdf']);
    expect(await storage.list('listings/')).toHaveLength(3);

    await storage.delete('listings/l1/plan.pdf');
    expect(await storage.get('listings/l1/plan.pdf')).toBeUndefined();
    expect(await storage.head('listings/l1/plan.pdf')).toBeUndefined();
    expect(await storage.list('listings/l1/')).toEqual(['listings/l1/photo-1.webp']);
  });

  it('refuses keys that look like paths out of the bucket', async () => {
    await expect(storage.put('../x', Buffer.from('x'))).rejects.toBeInstanceOf(Problem);
    await expect(storage.signedGetUrl('/abs', 60)).rejects.toBeInstanceOf(Problem);
  });

  it('accepts a direct upload through a pre-signed PUT URL and serves it through a pre-signed GET URL', async () => {
    const putUrl = await storage.signedPutUrl('uploads/u1/avatar.png', 'image/png', 300);
    expect(putUrl).toMatch(/X-Amz-Signature=/);
    // The content type is part of the signature: the browser cannot upload something else.
    expect(new URL(putUrl!).searchParams.get('X-Amz-SignedHeaders')).toContain('content-type');
    const upload = await fetch(putUrl!, {
      method: 'PUT',
      body: 'png bytes',
      headers: { 'content-type': 'image/png' },
    });
    expect(upload.status).toBe(200);
    expect(await storage.head('uploads/u1/avatar.png')).toEqual({ size: 9, contentType: 'image/png' });

    const getUrl = await storage.signedGetUrl('uploads/u1/avatar.png', 300);
    const download = await fetch(getUrl);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('png bytes');
  });

  // s3rver checks a pre-signed URL's expiry but not its SigV4 signature, so
  // refusal of a tampered signature can only be checked against real S3/MinIO.
  it('signs URLs for the lifetime asked and the server refuses them once expired', async () => {
    await storage.put('private/doc.pdf', Buffer.from('secret'));
    const url = new URL(await storage.signedGetUrl('private/doc.pdf', 900));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect((await fetch(url)).status).toBe(200);

    // The same URL as if it had been signed 20 minutes ago: its 15 minutes are over.
    const expired = new URL(url);
    const past = new Date(Date.now() - 20 * 60_000).toISOString().replace(/[-:]|\.\d+/g, '');
    expired.searchParams.set('X-Amz-Date', past);
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Request has expired/);
  });
});
