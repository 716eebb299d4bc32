import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import funds from '../../plugins/funds/index.js';
import { customers, orders } from '../../src/db/schema/index.js';
import { numericIdOf } from '../../src/graphql/relay/global-id.js';
import { createCatalogWriter } from '../../src/plugins/catalog-writer.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { FAKE_FACTS, FakePartner, type PartnerMode } from './fake-partner.js';

/**
 * A remote line end to end inside one process: the real host (PGlite, funds loaded locally, insurance served by
 * a partner) asks an in-process fake partner for its verdicts. One HTTP call per request, the facts that cross
 * the wire, and every way the partner can fail: each blocks the insurance products only, with RULE_ERROR.
 */

const TIMEOUT_MS = 300;
const INSURANCE = [
  { code: 'INS-T-TERM', status: 'ON_SALE' },
  { code: 'INS-T-ENDOW', status: 'ON_SALE' },
  { code: 'INS-T-HEALTH', status: 'ON_SALE' },
  { code: 'INS-T-DRAFT', status: 'DRAFT' },
] as const;

const CHECK = /* GraphQL */ `
  query ($input: SuitabilityInput!) {
    checkSuitability(input: $input) { outcome missingSteps reasons { code outcome ruleId source message } }
  }
`;
const ELIGIBLE = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      eligibleProducts(first: 100, channel: ONLINE, initiator: CUSTOMER) {
        edges { node { code line } decision { outcome reasons { code source ruleId } } }
      }
    }
  }
`;
const PLACE = /* GraphQL */ `
  mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id status } } }
`;

interface Reason {
  code: string;
  outcome: string;
  ruleId: string;
  source: string;
  message: string;
}

describe('remote lines: the host asks the partner for verdicts', () => {
  let partner: FakePartner;
  let t: TestHost;
  const logs: string[] = [];
  let customerId = '';
  let insuranceId = '';
  let fundId = '';
  let fundAmount = '';
  let keySeq = 0;

  const check = async (productId: string, extra: Record<string, unknown> = {}) => {
    const r = await t.gql<{ checkSuitability: { outcome: string; missingSteps: string[]; reasons: Reason[] } }>(CHECK, {
      input: { customerId, productId, amount: productId === insuranceId ? '1000' : fundAmount, channel: 'ONLINE', initiator: 'CUSTOMER', ...extra },
    });
    expect(r.errors).toBeUndefined();
    return r.data!.checkSuitability;
  };
  const eligible = async () => {
    const r = await t.gql<{
      customer: { eligibleProducts: { edges: { node: { code: string; line: string }; decision: { outcome: string; reasons: Reason[] } }[] } };
    }>(ELIGIBLE, { id: customerId });
    expect(r.errors).toBeUndefined();
    return r.data!.customer.eligibleProducts.edges;
  };
  const place = (productId: string, amount: string, completedSteps: string[] = []) =>
    t.gql(PLACE, {
      input: {
        customerId,
        productId,
        amount,
        channel: 'ONLINE',
        initiator: 'CUSTOMER',
        completedSteps,
        idempotencyKey: `remote-line-${++keySeq}-${Date.now()}`,
      },
    });
  const ordersOf = async (productId: string) => {
    const [{ n }] = await t.host.runtime.database.db
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.customerId, numericIdOf(customerId, 'Customer')!), eq(orders.productId, numericIdOf(productId, 'Product')!)));
    return Number(n);
  };

  beforeAll(async () => {
    partner = await new FakePartner().start();
    t = await createTestHost({
      plugins: [funds],
      customers: 40,
      env: {
        REMOTE_LINES: `insurance=INSURANCE:InsuranceProduct@${partner.url}`,
        REMOTE_LINES_TIMEOUT_MS: String(TIMEOUT_MS),
        FEDERATION_SUBGRAPH: 'true',
        LOG_LEVEL: 'warn',
      },
      logLines: logs,
    });
    // The bank's listing of the partner's products (the demo seed only lists the lines loaded locally).
    await createCatalogWriter(t.host.runtime.database.db, 'INSURANCE').upsertProducts(
      INSURANCE.map((p) => ({
        code: p.code,
        nameZh: `测试保险 ${p.code}`,
        nameEn: `Test policy ${p.code}`,
        issuer: '测试人寿',
        partnerCode: 'test-life',
        riskRating: 'R1',
        currency: 'CNY',
        minimumAmount: '100',
        amountStep: '1',
        status: p.status,
        liquidity: 'LOW',
        function: 'PRESERVATION',
        businessType: 'INTERMEDIARY',
        regime: 'OTHER',
        requiresRiskAssessment: false,
        coolingOffHours: 0,
        unitPrice: null,
      })),
    );
    const products = await t.gql<{
      i: { edges: { node: { id: string; code: string } }[] };
      f: { edges: { node: { id: string; riskRating: string; minimumAmount: { amount: string } } }[] };
    }>(
      `{ i: products(first: 10, filter: { line: INSURANCE }) { edges { node { id code } } }
         f: products(first: 100, filter: { line: FUNDS, status: ON_SALE }) { edges { node { id riskRating minimumAmount { amount } } } } }`,
    );
    expect(products.errors).toBeUndefined();
    insuranceId = products.data!.i.edges.find((e) => e.node.code === 'INS-T-TERM')!.node.id;
    const fund = products.data!.f.edges.find((e) => e.node.riskRating === 'R1' && Number(e.node.minimumAmount.amount) <= 1000)!.node;
    fundId = fund.id;
    fundAmount = '1000';
    // A customer the host's own rules let buy both: the partner's WARN is then the only say on the policy.
    const page = await t.gql<{ customers: { edges: { node: { id: string; age: number } }[] } }>(`{ customers(first: 40) { edges { node { id age } } } }`);
    for (const { node } of page.data!.customers.edges.filter((e) => e.node.age >= 25 && e.node.age < 60)) {
      customerId = node.id;
      const [ins, fnd] = [await check(insuranceId), await check(fundId)];
      if (ins.outcome === 'WARN' && ins.reasons.length === 1 && fnd.outcome !== 'BLOCK' && fnd.missingSteps.length === 0) return;
    }
    throw new Error('no demo customer may buy both the test policy and an R1 fund');
  });

  afterAll(async () => {
    await t?.close();
    await partner?.stop();
  });

  it("states the partner's reasons with its code as the source, as a local line's would be", async () => {
    partner.mode = 'warn';
    const d = await check(insuranceId);
    expect(d.outcome).toBe('WARN');
    expect(d.reasons).toEqual([
      { code: 'INSURANCE_ADVICE', outcome: 'WARN', ruleId: 'core.remote-line', source: 'insurance', message: '请阅读条款：INS-T-TERM' },
    ]);
  });

  it('asks once per request for every remote product of an eligibility list, beside the local lines', async () => {
    partner.mode = 'warn';
    const before = partner.evaluateCalls().length;
    const edges = await eligible();
    const calls = partner.evaluateCalls().slice(before);
    expect(calls).toHaveLength(1);
    // The three products on sale (the draft is not a candidate), each once.
    expect(calls[0]!.requests.map((r) => r.productCode).sort()).toEqual(['INS-T-ENDOW', 'INS-T-HEALTH', 'INS-T-TERM']);
    expect(calls[0]!.requests.map((r) => r.key)).toEqual(['0', '1', '2']);
    const insurance = edges.filter((e) => e.node.line === 'INSURANCE');
    expect(insurance.map((e) => e.node.code).sort()).toEqual(['INS-T-ENDOW', 'INS-T-HEALTH', 'INS-T-TERM']);
    for (const e of insurance) expect(e.decision.reasons.map((r) => r.code)).toContain('INSURANCE_ADVICE');
    expect(edges.some((e) => e.node.line === 'FUNDS')).toBe(true);
  });

  it('a page of customers with their eligible products is still one call', async () => {
    partner.mode = 'warn';
    const before = partner.evaluateCalls().length;
    const r = await t.gql(`{ customers(first: 8) { edges { node { eligibleProducts(first: 5, line: INSURANCE) { totalCount } } } } }`);
    expect(r.errors).toBeUndefined();
    const calls = partner.evaluateCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.requests).toHaveLength(8 * 3);
  });

  it("sends only the contract's facts: never the customer's name, ID number, phone, birth date or id", async () => {
    partner.mode = 'warn';
    const before = partner.evaluateCalls().length;
    // A note typed into the order is not a term the contract names: it stays with the bank.
    await check(insuranceId, { details: { premiumMode: 'SINGLE', note: 'call Mr Wang on 13800000000' } });
    const [call] = partner.evaluateCalls().slice(before);
    expect(call!.body).not.toContain('13800000000');
    const [row] = await t.host.runtime.database.db
      .select()
      .from(customers)
      .where(eq(customers.id, numericIdOf(customerId, 'Customer')!));
    for (const personal of [row!.name, row!.idNumber, row!.phone, row!.birthDate, customerId]) expect(call!.body).not.toContain(personal);
    const [request] = call!.requests;
    expect(Object.keys(request!).sort()).toEqual(['customer', 'key', 'productCode', 'sale']);
    const declared = new Set(FAKE_FACTS);
    for (const k of Object.keys(request!.customer)) expect(declared.has(`customer.${k}`), `customer.${k} was not declared`).toBe(true);
    for (const k of Object.keys(request!.sale)) if (k !== 'details') expect(declared.has(`sale.${k}`), `sale.${k} was not declared`).toBe(true);
    for (const k of Object.keys(JSON.parse(request!.sale.details as string)))
      expect(declared.has(`sale.details.${k}`), `sale.details.${k} was not declared`).toBe(true);
    expect(request).toMatchObject({
      key: '0',
      productCode: 'INS-T-TERM',
      customer: { riskLevel: expect.stringMatching(/^C[1-5]$/), personalAnnualIncome: expect.any(String) },
      sale: { side: 'BUY', amount: '1000', channel: 'ONLINE', details: '{"premiumMode":"SINGLE"}', completedSteps: [] },
    });
    expect(request!.customer.age).toBeGreaterThanOrEqual(25);
    // The caller's own token goes along: the partner verifies it.
    expect(call!.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('a partner that times out blocks its own products with RULE_ERROR, and only them', async () => {
    partner.mode = 'slow';
    const started = Date.now();
    const ins = await check(insuranceId);
    expect(Date.now() - started).toBeLessThan(partner.slowMs);
    expect(ins.outcome).toBe('BLOCK');
    expect(ins.reasons).toEqual([expect.objectContaining({ code: 'RULE_ERROR', outcome: 'BLOCK', ruleId: 'core.remote-line', source: 'insurance' })]);
    const fund = await check(fundId);
    expect(fund.outcome).not.toBe('BLOCK');
    expect(fund.reasons.map((r) => r.code)).not.toContain('RULE_ERROR');
    const edges = await eligible();
    expect(edges.filter((e) => e.node.line === 'INSURANCE')).toEqual([]);
    expect(edges.filter((e) => e.node.line === 'FUNDS').length).toBeGreaterThan(0);
    // Logged as a kind and a count, without the customer.
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'remote line suitability call failed' && l.problem === 'timeout');
    expect(line).toMatchObject({ remoteLine: 'insurance', problem: 'timeout', requests: 1 });
    const [row] = await t.host.runtime.database.db
      .select()
      .from(customers)
      .where(eq(customers.id, numericIdOf(customerId, 'Customer')!));
    for (const personal of [row!.name, row!.idNumber, row!.phone]) expect(logs.join('\n')).not.toContain(personal);
  });

  it.each<PartnerMode>(['status-500', 'not-json', 'wrong-shape', 'unknown-outcome', 'unprefixed', 'unlisted'])(
    'a partner answering %s blocks its products with RULE_ERROR; the fund is unaffected',
    async (mode) => {
      partner.mode = mode;
      const ins = await check(insuranceId);
      expect(ins.outcome).toBe('BLOCK');
      expect(ins.reasons.map((r) => [r.code, r.source])).toEqual([['RULE_ERROR', 'insurance']]);
      const fund = await check(fundId);
      expect(fund.reasons.map((r) => r.code)).not.toContain('RULE_ERROR');
      expect(fund.outcome).not.toBe('BLOCK');
    },
  );

  it('reads the contract again after a verdict cites a code it does not list', async () => {
    partner.mode = 'unlisted';
    await check(insuranceId);
    const before = partner.calls.filter((c) => c.kind === 'contract').length;
    partner.mode = 'warn';
    expect((await check(insuranceId)).outcome).toBe('WARN');
    expect(partner.calls.filter((c) => c.kind === 'contract').length).toBe(before + 1);
  });

  it("the partner's BLOCK stops placeOrder and nothing is booked; its WARN lets the order through", async () => {
    partner.mode = 'block';
    const before = await ordersOf(insuranceId);
    const refused = await place(insuranceId, '1000');
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');
    expect((refused.errors?.[0]?.extensions?.reasons as Reason[]).map((r) => r.code)).toEqual(['INSURANCE_NOT_FOR_YOU']);
    expect(await ordersOf(insuranceId)).toBe(before);

    partner.mode = 'warn';
    const accepted = await place(insuranceId, '1000');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.placeOrder.__typename).toBe('Order');
    expect(await ordersOf(insuranceId)).toBe(before + 1);
  });

  it("a partner's REQUIRE asks for its step before the order, like a local line's", async () => {
    partner.mode = 'require';
    const before = await ordersOf(insuranceId);
    const refused = await place(insuranceId, '1000');
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUITABILITY_STEPS_REQUIRED');
    expect(refused.errors?.[0]?.extensions?.missingSteps).toEqual(['NEEDS_ANALYSIS']);
    expect(await ordersOf(insuranceId)).toBe(before);
    const accepted = await place(insuranceId, '1000', ['NEEDS_ANALYSIS']);
    expect(accepted.errors).toBeUndefined();
    expect(await ordersOf(insuranceId)).toBe(before + 1);
  });

  it('an unreachable partner blocks its own orders only: a fund order still goes through', async () => {
    partner.mode = 'slow';
    const refused = await place(insuranceId, '1000');
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');
    const fundOrder = await place(fundId, fundAmount);
    expect(fundOrder.errors).toBeUndefined();
    expect(fundOrder.data.placeOrder.__typename).toBe('Order');
  });

  it("an impact preview judges a partner's products on the bank's own rules (the partner's verdict is the same on both sides) and says so", async () => {
    // Senior from 50 instead of 65: customers of 50–64 get the senior warning on every line — the partner's too.
    const r = await t.gql<{ previewRuleChange: { id: string } }>(`mutation($i: PreviewRuleChangeInput!) { previewRuleChange(input: $i) { id } }`, {
      i: { settings: [{ key: 'core.seniorCustomerAge', value: 50 }] },
    });
    expect(r.errors).toBeUndefined();
    const calls = partner.calls.length;
    let report: { status: string; partnerJudgedLines: string[]; byLine: { key: string; changes: number }[] } | undefined;
    for (let i = 0; i < 300 && (!report || report.status === 'RUNNING'); i++) {
      if (report) await new Promise((res) => setTimeout(res, 100));
      const n = await t.gql<{ node: typeof report }>(
        `query($id: ID!) { node(id: $id) { ... on ImpactReport { status partnerJudgedLines byLine { key changes } } } }`,
        { id: r.data!.previewRuleChange.id },
      );
      report = n.data!.node!;
    }
    expect(report!.status).toBe('DONE');
    expect(report!.partnerJudgedLines).toEqual(['INSURANCE']);
    const insurance = report!.byLine.find((l) => l.key === 'INSURANCE');
    expect(insurance?.changes).toBeGreaterThan(0);
    // Judged on the bank's rules: the senior warning appears (ALLOW → WARN). Before, the missing partner verdict made
    // every insurance pair BLOCK with RULE_ERROR on both sides, so no loss or gain could ever show for the line.
    const e = await t.gql<{ node: { entries: { edges: { node: { before: string; after: string; codesAdded: string[] } }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on ImpactReport { entries(first: 100, line: "INSURANCE") { edges { node { before after codesAdded } } } } } }`,
      { id: r.data!.previewRuleChange.id },
    );
    const moves = e.data!.node.entries.edges.map((x) => x.node);
    expect(moves.length).toBe(insurance!.changes);
    for (const m of moves) {
      expect(m.before).not.toBe('BLOCK');
      expect(m.codesAdded).not.toContain('RULE_ERROR');
    }
    expect(moves.some((m) => m.after === 'WARN')).toBe(true);
    expect(report!.byLine.find((l) => l.key === 'FUNDS')?.changes).toBeGreaterThan(0);
    // A preview calls no partner.
    expect(partner.calls.length).toBe(calls);
  });

  it('serves the line as a federation entity: the SDL carries @key(fields: "code") and _entities resolves the bank\'s listing by code', async () => {
    const sdl = await t.gql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(sdl.errors).toBeUndefined();
    expect(sdl.data!._service.sdl).toMatch(/type InsuranceProduct implements Node & Product\s+@key\(fields: "code"\)/);
    const entities = await t.gql<{ _entities: ({ code: string; name: string; riskRating: string; line: string } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on InsuranceProduct { code name riskRating line } } }`,
      {
        r: [
          { __typename: 'InsuranceProduct', code: 'INS-T-ENDOW' },
          { __typename: 'InsuranceProduct', code: 'NO-SUCH-CODE' },
        ],
      },
      { lang: 'en' },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([{ code: 'INS-T-ENDOW', name: 'Test policy INS-T-ENDOW', riskRating: 'R1', line: 'INSURANCE' }, null]);
  });
});
