// Lint: type-checked rules, plus import zones that keep each runtime in its lane:
// shared/ is pure (no Node, DOM or Electron), main/core never imports electron, renderer/ never imports Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'crypto', 'os', 'http', 'https', 'net', 'stream', 'stream/*', 'zlib', 'url', 'worker_threads', 'util', 'buffer', 'events', 'readline'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bin/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'eslint-comments/require-description': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '../main/*', '../renderer/*'], message: 'shared/ is pure: no Node, DOM or Electron imports.' },
        ],
      }],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/api/**/*.ts', 'main/hosts/cli/**/*.ts', 'main/hosts/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The core is plain Node: only main/hosts/electron may import electron.' }],
        patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import the renderer.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only to the API contract.' }],
        patterns: [
          { group: NODE_BUILTINS, message: 'The renderer talks only to the API contract, never to Node.' },
          { group: ['**/main/**'], message: 'The renderer talks only to the API contract (shared/), never to main/.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
