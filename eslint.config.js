import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '.data/**', 'apps/web/**', 'apps/mobile/**', 'apps/admin/**', 'packages/api-client/src/schema.d.ts', '**/*.js', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The environment is read in one place: packages/platform/src/config.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read settings through the platform config (packages/platform/src/config)' }],
      // Module borders: packages never import modules or apps; a module reaches
      // another only through its index.ts.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/modules/*/*', '!**/modules/*/index.ts', '@immo/*/*', '!@immo/server/testing'], message: 'import another module through its index.ts (its contract) only' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**', '**/apps/**', '@immo/server'], message: 'packages/ must not depend on modules/ or apps/' }] },
      ],
    },
  },
  {
    files: ['packages/platform/src/config/**', 'bench/**', '**/*.test.ts', 'e2e/**', '*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
