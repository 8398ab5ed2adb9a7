import { negotiateLocale } from '@immo/i18n';
import { ROUTED_LOCALES } from '../../i18n/locale-params.ts';

// The agency invitation mail links to /accept-invitation?token=… (modules/users,
// no language in it): the page that accepts is the desk's, in the visitor's language.
export function GET(request: Request) {
  const url = new URL(request.url);
  const saved = /(?:^|;\s*)locale=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const locale = negotiateLocale(saved ?? request.headers.get('accept-language'), ROUTED_LOCALES);
  const token = url.searchParams.get('token') ?? '';
  return new Response(null, { status: 307, headers: { location: `/${locale}/desk/team/accept?token=${encodeURIComponent(token)}`, vary: 'accept-language, cookie' } });
}
