import type { FastifyInstance } from 'fastify';
import type { ExecutionResult } from 'graphql';
import mercurius from 'mercurius';
import { z } from 'zod';
import { Problem, type ProblemBody } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import type { MediaApi } from '@immo/media';
import type { SearchApi } from '@immo/search';
import type { UsersApi } from '@immo/users';
import type { ComposedModules } from '../compose.ts';
import { sendProblem } from '../gateway/errors.ts';
import type { BffContext, BffModules } from './context.ts';
import { costLimit, MAX_DEPTH } from './limits.ts';
import { loaders } from './loaders.ts';
import { formatExecution, validationErrors } from './problems.ts';
import { resolvers } from './resolvers.ts';
import { typeDefs } from './schema.ts';

const graphqlRequest = z
  .object({
    query: z.string().min(1, 'query is empty').max(20_000, 'query is at most 20000 characters'),
    variables: z.record(z.string(), z.unknown()).nullable().optional(),
    operationName: z.string().max(200).nullable().optional(),
  })
  .strict();

/** The modules' public APIs the BFF reads; the optional ones may be left out with MODULES=... */
function bffModules(modules: ComposedModules): BffModules | undefined {
  const loaded = new Set(modules.instances.map((m) => m.name));
  if (!loaded.has('listings')) return undefined;
  const optional = <T>(name: string) => (loaded.has(name) ? modules.api<T>(name) : undefined);
  return {
    listings: modules.api<ListingsApi>('listings'),
    media: optional<MediaApi>('media'),
    users: optional<UsersApi>('users'),
    search: optional<SearchApi>('search'),
  };
}

/**
 * POST /graphql: the web's BFF. Mercurius runs the schema (loaders batch per
 * request); this route is ours so the body is checked by zod, the caller is
 * the Principal the gateway resolved (same bearer token as REST), a refused
 * document answers a problem+json 400, and the route stays out of the REST
 * OpenAPI document. Not registered when the listings module is not loaded.
 */
export async function registerGraphqlBff(app: FastifyInstance, modules: ComposedModules) {
  const apis = bffModules(modules);
  if (!apis) return;
  await app.register(async (scope) => {
    await scope.register(mercurius, {
      schema: typeDefs,
      resolvers,
      loaders,
      routes: false,
      graphiql: false,
      queryDepth: MAX_DEPTH,
      validationRules: [costLimit()],
      // one place formats errors: below, with the request's logger
      errorFormatter: (execution: ExecutionResult) => ({ statusCode: 200, response: { data: execution.data ?? null, errors: execution.errors as never } }),
    } as never);

    scope.post(
      '/graphql',
      { schema: { hide: true, body: graphqlRequest } },
      async (request, reply) => {
        const body = request.body as z.infer<typeof graphqlRequest>;
        const context: BffContext = { principal: request.principal, modules: apis };
        try {
          const execution = await reply.graphql(body.query, context as never, body.variables ?? undefined, body.operationName ?? undefined);
          return reply.code(200).header('cache-control', 'private, no-store').send(formatExecution(execution, request.log));
        } catch (error) {
          const errors = (error as { errors?: unknown[] }).errors;
          if (!Array.isArray(errors)) throw error;
          const detailed = validationErrors(errors);
          return sendProblem(request, reply, new Problem(400, 'Invalid query', detailed.map((e) => e.message).join(' '), {
              // GraphQL's own error shape (message, locations, extensions), so GraphQL clients read it too
              errors: detailed as unknown as ProblemBody['errors'],
            }));
        }
      },
    );
  });
}
