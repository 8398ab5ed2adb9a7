import { negotiateLocale } from '@immo/i18n';
import { ROUTED_LOCALES } from '../i18n/locale-params.ts';

// "/" sends each visitor to their language: a saved choice first, then the browser's.
export function GET(request: Request) {
  const saved = /(?:^|;\s*)locale=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const locale = negotiateLocale(saved ?? request.headers.get('accept-language'), ROUTED_LOCALES);
  return new Response(null, { status: 307, headers: { location: `/${locale}`, vary: 'accept-language, cookie' } });
}
