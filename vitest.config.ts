import { defineConfig } from 'vitest/config';

// `npm test`: unit, module (real PGlite) and HTTP tests. Tests that need a
// running Redis or PostgreSQL are named *.int.test.ts and run in the
// integration pass (vitest.integration.config.ts), which CI runs against
// real servers.
export default defineConfig({
  test: {
    include: ['{packages,modules,apps}/**/*.test.ts', 'data/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/*.int.test.ts',
      'apps/web/**',
      'apps/mobile/**',
      'apps/admin/**',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
  },
});
