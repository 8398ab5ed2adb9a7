import { negotiateLocale } from '@immo/i18n';
import { ROUTED_LOCALES } from '../i18n/locale-params.ts';

/**
 * The auth module mails links without a language in the path
 * (`/verify-email?token=…`, `/reset-password?token=…`, `/forgot-password`):
 * send the person to the account page in their language (saved cookie, then
 * Accept-Language), the token kept. No referrer, so the token does not leak.
 */
export function redirectMailedLink(request: Request, page: string): Response {
  const url = new URL(request.url);
  const saved = /(?:^|;\s*)locale=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const locale = negotiateLocale(saved ?? request.headers.get('accept-language'), ROUTED_LOCALES);
  const token = url.searchParams.get('token');
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return new Response(null, { status: 307, headers: { location: `/${locale}/account/${page}${query}`, vary: 'accept-language, cookie', 'referrer-policy': 'no-referrer' } });
}
