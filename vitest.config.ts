import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql loads graphql through CommonJS; pin every import to one copy so
    // `instanceof GraphQLSchema` checks hold across the test and the library.
    alias: { graphql: require.resolve('graphql/index.js') },
    // A workspace plugin package by name (`@finmart/plugin-gold`) is its TypeScript source in tests, not its build.
    conditions: ['source'],
  },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['tests/**/*.test.ts', 'plugins/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    setupFiles: ['tests/setup/reflect.ts', 'tests/setup/sdk.ts'],
  },
});
