import { once } from 'node:events';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Cache } from './cache/cache.ts';
import { createMemoryCache } from './cache/memory-cache.ts';
import { createRedisCache } from './cache/redis-cache.ts';
import type { Config } from './config/config.ts';
import { createFileMailer } from './mail/file-mailer.ts';
import type { Mailer } from './mail/mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';
import type { Logger } from './observability/logger.ts';
import { createFolderStorage } from './storage/folder-storage.ts';
import { createS3Storage } from './storage/s3-storage.ts';
import type { ObjectStorage } from './storage/storage.ts';

export interface Ports {
  cache: Cache;
  storage: ObjectStorage;
  mail: Mailer;
  /** The shared Redis connection when REDIS_URL is set (rate limits, presence use it too). */
  redis?: Redis;
  close(): Promise<void>;
}

/**
 * The cache, object storage and mail ports: the embedded default when a
 * variable is absent, the production engine when it is set.
 */
export async function createPorts(config: Config, logger: Logger): Promise<Ports> {
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
  // ioredis reconnects by itself; without a listener its errors would crash the process.
  // The URL is not logged: it may hold a password.
  redis?.on('error', (error: Error) =>
    logger.warn({ err: { message: error.message } }, 'redis connection error'),
  );

  const cache = redis ? createRedisCache(redis, `${config.REDIS_PREFIX}:`) : createMemoryCache();

  const storage = config.S3_ENDPOINT
    ? createS3Storage({
        endpoint: config.S3_ENDPOINT,
        bucket: config.S3_BUCKET!, // loadConfig refuses S3_ENDPOINT without S3_BUCKET
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      })
    : createFolderStorage({
        root: join(config.DATA_DIR, 'storage'),
        signingSecret: config.FILES_SIGNING_SECRET,
      });

  const mail = config.SMTP_URL
    ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
    : createFileMailer({ dir: join(config.DATA_DIR, 'outbox'), from: config.MAIL_FROM });

  logger.info(
    { cache: redis ? 'redis' : 'memory', storage: storage.kind, mail: config.SMTP_URL ? 'smtp' : 'files' },
    'ports ready',
  );

  return {
    cache,
    storage,
    mail,
    ...(redis ? { redis } : {}),
    async close() {
      await cache.close();
      await storage.close?.();
      await mail.close();
      if (redis) {
        // quit() answers before the socket is closed; wait for it so the process can exit.
        const ended = once(redis, 'end');
        await redis.quit().catch(() => redis.disconnect());
        await Promise.race([ended, new Promise((r) => setTimeout(r, 2_000).unref())]);
      }
    },
  };
}
