import { and, eq, sql } from 'drizzle-orm';
import cards from '../../plugins/cards/index.js';
import forex from '../../plugins/forex/index.js';
import funds from '../../plugins/funds/index.js';
import gold from '@finmart/plugin-gold';
import insurance from '../../plugins/insurance/index.js';
import { customers, products } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import type { TestHost } from '../support/test-host.js';

/** The five lines, as the bank runs them. */
export const allLines = [funds, insurance, gold, cards, forex];
/** The lines without forex (for files that do not need the FX quota). */
export const nonFxLines = [funds, insurance, gold, cards];

export type ProductRow = typeof products.$inferSelect;

export const ORDER_FIELDS = `id status quantity amount { amount currency } coolingOffEndsAt settledAt cancelledAt refund { amount currency }
  holding { id status } decision { outcome requiredSteps missingSteps reasons { code ruleId } ruleVersions }`;

export const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { ${ORDER_FIELDS} } } }`;

export interface Candidate {
  customerId: string;
  customerKey: number;
  product: ProductRow;
  productId: string;
  amount: string;
  decision: { outcome: string; requiredSteps: string[]; missingSteps: string[] };
}

/** An amount a product accepts: its minimum (or 1,000 when it has none). */
export const amountFor = (p: ProductRow): string => (Number(p.minimumAmount) > 0 ? p.minimumAmount : '1000');

export async function productsWhere(t: TestHost, where: (p: ProductRow) => boolean): Promise<ProductRow[]> {
  const rows = await t.host.runtime.database.db.select().from(products).where(eq(products.status, 'ON_SALE')).orderBy(products.id);
  return rows.filter(where);
}

/**
 * Finds a customer × product pair whose live decision (counter, customer-initiated)
 * satisfies `accept`, asking the API one product at a time for a page of customers.
 */
export async function findCandidate(
  t: TestHost,
  candidates: ProductRow[],
  accept: (d: Candidate['decision']) => boolean,
  exclude: Set<number> = new Set(),
): Promise<Candidate> {
  for (const p of candidates) {
    const productId = toGlobalId('Product', p.id);
    const amount = amountFor(p);
    const res = await t.gql(
      `query($p: ID!, $a: Decimal) { customers(first: 100) { edges { node { id suitability(productId: $p, amount: $a, channel: COUNTER, initiator: CUSTOMER) { outcome requiredSteps missingSteps } } } } }`,
      { p: productId, a: amount },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    for (const e of res.data.customers.edges) {
      const key = Number(Buffer.from(e.node.id, 'base64url').toString('utf8').split(':')[1]);
      if (exclude.has(key)) continue;
      if (accept(e.node.suitability)) return { customerId: e.node.id, customerKey: key, product: p, productId, amount, decision: e.node.suitability };
    }
  }
  throw new Error('no customer/product pair with the wanted decision in the seed');
}

export const orderInput = (c: Candidate, key: string, extra: Record<string, unknown> = {}) => ({
  customerId: c.customerId,
  productId: c.productId,
  amount: c.amount,
  channel: 'COUNTER',
  initiator: 'CUSTOMER',
  idempotencyKey: key,
  completedSteps: c.decision.requiredSteps,
  ...extra,
});

export async function countRows(t: TestHost, query: ReturnType<typeof sql>): Promise<number> {
  // postgres.js returns the rows as an array; PGlite returns { rows }.
  const r = (await t.host.runtime.database.db.execute(query)) as unknown;
  const rows = (Array.isArray(r) ? r : (r as { rows: { n: number | string }[] }).rows) as { n: number | string }[];
  return Number(rows[0].n);
}

export async function customerRow(t: TestHost, id: number) {
  const [row] = await t.host.runtime.database.db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id)));
  return row;
}
