// Lint: type-checked rules, plus the folder boundaries of eslint/boundaries.js.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './eslint/boundaries.js';


export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bin/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'eslint/*.js'] }, tsconfigRootDir: import.meta.dirname },
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
    // Folder boundaries (shared pure, core without hosts or electron, hosts apart, renderer without
    // Node, no test support in production, dcmjs only in the DICOM folder, SQLite only in main/core/db/):
    // eslint/boundaries.js. sql-in-db: no `.prepare/.exec/.pragma/.transaction` on a database outside db/.
    files: ['**/*.{ts,tsx}'],
    plugins: { scanvault: boundariesPlugin },
    rules: { 'scanvault/boundaries': 'error', 'scanvault/sql-in-db': 'error' },
  },
  { files: ['eslint/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
