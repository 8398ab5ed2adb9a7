import { defineConfig } from 'vitest/config';

// The integration pass: every test again, now on real PostgreSQL (each test
// gets a database of its own through TEST_DATABASE_URL) and with the tests
// that need Redis (*.int.test.ts). CI sets DATABASE_URL and REDIS_URL.
export default defineConfig({
  test: {
    include: ['{packages,modules,apps}/**/*.test.ts', 'data/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/**', 'apps/mobile/**', 'apps/admin/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
  },
});
