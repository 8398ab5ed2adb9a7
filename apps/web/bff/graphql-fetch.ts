import type { z } from 'zod';
import { webConfig } from '../config.ts';

/** What a refused or failed GraphQL call says (problem-shaped: see apps/server/src/bff/README.md). */
export class BffError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One call to the server's GraphQL BFF from a server component (loopback, the
 * same process), its `data` checked by `schema` at the border. `revalidate`
 * and `tags` let Next cache the answer like the REST reads (ISR).
 */
export async function bffQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  cache: { revalidate: number; tags: string[] },
): Promise<T> {
  const response = await fetch(`${webConfig.apiOrigin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    next: cache,
  });
  const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: { message: string }[]; detail?: string } | null;
  if (!response.ok || !body || body.errors?.length) {
    throw new BffError(response.status, `POST /graphql answered ${response.status}: ${body?.detail ?? body?.errors?.map((e) => e.message).join('; ') ?? 'no body'}`);
  }
  return schema.parse(body.data);
}
