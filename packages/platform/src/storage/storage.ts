import type { Readable } from 'node:stream';

/** Object storage: a local folder by default, any S3 API when S3_ENDPOINT is set. */
export interface ObjectStorage {
  readonly kind: 'folder' | 's3';
  put(key: string, body: Buffer | Readable, options?: { contentType?: string; cacheControl?: string }): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  head(key: string): Promise<{ size: number; contentType?: string } | undefined>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix. */
  list(prefix: string): Promise<string[]>;
  /**
   * A URL that grants GET on the object for `expiresInSeconds`: a pre-signed
   * S3 URL, or for the folder store a path under /v1/files signed with HMAC.
   */
  signedGetUrl(key: string, expiresInSeconds: number): Promise<string>;
  /** Direct upload: a pre-signed PUT URL on S3; undefined on the folder store. */
  signedPutUrl(key: string, contentType: string, expiresInSeconds: number): Promise<string | undefined>;
  /** Checks a signature produced by signedGetUrl for the folder store. */
  verifySignedPath?(key: string, expires: number, signature: string): boolean;
  /** Releases connections (the S3 client's sockets); the folder store holds none. */
  close?(): Promise<void>;
}
