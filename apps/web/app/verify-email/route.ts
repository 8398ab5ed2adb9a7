import { negotiateLocale } from '@immo/i18n';
import { ROUTED_LOCALES } from '../../i18n/locale-params.ts';

// The auth module mails `${PUBLIC_URL}/verify-email?token=…` (no language in
// the path): send the person to the page in their language, token kept.
export function GET(request: Request) {
  const url = new URL(request.url);
  const saved = /(?:^|;\s*)locale=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const locale = negotiateLocale(saved ?? request.headers.get('accept-language'), ROUTED_LOCALES);
  const token = url.searchParams.get('token') ?? '';
  return new Response(null, { status: 307, headers: { location: `/${locale}/account/verify-email?token=${encodeURIComponent(token)}`, vary: 'accept-language, cookie', 'referrer-policy': 'no-referrer' } });
}
