import type { NextConfig } from 'next';

const config: NextConfig = {
  // workspace packages ship TypeScript sources
  transpilePackages: ['@immo/i18n', '@immo/api-client'],
  // photos come from our own media service in sized variants; no optimizer process
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default config;
