import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemClock, type Clock } from '../clock.ts';
import { assertObjectKey } from './object-key.ts';
import type { ObjectStorage } from './storage.ts';

export interface FolderStorageOptions {
  /** The folder that holds the objects, e.g. `${DATA_DIR}/storage`. */
  root: string;
  /** Key of the HMAC that signs GET URLs; the server checks it with verifySignedPath. */
  signingSecret: string;
  /** Where the server serves signed files. */
  publicBasePath?: string;
  clock?: Clock;
}

// Beside the objects, in folders no key can name (keys refuse hidden segments).
const META_DIR = '.meta';
const TMP_DIR = '.tmp';

interface Meta {
  contentType?: string;
  cacheControl?: string;
}

/**
 * The embedded object store: one file per key under `root`. Writes go to a
 * temporary file renamed into place, so a reader sees the old object or the
 * new one, never half of one.
 */
export function createFolderStorage(options: FolderStorageOptions): ObjectStorage {
  const { root, signingSecret, clock = systemClock } = options;
  const publicBasePath = (options.publicBasePath ?? '/v1/files').replace(/\/$/, '');
  if (!signingSecret) throw new Error('folder storage: signingSecret is required');

  const fileOf = (key: string) => {
    assertObjectKey(key);
    return join(root, ...key.split('/'));
  };
  const metaOf = (key: string) => join(root, META_DIR, ...key.split('/')) + '.json';
  const sign = (key: string, expires: number) =>
    createHmac('sha256', signingSecret).update(`GET\n${key}\n${expires}`).digest('base64url');

  async function writeAtomically(target: string, body: Buffer | Readable) {
    const tmp = join(root, TMP_DIR, randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    try {
      if (Buffer.isBuffer(body)) await writeFile(tmp, body);
      else await pipeline(body, createWriteStream(tmp));
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  return {
    kind: 'folder',
    async put(key, body, putOptions = {}) {
      const file = fileOf(key);
      const meta: Meta = { contentType: putOptions.contentType, cacheControl: putOptions.cacheControl };
      await writeAtomically(file, body);
      await writeAtomically(metaOf(key), Buffer.from(JSON.stringify(meta)));
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async head(key) {
      try {
        const info = await stat(fileOf(key));
        if (!info.isFile()) return undefined;
        const meta = await readMeta(metaOf(key));
        return { size: info.size, ...(meta.contentType ? { contentType: meta.contentType } : {}) };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
      await rm(metaOf(key), { force: true });
    },
    async list(prefix) {
      // Walk only the folder the prefix points into, not the whole store.
      const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      if (folder) assertObjectKey(folder);
      const keys: string[] = [];
      await walk(folder ? join(root, ...folder.split('/')) : root, root, keys);
      return keys.filter((k) => k.startsWith(prefix)).sort();
    },
    async signedGetUrl(key, expiresInSeconds) {
      assertObjectKey(key);
      const expires = Math.floor(clock.now().getTime() / 1000) + Math.ceil(expiresInSeconds);
      const path = key.split('/').map(encodeURIComponent).join('/');
      return `${publicBasePath}/${path}?expires=${expires}&signature=${sign(key, expires)}`;
    },
    async signedPutUrl() {
      return undefined;
    },
    verifySignedPath(key, expires, signature) {
      if (!Number.isSafeInteger(expires) || expires * 1000 < clock.now().getTime()) return false;
      const expected = Buffer.from(sign(key, expires));
      const given = Buffer.from(String(signature));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

async function walk(dir: string, root: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, root, into);
    else if (entry.isFile()) into.push(relative(root, full).split(sep).join('/'));
  }
}

async function readMeta(file: string): Promise<Meta> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Meta;
  } catch {
    return {};
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
