/**
 * RFC 9457 problem details. Services throw these; the server's error handler
 * turns them into `application/problem+json`. `detail` is a sentence a person
 * can act on.
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field-level errors for validation problems: where and what. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export class Problem extends Error {
  override name = 'Problem';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { type?: string; errors?: ProblemBody['errors']; [k: string]: unknown } = {},
  ) {
    super(detail);
  }

  toBody(instance?: string): ProblemBody {
    const { type, ...rest } = this.extra;
    return {
      type: type ?? `https://immo.be/problems/${slug(this.title)}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...rest,
    };
  }
}

function slug(title: string) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const badRequest = (detail: string, errors?: ProblemBody['errors']) =>
  new Problem(400, 'Invalid request', detail, errors ? { errors } : {});
export const unauthorized = (detail = 'Sign in to do this: send a valid access token in the Authorization header.') =>
  new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
/** Also what an owner-only resource answers to anyone else: its existence is not revealed. */
export const notFound = (what: string) => new Problem(404, 'Not found', `${what} does not exist or is not yours to see.`);
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail);
export const unprocessable = (detail: string, errors?: ProblemBody['errors']) =>
  new Problem(422, 'Unprocessable content', detail, errors ? { errors } : {});
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new Problem(429, 'Too many requests', detail, { retryAfter: retryAfterSeconds });
