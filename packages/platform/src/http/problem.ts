/**
 * RFC 9457 problem details. Services throw these; the server's error handler
 * turns them into `application/problem+json`. `detail` is a sentence a person
 * can act on, written in English at the throw site.
 *
 * A problem a person meets in the apps also carries a stable `code`
 * (`password.too_weak`) and the `params` its sentence needs: the server's
 * error handler words `detail` (and the field messages) in the request's
 * language from the `problems.*` catalogue of @immo/i18n, the English text
 * staying the fallback. `code` is an extension member of the body; `params`
 * never leave the server.
 */
export type ProblemParams = Record<string, string | number>;

/** A problem's stable name and what its message needs, for wording it in the caller's language. */
export interface ProblemCode {
  code: string;
  params?: ProblemParams;
}

/** A field-level error: where, what (English), and optionally its code for other languages. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: ProblemParams;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable name of the problem, when it has one (`listing.version_conflict`). */
  code?: string;
  /** Field-level errors for validation problems: where and what. */
  errors?: { path: string; message: string; code?: string }[];
  [extension: string]: unknown;
}

export class Problem extends Error {
  override name = 'Problem';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { type?: string; errors?: FieldError[]; code?: string; params?: ProblemParams; [k: string]: unknown } = {},
  ) {
    super(detail);
  }

  toBody(instance?: string): ProblemBody {
    const { type, params: _params, errors, ...rest } = this.extra;
    return {
      type: type ?? `https://immo.be/problems/${slug(this.title)}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...rest,
      // params stay here; other members of an error (a GraphQL error's locations, extensions) go out as they are
      ...(errors ? { errors: errors.map(({ params: _params, ...error }) => error) } : {}),
    };
  }
}

function slug(title: string) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const coded = (code?: ProblemCode) => (code ? { code: code.code, ...(code.params ? { params: code.params } : {}) } : {});
const withErrors = (errors?: FieldError[]) => (errors ? { errors } : {});

export const badRequest = (detail: string, errors?: FieldError[], code?: ProblemCode) =>
  new Problem(400, 'Invalid request', detail, { ...withErrors(errors), ...coded(code) });
export const unauthorized = (detail?: string, code?: ProblemCode) =>
  new Problem(401, 'Unauthorized', detail ?? 'Sign in to do this: send a valid access token in the Authorization header.', coded(code ?? (detail === undefined ? { code: 'unauthorized' } : undefined)));
export const forbidden = (detail: string, code?: ProblemCode) => new Problem(403, 'Forbidden', detail, coded(code));
/**
 * Also what an owner-only resource answers to anyone else: its existence is
 * not revealed. Its code is the generic `not_found` (worded without `what`)
 * unless the caller names one that says what is missing.
 */
export const notFound = (what: string, code: ProblemCode = { code: 'not_found' }) =>
  new Problem(404, 'Not found', `${what} does not exist or is not yours to see.`, coded(code));
export const conflict = (detail: string, code?: ProblemCode) => new Problem(409, 'Conflict', detail, coded(code));
export const unprocessable = (detail: string, errors?: FieldError[], code?: ProblemCode) =>
  new Problem(422, 'Unprocessable content', detail, { ...withErrors(errors), ...coded(code) });
export const tooManyRequests = (detail: string, retryAfterSeconds: number, code?: ProblemCode) =>
  new Problem(429, 'Too many requests', detail, { retryAfter: retryAfterSeconds, ...coded(code ?? { code: 'too_many_requests', params: { seconds: retryAfterSeconds } }) });
