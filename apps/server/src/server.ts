import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Config, Logger } from '@immo/platform';
import { registerErrorHandling } from './gateway/errors.ts';
import { registerSecurity } from './gateway/security.ts';
import { registerOpenApi } from './gateway/openapi.ts';
import { registerHealth, type ReadinessCheck } from './gateway/health.ts';
import type { ComposedModules } from './compose.ts';
import { registerWeb, type WebRequestHandler } from './gateway/web.ts';
import { registerGraphqlBff } from './bff/graphql.ts';

export interface ServerOptions {
  config: Config;
  logger: Logger;
  modules: ComposedModules;
  readiness: ReadinessCheck[];
  redis?: Redis;
  /** Register the modules' HTTP routes (false for the realtime role). */
  routes?: boolean;
  /** The web app's request handler: pages answer on the same origin and port as the API. */
  web?: WebRequestHandler;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The HTTP composition root: gateway concerns for every route (request id,
 * access log, security headers, CORS, rate limits, body limit,
 * problem+json), then each module's routes.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // long ids in paths get a 404/400 from the route, not Fastify's bare 414
    routerOptions: { maxParamLength: 1000 },
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, { corsOrigins: config.CORS_ORIGINS, ratePerMinute: config.RATE_LIMIT_PER_MINUTE, redis: options.redis, redisPrefix: config.REDIS_PREFIX });
  await registerOpenApi(app);
  registerHealth(app, options.readiness);

  // Who is calling: the auth module turns a bearer token into a Principal.
  const authenticator = options.modules.authenticator;
  if (authenticator) {
    app.addHook('onRequest', async (request) => {
      request.principal = await authenticator(request);
    });
  }

  for (const module of options.routes === false ? [] : options.modules.instances) {
    if (!module.instance.routes) continue;
    await app.register(async (scope) => {
      await module.instance.routes!(scope);
    });
  }
  // the web's GraphQL BFF: composed reads over the same modules' public APIs
  if (options.routes !== false) await registerGraphqlBff(app, options.modules);
  if (options.web) registerWeb(app, options.web);
  await app.ready();
  return app;
}
