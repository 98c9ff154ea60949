// Lint rules, including the boundary the architecture depends on: the renderer reaches the main
// process only through the API contract's types and the pure core.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'out-*/', 'dist/', '.tmp/', 'node_modules/', 'native/', 'test-results/', 'playwright-report/', 'docs/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', 'better-sqlite3'], message: 'The renderer has no Node or Electron: go through the API.' },
            {
              regex: '^(\\.\\./)+src-main/(?!api/contract$|core/)',
              message: 'The renderer may import only the API contract and the pure core from src-main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'better-sqlite3', '../db/*', '../api/*'], message: 'The core is pure domain logic.' }] },
      ],
    },
  },
);
