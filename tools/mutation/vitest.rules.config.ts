import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The pure rule tests of one mutation target (`RULE_TESTS`, comma-separated
 * globs from the repository root): what Stryker runs against each mutant.
 */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  test: {
    include: (process.env.RULE_TESTS ?? '').split(',').filter(Boolean),
    setupFiles: ['tests/setup/reflect.ts', 'tests/setup/sdk.ts'],
    pool: 'threads',
    // Mutants are switched at run time (mutant schemata): one worker can keep its modules between runs.
    isolate: false,
  },
});
