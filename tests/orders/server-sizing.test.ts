import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { allLines, countRows, findCandidate, PLACE, productsWhere, type ProductRow } from './support.js';

/**
 * "The server computes what it books" (issue 10.1): for every line, a client
 * cannot book more than it paid, nor have a rule check less than is booked,
 * by what it puts in `details`. Each refusal is BAD_USER_INPUT naming both
 * figures, and nothing is written.
 */

const key = () => `sizing-${randomUUID()}`;
const CHECK = `query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome reasons { code facts } } }`;

describe.each(testDrivers())('the server sizes every order on %s', (driver) => {
  let t: TestHost;
  let anyCustomer: { id: string; key: number };
  const product = async (pick: (p: ProductRow) => boolean) => {
    const [p] = await productsWhere(t, pick);
    expect(p, 'seeded product').toBeDefined();
    return { row: p!, id: toGlobalId('Product', p!.id) };
  };
  const written = async (customerKey: number) => ({
    orders: await countRows(t, sql`select count(*) as n from orders where customer_id = ${customerKey}`),
    decisions: await countRows(t, sql`select count(*) as n from suitability_decisions where customer_id = ${customerKey}`),
    holdings: await countRows(t, sql`select count(*) as n from holdings where customer_id = ${customerKey}`),
    keys: await countRows(t, sql`select count(*) as n from idempotency_keys`),
  });
  const place = (productId: string, amount: string, details: Record<string, unknown>, customerId = anyCustomer.id) =>
    t.gql(
      PLACE,
      { input: { customerId, productId, amount, channel: 'COUNTER', initiator: 'CUSTOMER', idempotencyKey: key(), completedSteps: [], details } },
      { lang: 'en' },
    );

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80, plugins: allLines });
    const page = await t.gql(`{ customers(first: 1) { edges { node { id } } } }`);
    const id = page.data.customers.edges[0].node.id as string;
    anyCustomer = { id, key: Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]) };
  }, 180_000);
  afterAll(() => t?.close());

  /** A refusal before anything is written, naming both figures. */
  async function expectRefused(productId: string, amount: string, details: Record<string, unknown>, named: string[]) {
    const before = await written(anyCustomer.key);
    const res = await place(productId, amount, details);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors ?? res.data)).toBe('BAD_USER_INPUT');
    for (const figure of named) expect(res.errors![0]!.message).toContain(figure);
    expect(await written(anyCustomer.key)).toEqual(before);
    // The preview cannot be fooled either.
    const check = await t.gql(CHECK, { i: { customerId: anyCustomer.id, productId, amount, details } }, { lang: 'en' });
    expect(check.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }

  describe('forex', () => {
    it('refuses booking more FX than was paid for (amount 1, fxAmount 40,000)', async () => {
      const usd = await product((p) => p.code === 'FX-SPOT-USD');
      await expectRefused(usd.id, '1', { purpose: 'TRAVEL', fxAmount: '40000' }, ['40000', '1']);
    });

    it('refuses checking less than is booked against the quota (amount 1,000,000, fxAmount 0.01; usdAmount 0.01)', async () => {
      const usd = await product((p) => p.code === 'FX-SPOT-USD');
      await expectRefused(usd.id, '1000000', { purpose: 'TRAVEL', fxAmount: '0.01' }, ['0.01', '1000000']);
      await expectRefused(usd.id, '40000', { purpose: 'TRAVEL', usdAmount: '0.01' }, ['0.01', '40000.00']);
    });

    it('counts what it books: a second honest order of USD 40,000 in a year needs proof of genuine need', async () => {
      const usd = await product((p) => p.code === 'FX-SPOT-USD');
      const page = await t.gql(`{ customers(first: 80) { edges { node { id residency fxAnnualQuota { purchased { amount } } } } } }`);
      const candidates = page.data.customers.edges
        .map((e: any) => e.node)
        .filter((c: any) => c.residency === 'ONSHORE' && c.fxAnnualQuota.purchased.amount === '0');
      let buyer: string | null = null;
      for (const c of candidates) {
        const d = await t.gql(CHECK, { i: { customerId: c.id, productId: usd.id, amount: '40000', details: { purpose: 'TRAVEL' } } });
        if (d.data?.checkSuitability.outcome === 'ALLOW') {
          buyer = c.id;
          break;
        }
      }
      expect(buyer, 'an onshore customer allowed USD 40,000').not.toBeNull();
      const first = await place(usd.id, '40000', { purpose: 'TRAVEL', fxAmount: '40000' }, buyer!);
      expect(first.errors).toBeUndefined();
      expect(first.data.placeOrder.quantity).toBe('40000');
      const second = await place(usd.id, '40000', { purpose: 'TRAVEL' }, buyer!);
      expect(second.errors?.[0]?.extensions?.code).toBe('SUITABILITY_STEPS_REQUIRED');
      expect(second.errors?.[0]?.extensions?.missingSteps).toEqual(['PROOF_OF_GENUINE_NEED']);
      // The decision record holds the sizes the server used, and the quota counted exactly that.
      const orderId = Number(Buffer.from(first.data.placeOrder.id, 'base64url').toString('utf8').split(':')[1]);
      const r = (await t.host.runtime.database.db.execute(sql`select d.facts->'sale' as sale, u.usd_amount as usd from orders o
        join suitability_decisions d on d.id = o.decision_id join forex_usage_entries u on u.order_id = o.id where o.id = ${orderId}`)) as unknown;
      const [row] = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { sale: any; usd: string }[];
      expect(row!.sale).toMatchObject({
        amount: '40000',
        quantity: '40000',
        statedFigures: ['fxAmount'],
        details: { fxAmount: '40000', usdAmount: '40000.00' },
      });
      expect(new Decimal(row!.usd).toFixed(2)).toBe('40000.00');
    });
  });

  describe('gold', () => {
    it('refuses grams the amount does not pay for (amount 1, 100 g)', async () => {
      const gold = await product((p) => p.code === 'GOLD-ACCOUNT-CNY');
      await expectRefused(gold.id, '1', { grams: '100' }, ['100', '1']);
    });

    it('refuses a gram figure below what the amount buys (amount 100,000, 1 g)', async () => {
      const gold = await product((p) => p.code === 'GOLD-ACCOUNT-CNY');
      await expectRefused(gold.id, '100000', { grams: '1' }, ['1 g', '100000']);
    });

    it("books by amount whole gram steps at today's price and charges exactly their price", async () => {
      const gold = await product((p) => p.code === 'GOLD-ACCOUNT-CNY');
      const c = await findCandidate(t, [gold.row], (d) => d.outcome === 'ALLOW' || d.outcome === 'WARN');
      const res = await place(gold.id, '1000', {}, c.customerId);
      expect(res.errors).toBeUndefined();
      const price = new Decimal(gold.row.unitPrice!);
      const grams = new Decimal(1000).div(price).div('0.1').floor().mul('0.1');
      expect(new Decimal(res.data.placeOrder.quantity).eq(grams)).toBe(true);
      expect(res.data.placeOrder.amount.amount).toBe(grams.mul(price).toDecimalPlaces(2).toFixed(2));
    });

    it('refuses part of a bar', async () => {
      const bar = await product((p) => p.code === 'GOLD-CNG-100G');
      const res = await place(bar.id, '100000', { grams: '50' });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('funds', () => {
    const priced = (p: ProductRow) => p.line === 'FUNDS' && p.unitPrice !== null && Number(p.unitPrice) > 0 && Number(p.minimumAmount) <= 1000;
    it('refuses units the amount does not pay for', async () => {
      const fund = await product(priced);
      await expectRefused(fund.id, '1000', { units: '100000000' }, ['100000000', '1000']);
    });

    it('refuses a unit figure below what the amount buys', async () => {
      const fund = await product(priced);
      await expectRefused(fund.id, '1000000', { units: '1' }, ['1000000']);
    });

    it('refuses a detail the line does not declare', async () => {
      const fund = await product(priced);
      await expectRefused(fund.id, '1000', { quantity: '1000000' }, ['quantity']);
    });
  });

  describe('insurance', () => {
    it('refuses a premium figure above the amount paid', async () => {
      const policy = await product((p) => p.code === 'INS-CP-PAR-WL');
      await expectRefused(policy.id, '3000', { premium: '3000000' }, ['3000000', '3000']);
    });

    it('refuses a premium figure below the amount paid', async () => {
      const policy = await product((p) => p.code === 'INS-CP-PAR-WL');
      await expectRefused(policy.id, '300000', { premium: '1' }, ['300000']);
    });

    it('refuses a premium mode the product does not offer (it would choose the laxer income test)', async () => {
      const policy = await product((p) => p.code === 'INS-CP-PAR-WL');
      const res = await place(policy.id, '300000', { premiumMode: 'SINGLE', paymentYears: 1 });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toContain('REGULAR');
    });

    it("refuses an insured age stated for the policyholder (it is the customer's, on file)", async () => {
      const policy = await product((p) => p.code === 'INS-CP-PAR-WL');
      const res = await place(policy.id, '3000', { insuredAge: 30 });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('cards', () => {
    it('refuses an opening deposit the amount does not pay (amount 1, 50,000)', async () => {
      const account = await product((p) => p.code === 'CARD-E3-PAY');
      await expectRefused(account.id, '1', { initialDeposit: '50000' }, ['50000', '1']);
    });

    it('refuses checking a smaller deposit than is booked against the Class III cap (amount 1,000,000, 100)', async () => {
      const account = await product((p) => p.code === 'CARD-E3-PAY');
      await expectRefused(account.id, '1000000', { initialDeposit: '100' }, ['100', '1000000']);
    });

    it('refuses relabelling a credit card as a debit balance', async () => {
      const credit = await product((p) => p.code === 'CARD-CC-CLASSIC');
      await expectRefused(credit.id, '1000000', { cardKind: 'DEBIT' }, ['cardKind']);
    });
  });
});
