'use client';
import { createImmoClient, ok } from '@immo/api-client';
import { useSession } from '../account/session-store.ts';

// The browser talks to the API on its own origin, so no base URL and no CORS.
// A nearly expired access token is renewed with the refresh token first
// (rotating: the answer carries a new refresh token); a failed renewal signs out.
let renewing: Promise<string | null> | null = null;

/** The access token, renewed first when it is about to expire (also used by the /ws socket). */
export async function currentToken(): Promise<string | null> {
  const { session, signIn, signOut } = useSession.getState();
  if (!session) return null;
  if (session.expiresAt - Date.now() > 30_000) return session.accessToken;
  renewing ??= (async () => {
    try {
      const pair = ok(await refresher.POST('/v1/auth/refresh', { body: { refreshToken: session.refreshToken } }));
      signIn({ ...session, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 });
      return pair.accessToken;
    } catch {
      signOut();
      return null;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/**
 * The page's language (the <html lang> of its /[locale] layout, e.g.
 * "fr-BE"), so that the server's problem messages shown beside the fields
 * are in it, whatever language the browser itself prefers.
 */
const pageLanguage = () => (typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined);

const refresher = createImmoClient({ baseUrl: '', locale: pageLanguage });

export const api = createImmoClient({ baseUrl: '', getToken: currentToken, locale: pageLanguage });
