import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { Locale } from '@immo/i18n';
import { Problem, type FieldError } from '@immo/platform';
import { localizedBody, problemLocale } from './problem-language.ts';
import { validationFieldError, type ValidationIssue } from './validation-messages.ts';

/**
 * Every error leaves as RFC 9457 problem+json, the framework's own included.
 * A client's mistake is a 4xx that says what to fix; only our own faults are
 * 500, and those never echo internals. Messages follow the request's
 * Accept-Language (problem-language.ts): here, and only here.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, problemLocale(request));
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, code: error.code }, problem.title);
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new Problem(404, 'Not found', `There is no route ${request.method} ${request.url.split('?')[0]}. See /docs for the API.`, { code: 'route.not_found' }),
    ),
  );
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const locale = problemLocale(request);
  const body = localizedBody(problem, locale, request.url.split('?')[0]!);
  if (typeof problem.extra.retryAfter === 'number') reply.header('retry-after', String(problem.extra.retryAfter));
  // the words depend on Accept-Language: caches must keep one answer per language (CORS's Vary: Origin kept)
  const vary = [reply.getHeader('vary')].flat().filter(Boolean).join(', ');
  reply.header('content-language', locale).header('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify({ ...body, requestId: request.id }));
}

function toProblem(error: FastifyError, locale: Locale): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((issue) => {
      const path = [where, ...(issue.instancePath ? issue.instancePath.split('/').filter(Boolean) : [])].join('.');
      const reported: ValidationIssue = { ...issue.params, code: issue.keyword, message: issue.message ?? 'is invalid' };
      return validationFieldError(reported, path, locale);
    });
    return invalid(`The ${where} is not valid`, errors);
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => validationFieldError({ ...issue } as ValidationIssue, issue.path.join('.'), locale));
    return invalid('The request is not valid', errors);
  }
  if (isResponseSerializationError(error)) {
    return new Problem(500, 'Internal error', 'The server produced an invalid answer; it has been logged.');
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'Payload too large', 'The request body is larger than this route accepts; send a smaller body.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Unsupported media type', `This route does not accept content-type "${error.message.split("'")[1] ?? 'unknown'}"; send application/json.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(400, 'Invalid request', 'The body is empty but content-type says JSON; send a JSON body or no content-type.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'Invalid request', 'The body is not valid JSON.', { code: 'body.invalid_json' });
    case 'FST_ERR_VALIDATION':
      return new Problem(400, 'Invalid request', error.message);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new Problem(400, 'Invalid request', `The body is not valid JSON: ${error.message}.`);
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new Problem(429, 'Too many requests', error.message || 'Slow down and retry later.');
  if (status >= 400 && status < 500) return new Problem(status, 'Invalid request', error.message);
  return new Problem(500, 'Internal error', 'Something went wrong on our side; it has been logged with the request id.');
}

/**
 * A schema-validation problem: the English detail as it always was (each
 * path and zod's message); in another language the detail names the fields
 * only, each field's own message being worded in `errors`.
 */
function invalid(what: string, errors: FieldError[]): Problem {
  const english = `${what}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`;
  const fields = [...new Set(errors.map((e) => e.path.replace(/^(body|querystring|params|headers)\./, '')))].join(', ');
  return new Problem(400, 'Invalid request', english, { errors, code: 'validation', params: { fields } });
}
