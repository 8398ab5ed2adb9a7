import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '@immo/platform';
import {
  accountView,
  adminListQuery,
  changePasswordBody,
  enrolResult,
  forgotBody,
  idParams,
  loginBody,
  meView,
  mfaChallengeBody,
  otpBody,
  phoneBody,
  phoneCodeBody,
  recoveryCodesResult,
  refreshBody,
  registerBody,
  resetBody,
  roleBody,
  sessionView,
  suspendBody,
  tokenBody,
  tokenPair,
} from './contract.ts';
import type { AuthServices } from './services.ts';

const accepted = z.object({ message: z.string() });
const bearer = [{ bearer: [] }];
const requestInfo = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

/**
 * Auth routes. Who may call each is stated in its `description`: "Public",
 * "Signed in" (any role) or a role. Credentials-guessing routes carry their own
 * tight rate limit on top of the per-account throttle.
 */
export function authRoutes(app: FastifyInstance, s: AuthServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tag = ['auth'];

  r.post('/v1/auth/register', {
    schema: { tags: tag, description: 'Public. Creates an account and mails a verification link; answers the same for a taken address.', body: registerBody, response: { 202: accepted } },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.register(request.body);
    return reply.code(202).send({ message: 'Check your mailbox to confirm your address, then sign in.' });
  });

  r.post('/v1/auth/verify-email', {
    schema: { tags: tag, description: 'Public (holder of the mailed link).', body: tokenBody },
  }, async (request, reply) => {
    await s.accounts.verifyEmail(request.body.token);
    return reply.code(204).send();
  });

  r.post('/v1/auth/verify-email/resend', {
    schema: { tags: tag, description: 'Signed in.', security: bearer, response: { 202: accepted } },
    config: { rateLimit: { max: 3, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.resendVerification(requireUser(request.principal));
    return reply.code(202).send({ message: 'A new verification link is on its way.' });
  });

  r.post('/v1/auth/password/forgot', {
    schema: { tags: tag, description: 'Public. Always answers 202.', body: forgotBody, response: { 202: accepted } },
    config: { rateLimit: { max: 5, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.forgotPassword(request.body.email);
    return reply.code(202).send({ message: 'If an account uses this address, a reset link is on its way.' });
  });

  r.post('/v1/auth/password/reset', {
    schema: { tags: tag, description: 'Public (holder of the mailed link). Ends every session.', body: resetBody },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.resetPassword(request.body.token, request.body.password, request.ip);
    return reply.code(204).send();
  });

  r.post('/v1/auth/password/change', {
    schema: { tags: tag, description: 'Signed in. Ends the other sessions.', security: bearer, body: changePasswordBody },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.changePassword(requireUser(request.principal), request.body.currentPassword, request.body.newPassword, request.ip);
    return reply.code(204).send();
  });

  r.post('/v1/auth/login', {
    schema: { tags: tag, description: 'Public. E-mail + password (+ "otp" when MFA is enrolled).', body: loginBody, response: { 200: tokenPair } },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request) => s.logins.login(request.body, requestInfo(request)));

  r.post('/v1/auth/login/mfa', {
    schema: { tags: tag, description: 'Public (holder of an mfaToken from a sign-in that needs its second factor).', body: mfaChallengeBody, response: { 200: tokenPair } },
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
  }, async (request) => s.logins.completeChallenge(request.body.mfaToken, request.body.otp, requestInfo(request)));

  r.post('/v1/auth/refresh', {
    schema: { tags: tag, description: 'Public (holder of the refresh token). Rotates it; a reused one revokes its family.', body: refreshBody, response: { 200: tokenPair } },
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
  }, async (request) => s.logins.refresh(request.body.refreshToken, requestInfo(request)));

  r.post('/v1/auth/logout', {
    schema: { tags: tag, description: 'Signed in, or holder of a refresh token. Ends that session.', body: z.object({ refreshToken: z.string().max(200).optional() }).strict().nullish() },
  }, async (request, reply) => {
    await s.logins.logout(request.principal, request.body?.refreshToken);
    return reply.code(204).send();
  });

  r.get('/v1/auth/me', {
    schema: { tags: tag, description: 'Signed in.', security: bearer, response: { 200: meView } },
  }, async (request) => s.me(requireUser(request.principal)));

  r.get('/v1/auth/sessions', {
    schema: { tags: tag, description: 'Signed in: your own sessions.', security: bearer, response: { 200: z.object({ sessions: z.array(sessionView) }) } },
  }, async (request) => ({ sessions: await s.logins.listSessions(requireUser(request.principal)) }));

  r.delete('/v1/auth/sessions/:id', {
    schema: { tags: tag, description: 'Signed in: one of your own sessions (others answer 404).', security: bearer, params: idParams },
  }, async (request, reply) => {
    await s.logins.revokeSession(requireUser(request.principal), request.params.id);
    return reply.code(204).send();
  });

  r.post('/v1/auth/mfa/totp', {
    schema: { tags: tag, description: 'Signed in. Starts TOTP enrolment: secret and otpauth:// URI for a QR code.', security: bearer, response: { 200: enrolResult } },
  }, async (request) => s.mfa.enrol(requireUser(request.principal)));

  r.post('/v1/auth/mfa/totp/confirm', {
    schema: { tags: tag, description: 'Signed in. Confirms enrolment with a first code; returns recovery codes once.', security: bearer, body: otpBody, response: { 200: recoveryCodesResult } },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request) => s.mfa.confirm(requireUser(request.principal), request.body.otp, request.ip));

  r.post('/v1/auth/mfa/totp/disable', {
    schema: { tags: tag, description: 'Signed in, roles without mandatory MFA only.', security: bearer, body: otpBody },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.mfa.disable(requireUser(request.principal), request.body.otp, request.ip);
    return reply.code(204).send();
  });

  r.post('/v1/auth/mfa/recovery-codes', {
    schema: { tags: tag, description: 'Signed in. New recovery codes (the old ones stop working); needs a current TOTP code.', security: bearer, body: otpBody, response: { 200: recoveryCodesResult } },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request) => s.mfa.regenerateRecoveryCodes(requireUser(request.principal), request.body.otp, request.ip));

  r.post('/v1/auth/phone', {
    schema: { tags: tag, description: 'Signed in. Sets your (Belgian) phone number and texts a code to it.', security: bearer, body: phoneBody, response: { 202: z.object({ phone: z.string() }) } },
    config: { rateLimit: { max: 3, timeWindow: 60_000 } },
  }, async (request, reply) => reply.code(202).send(await s.accounts.startPhoneVerification(requireUser(request.principal), request.body.phone)));

  r.post('/v1/auth/phone/verify', {
    schema: { tags: tag, description: 'Signed in. Confirms your phone number with the texted code.', security: bearer, body: phoneCodeBody },
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    await s.accounts.confirmPhone(requireUser(request.principal), request.body.code);
    return reply.code(204).send();
  });

  const admin = ['admin'];
  r.get('/v1/admin/users', {
    schema: { tags: admin, description: 'Admin.', security: bearer, querystring: adminListQuery, response: { 200: z.object({ users: z.array(accountView) }) } },
  }, async (request) => {
    const { limit, ...filter } = request.query;
    return { users: await s.admin.list(request.principal, filter, limit) };
  });

  r.post('/v1/admin/users/:id/suspend', {
    schema: { tags: admin, description: 'Admin (superadmin for staff accounts). Ends every session; audited.', security: bearer, params: idParams, body: suspendBody },
  }, async (request, reply) => {
    await s.admin.suspend(request.principal, request.params.id, request.body.reason, request.ip);
    return reply.code(204).send();
  });

  r.post('/v1/admin/users/:id/reactivate', {
    schema: { tags: admin, description: 'Admin (superadmin for staff accounts). Audited.', security: bearer, params: idParams },
  }, async (request, reply) => {
    await s.admin.reactivate(request.principal, request.params.id, request.ip);
    return reply.code(204).send();
  });

  r.put('/v1/admin/users/:id/role', {
    schema: { tags: admin, description: 'Superadmin, never on their own account. Audited.', security: bearer, params: idParams, body: roleBody, response: { 200: accountView } },
  }, async (request) => s.admin.changeRole(request.principal, request.params.id, request.body.role, request.ip));

  // Discovery: any OIDC/JWT library verifies our access tokens from here.
  const wellKnown = ['discovery'];
  r.get('/.well-known/jwks.json', {
    schema: { tags: wellKnown, description: 'Public. Keys that verify access tokens (current and recently retired).' },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return s.keys.jwks();
  });

  r.get('/.well-known/openid-configuration', {
    schema: { tags: wellKnown, description: 'Public. OpenID Connect discovery document.' },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return s.discovery(`${request.protocol}://${request.host}`);
  });
}
