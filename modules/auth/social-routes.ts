import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, unauthorized } from '@immo/platform';
import { tokenPair, type TokenPair } from './contract.ts';
import type { SocialLogin } from './social-login.ts';
import { mfaChallengeProblem } from './login-service.ts';
import type { SocialHandoffs, SocialOutcome } from './social-handoff.ts';

const STATE_COOKIE = 'immo_oidc_state';
const RETURN_COOKIE = 'immo_oidc_return';
const COOKIE_PATH = '/v1/auth/social';
const providerParams = z.object({ provider: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/) });
/** A path of this origin only (no scheme, no host, no query): where a browser sign-in lands. */
const returnPath = z.string().max(200).regex(/^\/[A-Za-z0-9/_-]*$/, 'return is a path of this site, like /fr/account/social');
const startQuery = z.object({ return: returnPath.optional() });
const exchangeBody = z.object({ code: z.string().min(20).max(100) }).strict();

/** Social sign-in routes. All public: the provider authenticates the person. */
export function socialRoutes(app: FastifyInstance, social: SocialLogin, handoffs: SocialHandoffs, publicUrl: string | undefined) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const base = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;
  const callbackUrl = (request: FastifyRequest, provider: string) => `${base(request)}${COOKIE_PATH}/${provider}/callback`;

  r.get('/v1/auth/social/providers', {
    schema: { tags, description: 'Public. The social sign-in providers configured.', response: { 200: z.object({ providers: z.array(z.string()) }) } },
  }, async () => ({ providers: social.providerNames() }));

  r.get('/v1/auth/social/:provider/start', {
    schema: {
      tags,
      description:
        'Public. Redirects to the provider (authorization code + PKCE, state, nonce). With `return` (a path of this site), the callback sends the browser back there with a one-time `code` in the URL fragment (or the problem\'s words as `error`) instead of answering JSON; the page exchanges the code at POST /v1/auth/social/exchange.',
      params: providerParams,
      querystring: startQuery,
    },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const { url, state } = await social.start(request.params.provider, callbackUrl(request, request.params.provider));
    const secure = base(request).startsWith('https:') ? '; Secure' : '';
    const cookies = [`${STATE_COOKIE}=${state}; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=600${secure}`];
    if (request.query.return) cookies.push(`${RETURN_COOKIE}=${encodeURIComponent(request.query.return)}; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=600${secure}`);
    reply.header('set-cookie', cookies);
    return reply.redirect(url, 302);
  });

  r.get('/v1/auth/social/:provider/callback', {
    schema: { tags, description: 'Public. Where the provider sends the browser back; answers the token pair.', params: providerParams, response: { 200: tokenPair } },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const here = new URL(`${base(request)}${request.url}`);
    reply.header('set-cookie', [`${STATE_COOKIE}=; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=0`, `${RETURN_COOKIE}=; HttpOnly; SameSite=Lax; Path=${COOKIE_PATH}; Max-Age=0`]);
    const signIn = social.callback(request.params.provider, here, readCookie(request, STATE_COOKIE), { ip: request.ip, userAgent: request.headers['user-agent'] });
    const back = returnPath.safeParse(decodeURIComponent(readCookie(request, RETURN_COOKIE) ?? ''));
    if (!back.success) return signIn;
    // A browser sign-in: back to the web app with a one-time code in the
    // fragment (never sent to a server nor in a Referer), which the page
    // exchanges for the tokens and wipes; a refusal comes back as its words.
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    const outcome = await browserOutcome(signIn);
    const fields: Record<string, string> = 'error' in outcome ? { error: outcome.error } : { code: await handoffs.put(outcome) };
    return reply.redirect(`${back.data}#${new URLSearchParams(fields)}`, 303);
  });

  r.post('/v1/auth/social/exchange', {
    schema: {
      tags,
      description:
        'Public (holder of the one-time code a social sign-in sent the browser back with; valid 60 s, once). Answers the token pair, or 401 mfa-required with an mfaToken for POST /v1/auth/login/mfa.',
      body: exchangeBody,
      response: { 200: tokenPair },
    },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const outcome = await handoffs.take(request.body.code);
    if (!outcome) throw unauthorized('This sign-in expired; start again.', { code: 'auth.sign_in_expired' });
    if ('pair' in outcome) return outcome.pair;
    throw mfaChallengeProblem(outcome.mfaToken);
  });
}

/** The sign-in's outcome for the browser: the token pair, an MFA challenge, or the problem's words. */
async function browserOutcome(signIn: Promise<TokenPair>): Promise<SocialOutcome | { error: string }> {
  try {
    return { pair: await signIn };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const { mfaToken } = error.extra;
    if (typeof mfaToken === 'string') return { mfaToken };
    return { error: error.detail };
  }
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
