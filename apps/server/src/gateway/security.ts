import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { Problem } from '@immo/platform';

export interface SecurityOptions {
  corsOrigins: string[];
  ratePerMinute: number;
  redis?: Redis;
  /** REDIS_PREFIX: the rate-limit counters are `<prefix>:rl:…`. */
  redisPrefix?: string;
}

/**
 * Security headers, CORS allow-list and rate limits for every route.
 * Rate limits key on the user when signed in, else on the IP; a route may set
 * its own limit with `config: { rateLimit: { max, timeWindow } }`.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // the /docs UI and the web app's inline bootstrap need inline styles/scripts
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: (origin, callback) => {
      // same-origin and non-browser calls carry no Origin header
      if (!origin || options.corsOrigins.includes(origin)) return callback(null, true);
      callback(null, false);
    },
    credentials: true,
  });
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: options.ratePerMinute,
    timeWindow: 60_000,
    redis: options.redis,
    nameSpace: `${options.redisPrefix ?? 'immo'}:rl:`,
    keyGenerator: (request) => (request.principal ? `u:${request.principal.userId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'Too many requests', `Too many requests: at most ${context.max} per ${context.after}. Retry in ${Math.ceil(context.ttl / 1000)} s.`, {
        retryAfter: Math.ceil(context.ttl / 1000),
        code: 'too_many_requests',
        params: { seconds: Math.ceil(context.ttl / 1000) },
      }),
  });
}
