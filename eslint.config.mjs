import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['scratch/', 'dist/', 'node_modules/', 'data/', 'test-results/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no I/O, no drivers, no process.env (STYLE.md habit 1).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/domain is pure: no Node I/O.',
            },
            {
              group: ['@duckdb/*', 'pg', 'fastify', '@nats-io/*'],
              message: 'src/domain must not import drivers.',
            },
            {
              group: ['**/engines/**', '**/app/**', '**/cli/**', '**/api/**', '**/stream/**'],
              message: 'src/domain depends on nothing outside the domain and contracts.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/domain must not read process.' }],
    },
  },
  {
    files: ['src/sql/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '@duckdb/*', 'pg', '**/engines/**'],
              message: 'src/sql builds SQL; it does not run it.',
            },
          ],
        },
      ],
    },
  },
);
