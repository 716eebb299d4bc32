import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from './support/test-host.js';

describe('smoke', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ plugins: [], customers: 60 });
  });
  afterAll(() => t?.close());

  it('answers a customer page', async () => {
    const r = await t.gql(`{ me { role } customers(first: 3) { totalCount edges { node { id name idNumber phone age tier activity lifeStage riskProfile { level expired } manager { name grade branch { name } } branch { name } totalAssets { amount currency } productCoverage { linesHeld linesTotal ratio } } } } }`);
    expect(r.errors).toBeUndefined();
    console.log(JSON.stringify(r.data, null, 1).slice(0, 1500), r.statements);
  });
});
