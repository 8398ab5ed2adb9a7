import type { MetadataRoute } from 'next';
import { serverApi } from '../api/server-client.ts';
import { webConfig } from '../config.ts';
import { ROUTED_LOCALES } from '../i18n/locale-params.ts';

// Built on request (the catalogue changes all day), cached for ten minutes.
export const dynamic = 'force-dynamic';
const MAX_LISTINGS = 5000;

function entry(origin: string, path: string, lastModified?: string): MetadataRoute.Sitemap[number] {
  return {
    url: `${origin}/fr${path}`,
    lastModified,
    alternates: { languages: Object.fromEntries(ROUTED_LOCALES.map((locale) => [`${locale}-BE`, `${origin}/${locale}${path}`])) },
  };
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = webConfig.publicOrigin;
  const out = [entry(origin, ''), entry(origin, '/search')];
  const api = serverApi({ revalidate: 600 });
  let cursor: string | undefined;
  while (out.length < MAX_LISTINGS) {
    const { data } = await api.GET('/v1/search', { params: { query: { sort: 'newest', limit: '100', facets: 'false', cursor } } });
    if (!data) break;
    for (const card of data.items) out.push(entry(origin, `/listing/${card.id}`, card.publishedAt));
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return out;
}
