// ESLint (flat config) with typescript-eslint: correctness rules, not style (Prettier owns the layout).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/*/dist/**',
      'packages/sdk/types/**',
      'node_modules/**',
      'tools/mutation/**',
      'tools/bench-peer/**',
      'reports/**',
      'scratch/**',
      '.data/**',
      'examples/typed-client/src/gql/**',
      'plugins/*/drizzle/**',
      'drizzle/**',
    ],
  },
  js.configs.recommended,
  {
    // Plain scripts run on Node (TypeScript files get their globals from @types/node).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Tests and GraphQL responses are read as `any` on purpose; production code keeps types.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // type-graphql resolvers are classes with decorators; empty interfaces name GraphQL shapes.
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
);
