'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';

export const SOCIAL_NEXT_KEY = 'immo.social.next';

/** "google" → "Google"; providers are configured by name on the server. */
const providerLabel = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * One button per configured provider (GET /v1/auth/social/providers), none
 * when there is none. The server sends the browser back to
 * /[locale]/account/social with the outcome (`return`), which ends the sign-in.
 */
export function SocialButtons({ next }: { next: string | null }) {
  const locale = useLocale();
  const t = useT();
  const providers = useQuery({ queryKey: ['social-providers'], staleTime: 5 * 60_000, queryFn: async () => ok(await api.GET('/v1/auth/social/providers')).providers });
  if (!providers.data?.length) return null;
  const back = encodeURIComponent(`/${locale}/account/social`);
  return (
    <div className="mt-6" data-testid="social-login">
      <p className="mb-3 flex items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
        <span className="h-px grow bg-slate-300 dark:bg-slate-600" />
        {t('account.social.or')}
        <span className="h-px grow bg-slate-300 dark:bg-slate-600" />
      </p>
      <ul className="flex flex-col gap-2">
        {providers.data.map((name) => (
          <li key={name}>
            {/* a full navigation: the provider's pages are not ours */}
            <a
              href={`/v1/auth/social/${encodeURIComponent(name)}/start?return=${back}`}
              onClick={() => sessionStorage.setItem(SOCIAL_NEXT_KEY, next ?? '')}
              className="block rounded-lg border border-slate-400 py-2.5 text-center font-medium hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800"
            >
              {t('account.social.continueWith', { provider: providerLabel(name) })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
