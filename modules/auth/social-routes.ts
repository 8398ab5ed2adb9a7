import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tokenPair } from './contract.ts';
import type { SocialLogin } from './social-login.ts';

const STATE_COOKIE = 'immo_oidc_state';
const COOKIE_PATH = '/v1/auth/social';
const providerParams = z.object({ provider: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/) });

/** Social sign-in routes. All public: the provider authenticates the person. */
export function socialRoutes(app: FastifyInstance, social: SocialLogin, publicUrl: string | undefined) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const base = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;
  const callbackUrl = (request: FastifyRequest, provider: string) => `${base(request)}${COOKIE_PATH}/${provider}/callback`;

  r.get('/v1/auth/social/providers', {
    schema: { tags, description: 'Public. The social sign-in providers configured.', response: { 200: z.object({ providers: z.array(z.string()) }) } },
  }, async () => ({ providers: social.providerNames() }));

  r.get('/v1/auth/social/:provider/start', {
    schema: { tags, description: 'Public. Redirects to the provider (authorization code + PKCE, state, nonce).', params: providerParams },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const { url, state } = await social.start(request.params.provider, callbackUrl(request, request.params.provider));
    const secure = base(request).startsWith('https:') ? '; Secure' : '';
    reply.header('set-cookie', `${STATE_COOKIE}=${state}; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=600${secure}`);
    return reply.redirect(url, 302);
  });

  r.get('/v1/auth/social/:provider/callback', {
    schema: { tags, description: 'Public. Where the provider sends the browser back; answers the token pair.', params: providerParams, response: { 200: tokenPair } },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const here = new URL(`${base(request)}${request.url}`);
    reply.header('set-cookie', `${STATE_COOKIE}=; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=0`);
    return social.callback(request.params.provider, here, readCookie(request, STATE_COOKIE), { ip: request.ip, userAgent: request.headers['user-agent'] });
  });
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
