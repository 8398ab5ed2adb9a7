import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Every setting Immo reads from the environment. This is the only place that
 * touches `process.env`; everything else receives a parsed `Config`.
 * An absent variable selects the embedded default for its port.
 */
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

// Outside production, signed file URLs only need to hold while this process runs.
const processSigningSecret = randomBytes(32).toString('base64url');

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  EVENT_BUS: z.enum(['local', 'redis']).default('local'),
  /** Names every key, stream and channel this deployment uses in Redis: deployments (staging, test runs) can share one. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ (up to 40)').default('immo'),
  MODULES: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    ),
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().default('eu-west-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().default('Immo <no-reply@immo.localhost>'),
  /** Signs the folder store's file URLs; required in production, random per process otherwise. */
  FILES_SIGNING_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .default(() => processSigningSecret),
  /** Encrypts auth secrets at rest (token signing keys, TOTP secrets); required in production. */
  AUTH_SECRET_KEY: z.string().min(32).optional(),
  /** Social login (OIDC) providers as JSON: [{"name":"google","issuer":"https://accounts.google.com","clientId":"…","clientSecret":"…"}]. */
  AUTH_OIDC_PROVIDERS: z.string().optional(),
  /** Web Push (VAPID) keys, base64url, from `npx web-push generate-vapid-keys`; without them Web Push is off. */
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  /** Contact the push services may use, e.g. mailto:ops@immo.be. */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://').default('mailto:no-reply@immo.localhost'),
  /** Expo push service (FCM and APNs for the mobile apps). */
  EXPO_PUSH_URL: z.string().url().default('https://exp.host/--/api/v2/push/send'),
  EXPO_ACCESS_TOKEN: z.string().optional(),
  SEED_LISTINGS: z.coerce.number().int().min(0).default(600),
  SEED: z.coerce.number().int().default(42),
  AUTO_SEED: bool.default(true),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse the environment; throws a ConfigError whose message is one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const cfg = result.data;
    if (cfg.EVENT_BUS === 'redis' && !cfg.REDIS_URL) {
      throw new ConfigError('EVENT_BUS: "redis" needs REDIS_URL to be set (e.g. redis://localhost:6379)');
    }
    if (cfg.S3_ENDPOINT && !cfg.S3_BUCKET) {
      throw new ConfigError('S3_BUCKET: required when S3_ENDPOINT is set (the bucket that holds media)');
    }
    if (cfg.NODE_ENV === 'production' && !env.FILES_SIGNING_SECRET) {
      throw new ConfigError('FILES_SIGNING_SECRET: required in production (32+ random characters, e.g. `openssl rand -base64 32`), or signed file URLs would not survive a restart');
    }
    return cfg;
  }
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    // A secret's value is never echoed: this message ends up in logs.
    const got = /SECRET|PASSWORD|TOKEN/.test(name) ? undefined : env[name];
    return `${name}: ${issue.message}${got !== undefined ? ` (got "${got}")` : ''}`;
  });
  throw new ConfigError(lines.join('\n'));
}
