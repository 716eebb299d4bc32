import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPlugins } from '../../src/app/plugins-loader.js';
import { HOST_VERSION } from '../../src/app/version.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { laxDetailsPlugin, oversizingPlugin } from '../fixtures/oversizing-plugin.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { countRows, PLACE, productsWhere } from './support.js';

/** The host holds the sizing rule even against a plugin that breaks it. */
describe('order sizing is a host rule, not a plugin courtesy', () => {
  it('refuses to boot a line whose details schema lets undeclared keys through', () => {
    expect(() => selectPlugins([laxDetailsPlugin], { hostVersion: HOST_VERSION, allowIncompatible: [] })).toThrow(
      'Plugin "laxdetails": orders.details must refuse keys it does not declare (use z.strictObject)',
    );
  });

  describe('a line whose sizing books more than was paid', () => {
    let t: TestHost;
    beforeAll(async () => {
      t = await createTestHost({ plugins: [oversizingPlugin], customers: 10 });
    }, 180_000);
    afterAll(() => t?.close());

    it('cannot book: the order fails closed and nothing is written', async () => {
      const [p] = await productsWhere(t, (r) => r.code === 'OVERSIZE-1');
      const customerId = (await t.gql(`{ customers(first: 1) { edges { node { id } } } }`)).data.customers.edges[0].node.id;
      const count = () =>
        countRows(
          t,
          sql`select (select count(*) from orders) + (select count(*) from holdings where product_id = ${p!.id}) + (select count(*) from idempotency_keys) as n`,
        );
      const before = await count();
      const res = await t.gql(PLACE, {
        input: {
          customerId,
          productId: toGlobalId('Product', p!.id),
          amount: '1000',
          channel: 'ONLINE',
          initiator: 'CUSTOMER',
          idempotencyKey: 'oversize-0001',
          completedSteps: [],
        },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await count()).toBe(before);
    });
  });
});
