import { defineConfig } from 'vitest/config';

// apps/web's unit tests (pure functions); pages are tested in the browser by e2e/.
export default defineConfig({ test: { include: ['**/*.test.ts'], exclude: ['node_modules/**', '.next/**'] } });
