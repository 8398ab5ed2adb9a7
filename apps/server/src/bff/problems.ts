import { GraphQLError, type ExecutionResult } from 'graphql';
import { Problem } from '@immo/platform';
import type { FastifyBaseLogger } from 'fastify';

/** A GraphQL error as the BFF sends it: the message, and the problem's status/title/detail in `extensions`. */
export interface BffError {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions: { status: number; title: string; detail: string; code?: string; [k: string]: unknown };
}

/**
 * A resolver's error as the client sees it: a module's Problem keeps its
 * status, title and detail (RFC 9457 words in `extensions`); anything else
 * is our fault, logged, and shown without internals.
 */
export function executionError(error: GraphQLError, log: FastifyBaseLogger): BffError {
  const original = error.originalError;
  const where = { path: error.path, locations: error.locations };
  if (original instanceof Problem) {
    const { type: _type, ...extra } = original.extra;
    return { message: original.detail, ...where, extensions: { ...extra, status: original.status, title: original.title, detail: original.detail } };
  }
  if (!original || original instanceof GraphQLError) {
    // graphql's own (variables that do not fit the schema, a null where the schema says never)
    return { message: error.message, ...where, extensions: { status: 400, title: 'Invalid query', detail: error.message } };
  }
  log.error({ err: original, path: error.path }, 'graphql resolver failed');
  const detail = 'Something went wrong on our side; it has been logged with the request id.';
  return { message: detail, ...where, extensions: { status: 500, title: 'Internal error', detail } };
}

/** A document refused before it ran (syntax, unknown field, depth, cost): every reason, with where it is. */
export function validationErrors(errors: unknown[]): BffError[] {
  return errors.map((e) => {
    const error = e as Partial<GraphQLError> & { message: string; code?: string };
    const code = (error.extensions?.code as string | undefined) ?? (error.code === 'MER_ERR_GQL_QUERY_DEPTH' ? 'QUERY_TOO_DEEP' : 'GRAPHQL_VALIDATION_FAILED');
    return {
      message: error.message,
      ...(error.locations ? { locations: error.locations } : {}),
      extensions: { ...(error.extensions ?? {}), status: 400, title: 'Invalid query', detail: error.message, code },
    };
  });
}

export function formatExecution(execution: ExecutionResult, log: FastifyBaseLogger) {
  return { data: execution.data ?? null, ...(execution.errors?.length ? { errors: execution.errors.map((e) => executionError(e, log)) } : {}) };
}
