import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** Answers a page request: the web app's (Next.js) request handler, see apps/web/server-handler.ts. */
export interface WebRequestHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Expires the regenerated pages of these listings at once (absent: pages refresh on their own timer). */
  revalidateListings?(ids: readonly string[]): Promise<void>;
}

/** The web app's own POST endpoint (secret-protected there): expiring cached pages must run inside Next. */
export const WEB_REVALIDATE_PATH = '/web-cache/revalidate';

/** Paths the API owns: never handed to the web app (an unknown one stays a problem+json 404). */
export const API_PREFIXES = ['/v1', '/docs', '/openapi.json', '/healthz', '/readyz', '/metrics', '/ws', '/.well-known', '/graphql', '/m/v1', '/public/v1'];

export function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the web app on the API's origin and port: every GET/HEAD that no API
 * route matched goes to Next's handler. Register before `app.ready()`.
 * The gateway's onRequest work (request id, security headers) is copied onto
 * the raw response, since Next writes it directly; pages are not counted by
 * the API's rate limit (a page pulls dozens of assets).
 */
export function registerWeb(app: FastifyInstance, handler: WebRequestHandler) {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    config: { rateLimit: false },
    handler: async (request, reply) => {
      if (isApiPath(request.url)) return reply.callNotFound();
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
      reply.hijack();
      await handler(request.raw, reply.raw);
    },
  });
  // A browser asks for /favicon.ico when a page's icon link has not arrived yet (Next streams the
  // metadata of dynamic pages after the first bytes): the app's icon, not a 404.
  app.get('/favicon.ico', { config: { rateLimit: false }, logLevel: 'warn' }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect('/icon.svg', 301),
  );
  // bodiless (the listing ids ride in the query), so Fastify's parsing leaves Next nothing to miss
  app.route({
    method: 'POST',
    url: WEB_REVALIDATE_PATH,
    config: { rateLimit: false },
    // the server's own calls, one per burst of listing changes: not worth an access-log line each
    logLevel: 'warn',
    handler: async (request, reply) => {
      reply.hijack();
      await handler(request.raw, reply.raw);
    },
  });
}
