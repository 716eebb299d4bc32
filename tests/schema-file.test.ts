import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printFinmartSchema } from '../src/app/print-schema.js';
import { installedPlugins } from '../plugins/index.js';

describe('schema.graphql', () => {
  it('matches what the code emits (run `npm run schema` to regenerate)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    const emitted = printFinmartSchema(installedPlugins);
    if (committed !== emitted) {
      throw new Error('schema.graphql is stale: run `npm run schema` and commit the result');
    }
    expect(committed).toContain('type Customer implements Node');
  });
});
