import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { intlLocale, t } from '@immo/i18n';
import { webConfig } from '../../config.ts';
import { languageAlternates, routeLocale, ROUTED_LOCALES, type LocaleParams } from '../../i18n/locale-params.ts';
import { Providers } from '../../layout/providers.tsx';
import { SiteHeader } from '../../layout/site-header.tsx';
import { THEME_SCRIPT } from '../../layout/theme-script.ts';
import '../globals.css';

export function generateStaticParams() {
  return ROUTED_LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await routeLocale(params);
  return {
    metadataBase: new URL(webConfig.publicOrigin),
    title: { default: `Immo — ${t(locale, 'web.tagline')}`, template: '%s · Immo' },
    description: t(locale, 'web.metaDescription'),
    alternates: { canonical: `/${locale}`, languages: languageAlternates('') },
    manifest: '/manifest.webmanifest',
    icons: { icon: '/icon.svg', apple: '/icon-192.png' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#1e40af' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function LocaleLayout({ children, params }: LocaleParams & { children: ReactNode }) {
  const locale = await routeLocale(params);
  return (
    <html lang={intlLocale(locale)} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-black">
          {t(locale, 'web.skipToContent')}
        </a>
        <Providers>
          <SiteHeader locale={locale} />
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
