import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { Problem } from '../http/problem.ts';
import { createFolderStorage } from './folder-storage.ts';
import type { ObjectStorage } from './storage.ts';

describe('folder storage', () => {
  let root: string;
  let clock: ManualClock;
  let storage: ObjectStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'immo-storage-'));
    clock = new ManualClock('2026-03-01T10:00:00Z');
    storage = createFolderStorage({ root, signingSecret: 'test-secret', clock });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores, reads, describes, lists and deletes objects', async () => {
    await storage.put('listings/l1/photo-1.webp', Buffer.from('image bytes'), { contentType: 'image/webp' });
    await storage.put('listings/l1/plan.pdf', Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]));
    await storage.put('listings/l10/photo-1.webp', Buffer.from('x'));

    expect((await storage.get('listings/l1/photo-1.webp'))?.toString()).toBe('image bytes');
    expect((await storage.get('listings/l1/plan.pdf'))?.toString()).toBe('%PDF-1.7');
    expect(await storage.head('listings/l1/photo-1.webp')).toEqual({ size: 11, contentType: 'image/webp' });
    expect(await storage.head('listings/l1/plan.pdf')).toEqual({ size: 8 });
    expect(await storage.list('listings/l1/')).toEqual(['listings/l1/photo-1.webp', 'listings/l1/plan.pdf']);
    expect(await storage.list('listings/l1')).toHaveLength(3);
    expect(await storage.list('')).toHaveLength(3);

    await storage.delete('listings/l1/plan.pdf');
    await storage.delete('listings/l1/never-existed');
    expect(await storage.get('listings/l1/plan.pdf')).toBeUndefined();
    expect(await storage.head('listings/l1/plan.pdf')).toBeUndefined();
    expect(await storage.list('listings/l1/')).toEqual(['listings/l1/photo-1.webp']);
    expect(await storage.list('nothing/here/')).toEqual([]);
  });

  it('replaces an object whole and leaves no temporary file behind', async () => {
    await storage.put('doc.txt', Buffer.from('first version'));
    await storage.put('doc.txt', Buffer.from('second'));
    expect((await storage.get('doc.txt'))?.toString()).toBe('second');
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('leaves no trace when a streamed upload fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('upload.bin', failing)).rejects.toThrow('client went away');
    expect(await storage.get('upload.bin')).toBeUndefined();
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('refuses keys that leave the root or name its own files', async () => {
    for (const key of [
      '../escape',
      'a/../../b',
      '/etc/passwd',
      'C:/x',
      'a//b',
      'a\\b',
      '.meta/x.json',
      'a/./b',
      '',
    ]) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(Problem);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(Problem);
    }
    await expect(storage.list('../')).rejects.toBeInstanceOf(Problem);
  });

  it('signs GET paths that verify until they expire', async () => {
    const url = await storage.signedGetUrl('tenants/t1/pay slip é.pdf', 900);
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/v1/files/tenants/t1/pay%20slip%20%C3%A9.pdf');
    const expires = Number(parsed.searchParams.get('expires'));
    const signature = parsed.searchParams.get('signature')!;
    expect(expires).toBe(Date.parse('2026-03-01T10:15:00Z') / 1000);

    const key = decodeURIComponent(parsed.pathname.slice('/v1/files/'.length));
    expect(storage.verifySignedPath!(key, expires, signature)).toBe(true);
    expect(storage.verifySignedPath!('tenants/t2/pay slip é.pdf', expires, signature)).toBe(false);
    expect(storage.verifySignedPath!(key, expires + 3600, signature)).toBe(false);
    expect(
      storage.verifySignedPath!(key, expires, signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')),
    ).toBe(false);
    expect(storage.verifySignedPath!(key, expires, '')).toBe(false);
    expect(storage.verifySignedPath!(key, Number.NaN, signature)).toBe(false);

    clock.advance(901_000);
    expect(storage.verifySignedPath!(key, expires, signature)).toBe(false);
  });

  it('does not accept a signature made with another secret', async () => {
    const other = createFolderStorage({ root, signingSecret: 'another-secret', clock });
    const parsed = new URL(await other.signedGetUrl('a.txt', 60), 'http://x');
    const ok = storage.verifySignedPath!(
      'a.txt',
      Number(parsed.searchParams.get('expires')),
      parsed.searchParams.get('signature')!,
    );
    expect(ok).toBe(false);
  });

  it('offers no direct upload URL', async () => {
    expect(await storage.signedPutUrl('a.txt', 'text/plain', 60)).toBeUndefined();
    await expect(
      createFolderStorage({ root, signingSecret: 's', publicBasePath: '/files/' }).signedGetUrl('a', 1),
    ).resolves.toMatch(/^\/files\/a\?/);
  });
});
