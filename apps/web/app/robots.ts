import type { MetadataRoute } from 'next';
import { webConfig } from '../config.ts';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/v1/', '/fr/account', '/nl/account', '/de/account', '/en/account'] }],
    sitemap: `${webConfig.publicOrigin}/sitemap.xml`,
  };
}
