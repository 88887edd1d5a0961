// One flat config for the whole workspace. Type-aware rules are left to `tsc` (typecheck) so that
// lint stays fast on a 2-core machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.output/**',
      '**/.wxt/**',
      '**/.tools/**',
      '**/storybook-static/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // core runs in Node, pages, workers and the extension's service worker: no DOM, no UI, no extension APIs.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core knows nothing of the DOM.' },
        { name: 'document', message: 'core knows nothing of the DOM.' },
        { name: 'chrome', message: 'core knows nothing of the extension.' },
        { name: 'browser', message: 'core knows nothing of the extension.' },
        { name: 'localStorage', message: 'use a PendingStore.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['lit', 'lit/*', '@lit/*', 'wxt', 'wxt/*', '@seam-codes/components*'] },
      ],
    },
  },
);
