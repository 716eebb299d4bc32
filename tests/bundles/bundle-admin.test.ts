import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { countRows, nonFxLines, productsWhere, type ProductRow } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const BUNDLE = `id code version status kind validFrom validTo items { product { id } role quantity share suggestedAmount { amount } } services { code kind amount { amount } } target { riskAttitudes }`;
const CREATE = `mutation($i: BundleDesignInput!) { createBundle(input: $i) { ... on Bundle { ${BUNDLE} } } }`;
const UPDATE = `mutation($i: UpdateBundleInput!) { updateBundle(input: $i) { ... on Bundle { ${BUNDLE} } } }`;
const RETIRE = `mutation($i: RetireBundleInput!) { retireBundle(input: $i) { ... on Bundle { id status } } }`;
const ORDER = `mutation($i: PlaceBundleOrderInput!) { placeBundleOrder(input: $i) { ... on BundleOrder { id bundle { id version } orders { id status amount { amount } } services { code kind } } } }`;

// 套餐管理 and 套餐办理 through the API on both drivers: head office designs, versions and retires bundles
// (refused when an item could not be sold to anyone of the segment); a bundle order books every item or none.
describe.each(testDrivers())('bundle administration and bundle orders (%s)', (driver) => {
  let t: TestHost;
  let mmf: ProductRow;
  let bond: ProductRow;
  let equity: ProductRow;
  let keys = 0;
  const key = () => `bundle-${driver}-${++keys}-${Date.now()}`;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const design = (over: Record<string, unknown> = {}) => ({
    code: `T-CONS-${keys}`,
    nameZh: '测试保守组合',
    nameEn: 'Test conservative',
    descriptionZh: '货币基金 + 债券基金 + 网银',
    descriptionEn: 'Money-market and bond funds with online banking',
    kind: 'RISK_ATTITUDE',
    target: { riskAttitudes: ['CONSERVATIVE'] },
    pricing: { feeDiscountPercent: '30', waivedFees: [{ code: 'SMS_ALERTS', nameZh: '短信费', nameEn: 'SMS fee' }], noteZh: '测试', noteEn: 'Test' },
    items: [
      { productId: toGlobalId('Product', mmf.id), roleZh: '现金管理', roleEn: 'Cash', suggestedAmount: '1000', share: '0.4' },
      {
        productId: toGlobalId('Product', bond.id),
        roleZh: '稳健增值',
        roleEn: 'Growth',
        suggestedAmount: String(Math.max(1000, Number(bond.minimumAmount))),
        share: '0.6',
      },
    ],
    services: [{ code: 'ONLINE_BANKING' }, { code: 'MINIMUM_DEPOSIT', amount: '1000' }],
    reason: '测试设计',
    ...over,
  });
  const bundleRows = () => countRows(t, sql`select count(*) as n from bundles`);
  /** Each customer's verdicts at the counter on the two funds the test bundles hold (`a`: money market, `b`: bond). */
  const fundVerdicts = async (): Promise<any[]> => {
    const page = await t.gql(
      `query($a: ID!, $b: ID!) { customers(first: 60) { edges { node { id
      a: suitability(productId: $a, amount: "1000", channel: COUNTER, initiator: CUSTOMER) { outcome requiredSteps }
      b: suitability(productId: $b, amount: "${Math.max(1000, Number(bond.minimumAmount))}", channel: COUNTER, initiator: CUSTOMER) { outcome requiredSteps } } } } }`,
      { a: toGlobalId('Product', mmf.id), b: toGlobalId('Product', bond.id) },
    );
    return page.data.customers.edges.map((e: any) => e.node);
  };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: nonFxLines });
    const fundsOnSale = await productsWhere(t, (p) => p.line === 'FUNDS' && p.saleEnd === null);
    mmf = fundsOnSale.find((p) => p.riskRating === 'R1')!;
    bond = fundsOnSale.find((p) => p.riskRating === 'R2')!;
    equity = fundsOnSale.find((p) => p.riskRating === 'R5') ?? fundsOnSale.find((p) => p.riskRating === 'R4')!;
    expect([mmf, bond, equity].every(Boolean)).toBe(true);
  }, 180_000);
  afterAll(() => t?.close());

  it('creates a bundle (head office only), with products, shares, services and pricing, audited', async () => {
    const r = await t.gql(CREATE, { i: design() }, { lang: 'en' });
    expect(r.errors).toBeUndefined();
    expect(r.data.createBundle).toMatchObject({ version: 1, status: 'ACTIVE', kind: 'RISK_ATTITUDE', target: { riskAttitudes: ['CONSERVATIVE'] } });
    expect(r.data.createBundle.items.map((i: any) => i.share)).toEqual(['0.4', '0.6']);
    expect(r.data.createBundle.services).toEqual([
      { code: 'ONLINE_BANKING', kind: 'ENTITLEMENT', amount: null },
      { code: 'MINIMUM_DEPOSIT', kind: 'CONDITION', amount: { amount: '1000' } },
    ]);
    const audit = await countRows(t, sql`select count(*) as n from audit_events where action = 'BUNDLE_CREATED' and target_id = ${r.data.createBundle.id}`);
    expect(audit).toBe(1);
    expect(code(await t.gql(CREATE, { i: design({ code: 'T-OTHER' }) }, { as: { role: 'RELATIONSHIP_MANAGER', managerId: 1 } }))).toBe('FORBIDDEN');
    // The same code again: CONFLICT.
    expect(code(await t.gql(CREATE, { i: design({ code: r.data.createBundle.code }) }))).toBe('CONFLICT');
  });

  it('refuses, before writing anything, an item no customer of the segment could be sold, naming it with its reasons', async () => {
    const before = await bundleRows();
    const risky = design({
      code: 'T-RISKY',
      items: [
        {
          productId: toGlobalId('Product', equity.id),
          roleZh: '权益',
          roleEn: 'Equity',
          suggestedAmount: String(Math.max(1000, Number(equity.minimumAmount))),
        },
        design().items[0],
      ],
    });
    const r = await t.gql(CREATE, { i: risky }, { lang: 'en' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
    const items = r.errors![0]!.extensions!.items as { productCode: string; reasons: { code: string; outcome: string }[] }[];
    expect(items.map((i) => i.productCode)).toEqual([equity.code]);
    expect(items[0]!.reasons.length).toBeGreaterThan(0);
    expect(items[0]!.reasons.every((x) => x.outcome === 'BLOCK')).toBe(true);
    // For aggressive customers the same product is fine.
    const ok = await t.gql(CREATE, { i: { ...risky, code: 'T-AGGRESSIVE', target: { riskAttitudes: ['AGGRESSIVE'] } } });
    expect(ok.errors).toBeUndefined();
    // Shapes and references: each BAD_USER_INPUT naming the field, nothing written.
    const bad = async (over: Record<string, unknown>, field: string) =>
      expect((await t.gql(CREATE, { i: design({ code: `T-BAD-${field.replace(/\W/g, '').toUpperCase()}`, ...over }) })).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    await bad({ code: 'lower' }, 'code');
    await bad({ items: [] }, 'items');
    await bad({ items: [design().items[0]], services: [] }, 'items');
    await bad({ items: [design().items[0], design().items[0]] }, 'items');
    await bad({ items: [{ ...design().items[0], share: '0.7' }, design().items[1]] }, 'items');
    await bad({ items: [{ ...design().items[0], productId: toGlobalId('Product', 999999) }] }, 'items[0].productId');
    await bad({ services: [{ code: 'FREE_LUNCH' }] }, 'services[0].code');
    await bad({ services: [{ code: 'MINIMUM_DEPOSIT' }] }, 'services[0].amount');
    await bad({ target: { riskAttitudes: ['RECKLESS'] } }, 'target.riskAttitudes');
    await bad({ validFrom: '2027-01-01T00:00:00.000Z', validTo: '2026-12-01T00:00:00.000Z' }, 'validTo');
    await bad({ reason: ' ' }, 'reason');
    expect(await bundleRows()).toBe(before + 1);
  });

  it('versions a bundle: the old version SUPERSEDED and still listed with includeSuperseded; a stale update CONFLICTs; retired bundles are not offered', async () => {
    const v1 = (await t.gql(CREATE, { i: design({ code: 'T-VERSIONED' }) })).data.createBundle;
    const up = await t.gql(UPDATE, { i: { ...design({ code: 'T-VERSIONED', nameEn: 'Test conservative v2' }), bundleId: v1.id } });
    expect(up.errors).toBeUndefined();
    const v2 = up.data.updateBundle;
    expect(v2).toMatchObject({ code: 'T-VERSIONED', version: 2, status: 'ACTIVE' });
    expect((await t.gql(`query($id: ID!) { node(id: $id) { ... on Bundle { status version } } }`, { id: v1.id })).data.node).toEqual({
      status: 'SUPERSEDED',
      version: 1,
    });
    expect(code(await t.gql(UPDATE, { i: { ...design({ code: 'T-VERSIONED' }), bundleId: v1.id } }))).toBe('CONFLICT');
    const listed = async (includeSuperseded: boolean) =>
      (
        await t.gql(`query($s: Boolean!) { bundles(first: 100, includeSuperseded: $s) { edges { node { code version } } } }`, { s: includeSuperseded })
      ).data.bundles.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.code === 'T-VERSIONED')
        .map((n: any) => n.version);
    expect(await listed(false)).toEqual([2]);
    expect(await listed(true)).toEqual([1, 2]);
    const retired = await t.gql(RETIRE, { i: { bundleId: v2.id, reason: '停售' } });
    expect(retired.data.retireBundle.status).toBe('RETIRED');
    expect(code(await t.gql(RETIRE, { i: { bundleId: v2.id, reason: '再次' } }))).toBe('CONFLICT');
    const actions = (await t.host.runtime.database.db.execute(
      sql`select action from audit_events where target_type = 'Bundle' and details->>'code' = 'T-VERSIONED' order by id`,
    )) as unknown;
    const rows = (Array.isArray(actions) ? actions : (actions as { rows: unknown[] }).rows) as { action: string }[];
    expect(rows.map((x) => x.action)).toEqual(['BUNDLE_CREATED', 'BUNDLE_UPDATED', 'BUNDLE_RETIRED']);
  });

  it('sells a bundle all or nothing: every item booked in one transaction with the entitlements, or a refusal naming each item', async () => {
    const b = (await t.gql(CREATE, { i: design({ code: 'T-SELL', target: {} }) })).data.createBundle;
    // A customer to whom both funds can be sold at the counter, and one to whom the bond fund cannot.
    const nodes = await fundVerdicts();
    const buyer = nodes.find((n: any) => n.a.outcome !== 'BLOCK' && n.b.outcome !== 'BLOCK');
    const refused = nodes.find((n: any) => n.a.outcome !== 'BLOCK' && n.b.outcome === 'BLOCK');
    expect(buyer && refused).toBeTruthy();
    const steps = [...new Set([...buyer.a.requiredSteps, ...buyer.b.requiredSteps])];
    const input = (customerId: string, idempotencyKey = key()) => ({
      bundleId: b.id,
      customerId,
      channel: 'COUNTER',
      initiator: 'CUSTOMER',
      completedSteps: steps,
      idempotencyKey,
    });
    const ordersOf = (id: string) =>
      countRows(t, sql`select count(*) as n from orders where customer_id = ${Number(Buffer.from(id, 'base64url').toString().split(':')[1])}`);

    const k = key();
    const placed = await t.gql(ORDER, { i: input(buyer.id, k) });
    expect(placed.errors).toBeUndefined();
    const bo = placed.data.placeBundleOrder;
    expect(bo.bundle).toEqual({ id: b.id, version: 1 });
    expect(bo.orders).toHaveLength(2);
    expect(bo.services).toEqual([
      { code: 'ONLINE_BANKING', kind: 'ENTITLEMENT' },
      { code: 'MINIMUM_DEPOSIT', kind: 'CONDITION' },
    ]);
    expect((await t.gql(ORDER, { i: input(buyer.id, k) })).data.placeBundleOrder.id).toBe(bo.id);
    const entitled = await countRows(
      t,
      sql`select count(*) as n from customer_entitlements where code = 'ONLINE_BANKING' and bundle_order_id = ${Number(Buffer.from(bo.id, 'base64url').toString().split(':')[1])}`,
    );
    expect(entitled).toBe(1);
    expect(
      (await t.gql(`query($id: ID!) { customer(id: $id) { bundleOrders { id } } }`, { id: buyer.id })).data.customer.bundleOrders.map((x: any) => x.id),
    ).toContain(bo.id);

    // The other customer: the bond fund is blocked, so nothing is booked — not even the money-market fund.
    const before = await ordersOf(refused.id);
    const no = await t.gql(ORDER, { i: input(refused.id) }, { lang: 'en' });
    expect(no.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');
    const items = no.errors![0]!.extensions!.items as { productCode: string; outcome: string; decisionId: string }[];
    expect(items.map((i) => [i.productCode, i.outcome === 'BLOCK'])).toEqual([
      [mmf.code, false],
      [bond.code, true],
    ]);
    expect(await ordersOf(refused.id)).toBe(before);
    const recorded = await countRows(
      t,
      sql`select count(*) as n from suitability_decisions where purpose = 'BUNDLE_REFUSED' and customer_id = ${Number(Buffer.from(refused.id, 'base64url').toString().split(':')[1])}`,
    );
    expect(recorded).toBe(2);

    // A new version: the old one is still sold within the grace days; a retired one is not.
    const v2 = (await t.gql(UPDATE, { i: { ...design({ code: 'T-SELL', target: {} }), bundleId: b.id } })).data.updateBundle;
    const old = await t.gql(ORDER, { i: input(buyer.id) });
    expect(old.errors).toBeUndefined();
    expect(old.data.placeBundleOrder.bundle.version).toBe(1);
    await t.gql(RETIRE, { i: { bundleId: v2.id, reason: '停售' } });
    expect(code(await t.gql(ORDER, { i: { ...input(buyer.id), bundleId: v2.id } }))).toBe('BAD_USER_INPUT');
  });

  it('holds a bundle order whose items reach the maker-checker bar; refused on approval it stays open; approved, it is placed as made and the maker’s key replays it', async () => {
    const b = (await t.gql(CREATE, { i: design({ code: 'T-HELD', target: {} }) })).data.createBundle;
    const buyer = (await fundVerdicts()).find((n: any) => n.a.outcome !== 'BLOCK' && n.b.outcome !== 'BLOCK');
    const input = (idempotencyKey: string) => ({
      bundleId: b.id,
      customerId: buyer.id,
      channel: 'COUNTER',
      initiator: 'CUSTOMER',
      completedSteps: [...new Set([...buyer.a.requiredSteps, ...buyer.b.requiredSteps])],
      idempotencyKey,
    });
    const HELD = `mutation($i: PlaceBundleOrderInput!) { placeBundleOrder(input: $i) { __typename
      ... on Approval { id status action targetType } ... on BundleOrder { id orders { id } } } }`;
    const maker = { as: { role: 'HEAD_OFFICE', subject: 'ho-bundle-maker' } as never };
    const bundleOrdersOf = () =>
      countRows(t, sql`select count(*) as n from bundle_orders where bundle_id = ${Number(Buffer.from(b.id, 'base64url').toString().split(':')[1])}`);
    const total = 1000 + Math.max(1000, Number(bond.minimumAmount));
    const settings = t.host.runtime.settings;
    try {
      // The bar one above the bundle's total: not held, placed at once.
      await settings.set('core.makerChecker', { actions: ['PLACE_BUNDLE_ORDER'], orderAmountFromCny: String(total + 1) });
      const under = await t.gql(HELD, { i: input(key()) }, maker);
      expect(under.errors).toBeUndefined();
      expect(under.data.placeBundleOrder.__typename).toBe('BundleOrder');
      // At the total: held, nothing booked; the same key returns the same approval.
      await settings.set('core.makerChecker', { actions: ['PLACE_BUNDLE_ORDER'], orderAmountFromCny: String(total) });
      const k = key();
      const before = await bundleOrdersOf();
      const held = await t.gql(HELD, { i: input(k) }, maker);
      expect(held.errors).toBeUndefined();
      expect(held.data.placeBundleOrder).toMatchObject({
        __typename: 'Approval',
        status: 'AWAITING_APPROVAL',
        action: 'PLACE_BUNDLE_ORDER',
        targetType: 'CustomerBundle',
      });
      const approvalId = held.data.placeBundleOrder.id;
      expect((await t.gql(HELD, { i: input(k) }, maker)).data.placeBundleOrder.id).toBe(approvalId);
      expect(await bundleOrdersOf()).toBe(before);
      const approve = () =>
        t.gql(
          `mutation($id: ID!) { approve(id: $id) { status resultType resultId } }`,
          { id: approvalId },
          { as: { role: 'CHECKER', subject: 'checker-hq' } as never },
        );
      // Approved while the buyer's risk assessment is withdrawn: refused, nothing booked, the approval stays open.
      const buyerKey = Number(Buffer.from(buyer.id, 'base64url').toString().split(':')[1]);
      const level = await t.host.runtime.database.db.execute(sql`select risk_level from customers where id = ${buyerKey}`);
      const was = ((level as any).rows ?? level)[0].risk_level;
      await t.host.runtime.database.db.execute(sql`update customers set risk_level = null where id = ${buyerKey}`);
      try {
        const refused = await approve();
        expect(['SUITABILITY_BLOCKED', 'SUITABILITY_STEPS_REQUIRED']).toContain(code(refused));
        expect(await bundleOrdersOf()).toBe(before);
        expect((await t.gql(HELD, { i: input(k) }, maker)).data.placeBundleOrder).toMatchObject({ __typename: 'Approval', id: approvalId });
      } finally {
        await t.host.runtime.database.db.execute(sql`update customers set risk_level = ${was} where id = ${buyerKey}`);
      }
      // Approved again once the facts allow: the bundle is placed as its maker made it (not the refusal replayed);
      // the maker's key then replays that bundle order.
      const ok = await approve();
      expect(ok.errors).toBeUndefined();
      expect(ok.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'BundleOrder' });
      expect(await bundleOrdersOf()).toBe(before + 1);
      const replay = await t.gql(HELD, { i: input(k) }, maker);
      expect(replay.data.placeBundleOrder).toMatchObject({ __typename: 'BundleOrder', id: ok.data.approve.resultId });
      expect(replay.data.placeBundleOrder.orders).toHaveLength(2);
      expect(await bundleOrdersOf()).toBe(before + 1);
    } finally {
      await settings.set('core.makerChecker', { actions: [], orderAmountFromCny: '1000000' });
    }
  });

  it('offers only bundles within their dates', async () => {
    const future = (await t.gql(CREATE, { i: design({ code: 'T-LATER', target: {}, validFrom: new Date(Date.now() + 86_400_000).toISOString() }) })).data
      .createBundle;
    const page = await t.gql(`{ customers(first: 1) { edges { node { id bundleOffers { bundle { code } } } } } }`);
    const c = page.data.customers.edges[0].node;
    expect(c.bundleOffers.map((o: any) => o.bundle.code)).not.toContain('T-LATER');
    expect(
      code(
        await t.gql(ORDER, {
          i: { bundleId: future.id, customerId: c.id, channel: 'COUNTER', initiator: 'CUSTOMER', completedSteps: [], idempotencyKey: key() },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
