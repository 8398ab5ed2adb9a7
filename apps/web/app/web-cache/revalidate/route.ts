import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { LOCALES } from '@immo/i18n';
import { webConfig } from '../../../config.ts';

// Called by Immo's own server when a listing changes (apps/server: the
// web.listing-pages consumer of listing events), so its statically
// regenerated page is expired at once instead of after `revalidate` seconds.
// The secret is made per process by server-handler.ts; nobody else has it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function authorised(request: Request): boolean {
  const secret = webConfig.revalidateSecret;
  const given = request.headers.get('x-web-revalidate-secret') ?? '';
  return !!secret && given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

export async function POST(request: Request) {
  if (!authorised(request)) return new Response(null, { status: 404 });
  const ids = (new URL(request.url).searchParams.get('listings') ?? '').split(',').filter((id) => UUID.test(id));
  for (const id of ids) {
    revalidateTag(`listing:${id}`, { expire: 0 });
    for (const locale of LOCALES) revalidatePath(`/${locale}/listing/${id}`);
  }
  return Response.json({ revalidated: ids.length });
}
