import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: browser tests (Playwright driving Debian's Chromium)
// against the real server on its embedded defaults with the web app's
// production build mounted on the same origin. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', NEXT_TELEMETRY_DISABLED: '1' },
  },
});
