import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'bench-output/', 'demo/editors/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // lib/ is the pure core: it must run in node, vitest and the service worker alike.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'localStorage'],
      'no-restricted-imports': ['error', { paths: ['wxt/browser', 'webextension-polyfill'] }],
    },
  },
  // Plain JavaScript outside the TypeScript build: the CLI launcher runs in node, the demo page in a browser.
  { files: ['bin/**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['demo/helpdesk/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
