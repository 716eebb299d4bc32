import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS } from '../../src/controls/maker-checker/maker-checker.settings.js';
import { numericIdOf, toGlobalId } from '../../src/graphql/relay/global-id.js';
import { countRows, findCandidate, nonFxLines, orderInput, productsWhere } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const APPROVAL = `id status action targetType targetId input maker { subject role } checker { subject role } decidedAt reason resultType resultId branch { id }`;
const ADJUST = `mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { __typename ... on Approval { ${APPROVAL} } ... on PointsEntry { id points } } }`;
const GRADE = `mutation($m: ID!, $g: ManagerGrade!, $r: String!) { changeManagerGrade(managerId: $m, grade: $g, reason: $r) { __typename ... on Approval { ${APPROVAL} } ... on CustomerManager { id grade } } }`;
const APPROVE = `mutation($id: ID!) { approve(id: $id) { ${APPROVAL} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { reject(id: $id, reason: $r) { ${APPROVAL} } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Approval { ${APPROVAL} } ... on Order { id orderStatus: status amount { amount } } } }`;
const LIST = `query($f: ApprovalFilter) { approvals(first: 100, filter: $f) { totalCount edges { node { id status action } } } }`;

// 双人复核 on both drivers: what core.makerChecker lists is held with its validated input until a second person with the
// checker permission approves it (it then runs as its maker, re-validated) or rejects it; never the maker, never a
// checker-only role making; scope for every role; two at once on PostgreSQL.
describe.each(testDrivers())('maker-checker (%s)', (driver) => {
  let t: TestHost;
  let customer: { key: number; id: string; branchId: number; managerId: number };
  let otherBranch: number;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const db = () => t.host.runtime.database.db;
  const MAKER = { role: 'HEAD_OFFICE', subject: 'ho-maker' } as const;
  const HO_CHECKER = { role: 'HEAD_OFFICE', subject: 'ho-checker', checker: true } as const;
  const CHECKER = { role: 'CHECKER', subject: 'checker-hq' } as const;
  const as = (p: object) => ({ as: p as never });
  const enable = (over: Record<string, unknown> = {}) =>
    t.host.runtime.settings.set('core.makerChecker', { actions: [...APPROVAL_ACTIONS], orderAmountFromCny: '1000000', ...over });

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: nonFxLines });
    const rows = (await db()
      .execute(sql`select c.id, c.branch_id, c.manager_id, (select id from branches b where b.id <> c.branch_id order by id limit 1) as other
      from customers c where c.manager_id is not null order by id limit 1`)) as any;
    const row = (rows.rows ?? rows)[0];
    customer = { key: Number(row.id), id: toGlobalId('Customer', Number(row.id)), branchId: Number(row.branch_id), managerId: Number(row.manager_id) };
    otherBranch = Number(row.other);
    enable();
  }, 180_000);
  afterAll(() => t?.close());

  it('holds a point adjustment with its validated input; only a second person with the checker permission runs it', async () => {
    const lines = () => countRows(t, sql`select count(*) as n from points_ledger where customer_id = ${customer.key} and kind = 'ADJUSTED'`);
    const before = await lines();
    const held = await t.gql(ADJUST, { i: { customerId: customer.id, points: 800, reason: '  投诉补偿  ' } }, as(MAKER));
    expect(held.errors).toBeUndefined();
    const a = held.data.adjustPoints;
    expect(a).toMatchObject({
      __typename: 'Approval',
      status: 'AWAITING_APPROVAL',
      action: 'ADJUST_POINTS',
      targetType: 'Customer',
      targetId: customer.id,
      maker: { subject: 'ho-maker', role: 'HEAD_OFFICE' },
      checker: null,
      branch: null,
    });
    // The input as validated: the reason trimmed.
    expect(a.input).toEqual({ customerId: customer.id, points: 800, reason: '投诉补偿' });
    expect(await lines()).toBe(before);
    // Bad input is refused before anything is held.
    expect(code(await t.gql(ADJUST, { i: { customerId: customer.id, points: 0, reason: 'x' } }, as(MAKER)))).toBe('BAD_USER_INPUT');
    // A second pending adjustment of the same customer: CONFLICT naming the one pending.
    const second = await t.gql(ADJUST, { i: { customerId: customer.id, points: 5, reason: '再次' } }, as({ role: 'HEAD_OFFICE', subject: 'ho-other' }));
    expect(second.errors![0].extensions).toMatchObject({ code: 'CONFLICT', approvalId: a.id });
    // Not the maker, not without the permission, not a role that cannot check.
    expect(second.errors![0].message).toBeTruthy();
    const self = await t.gql(APPROVE, { id: a.id }, as({ ...MAKER, checker: true }));
    expect(self.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    for (const p of [
      { role: 'HEAD_OFFICE', subject: 'ho-plain' },
      { role: 'RELATIONSHIP_MANAGER', managerId: customer.managerId },
      { role: 'AUDITOR' },
      { role: 'PARTNER', partnerCode: 'funds' },
    ]) {
      expect(code(await t.gql(APPROVE, { id: a.id }, as(p)))).toBe('FORBIDDEN');
    }
    // A branch checker does not decide a bank-wide action: it does not exist for them.
    expect(code(await t.gql(APPROVE, { id: a.id }, as({ role: 'CHECKER', subject: 'checker-b', branchId: customer.branchId })))).toBe('NOT_FOUND');
    expect(await lines()).toBe(before);
    const ok = await t.gql(APPROVE, { id: a.id }, as(CHECKER));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.approve).toMatchObject({ status: 'APPROVED', checker: { subject: 'checker-hq', role: 'CHECKER' }, resultType: 'PointsEntry' });
    expect(await lines()).toBe(before + 1);
    const entry = await t.gql(`query($id: ID!) { node(id: $id) { ... on PointsEntry { points reason } } }`, { id: ok.data.approve.resultId });
    expect(entry.data.node).toEqual({ points: 800, reason: '投诉补偿' });
    // The entry was booked as the maker made it.
    expect(
      await countRows(
        t,
        sql`select count(*) as n from points_ledger where customer_id = ${customer.key} and kind = 'ADJUSTED' and actor = 'HEAD_OFFICE:ho-maker'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(code(await t.gql(APPROVE, { id: a.id }, as(HO_CHECKER)))).toBe('CONFLICT');
    expect(code(await t.gql(REJECT, { id: a.id, r: '晚了' }, as(HO_CHECKER)))).toBe('CONFLICT');
    const audit = (await db().execute(sql`select action from audit_events where target_id = ${a.id} order by id`)) as any;
    expect((audit.rows ?? audit).map((r: any) => r.action)).toEqual(['APPROVAL_REQUESTED', 'APPROVAL_APPROVED']);
  });

  it('an approve that booked the adjustment and died before marking the approval: approved again, it books nothing more', async () => {
    const balance = async () => countRows(t, sql`select coalesce(sum(points), 0) as n from points_ledger where customer_id = ${customer.key}`);
    const held = (await t.gql(ADJUST, { i: { customerId: customer.id, points: 300, reason: '补偿（重复复核）' } }, as(MAKER))).data.adjustPoints;
    const first = await t.gql(APPROVE, { id: held.id }, as(CHECKER));
    expect(first.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'PointsEntry' });
    const after = await balance();
    // The state a crash leaves between the booking's commit and the approval's: awaiting approval, its claim lapsed.
    await db().execute(sql`update approvals set status = 'AWAITING_APPROVAL', checker_subject = null, checker_role = null, decided_at = null,
      result = null, claimed_by = 'checker-hq', claimed_at = now() - interval '1 hour' where id = ${numericIdOf(held.id, 'Approval')}`);
    const second = await t.gql(APPROVE, { id: held.id }, as(HO_CHECKER));
    expect(second.errors).toBeUndefined();
    expect(second.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'PointsEntry', resultId: first.data.approve.resultId });
    expect(await balance()).toBe(after);
    expect(await countRows(t, sql`select count(*) as n from points_ledger where approval_id = ${numericIdOf(held.id, 'Approval')}`)).toBe(1);
  });

  it('rejects with a reason (nothing runs), and an approval re-validates: a change that no longer holds is refused and stays pending', async () => {
    const [m] =
      ((await db().execute(sql`select id, grade from managers order by id limit 1`)) as any).rows ??
      ((await db().execute(sql`select id, grade from managers order by id limit 1`)) as any);
    const managerId = toGlobalId('CustomerManager', Number(m.id));
    const target = m.grade === 'SENIOR' ? 'PRINCIPAL' : 'SENIOR';
    const held = await t.gql(GRADE, { m: managerId, g: target, r: '年度评定' }, as(MAKER));
    expect(held.data.changeManagerGrade).toMatchObject({ __typename: 'Approval', action: 'CHANGE_MANAGER_GRADE', status: 'AWAITING_APPROVAL' });
    const id = held.data.changeManagerGrade.id;
    expect(code(await t.gql(REJECT, { id, r: '   ' }, as(HO_CHECKER)))).toBe('BAD_USER_INPUT');
    const rejected = await t.gql(REJECT, { id, r: '材料不全' }, as(HO_CHECKER));
    expect(rejected.data.reject).toMatchObject({ status: 'REJECTED', reason: '材料不全', checker: { subject: 'ho-checker', role: 'HEAD_OFFICE' } });
    expect(await countRows(t, sql`select count(*) as n from managers where id = ${Number(m.id)} and grade = ${m.grade}`)).toBe(1);
    expect(code(await t.gql(APPROVE, { id }, as(CHECKER)))).toBe('CONFLICT');

    // Held again; meanwhile (maker-checker off for a moment) the grade is changed directly to the same target.
    const again = await t.gql(GRADE, { m: managerId, g: target, r: '年度评定（补）' }, as(MAKER));
    const againId = again.data.changeManagerGrade.id;
    enable({ actions: [] });
    expect((await t.gql(GRADE, { m: managerId, g: target, r: '直接调整' }, as(MAKER))).data.changeManagerGrade).toMatchObject({
      __typename: 'CustomerManager',
      grade: target,
    });
    enable();
    const stale = await t.gql(APPROVE, { id: againId }, as(CHECKER));
    expect(stale.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grade' });
    const still = await t.gql(`query($id: ID!) { node(id: $id) { ... on Approval { status checker { subject } } } }`, { id: againId }, as(CHECKER));
    expect(still.data.node).toEqual({ status: 'AWAITING_APPROVAL', checker: null });
    expect((await t.gql(REJECT, { id: againId, r: '已直接调整' }, as(CHECKER))).data.reject.status).toBe('REJECTED');
  });

  it('a checker-only role initiates nothing', async () => {
    const calls: [string, Record<string, unknown>][] = [
      [ADJUST, { i: { customerId: customer.id, points: 5, reason: 'x' } }],
      [GRADE, { m: toGlobalId('CustomerManager', 1), g: 'SENIOR', r: 'x' }],
      [
        `mutation($c: ID!) { redeemPoints(input: { customerId: $c, item: "TRANSFER_FEE_WAIVER", idempotencyKey: "checker-key-1" }) { id } }`,
        { c: customer.id },
      ],
      [`mutation($id: ID!) { fileComplaint(input: { customerId: $id, category: SERVICE, description: "x" }) { id } }`, { id: customer.id }],
    ];
    for (const [q, v] of calls) {
      for (const p of [CHECKER, { role: 'CHECKER', subject: 'checker-b', branchId: customer.branchId }])
        expect(code(await t.gql(q, v, as(p)))).toBe('FORBIDDEN');
    }
    // …and sees no customer.
    expect((await t.gql(`{ customers(first: 5) { totalCount } }`, {}, as(CHECKER))).data.customers.totalCount).toBe(0);
  });

  it("holds a large order by branch staff for the branch's checkers; approved, it is placed as the maker placed it, and the maker's key replays it", async () => {
    const cny = await productsWhere(t, (p) => p.currency === 'CNY' && p.coolingOffHours === 0 && p.unitPrice !== null);
    const c = await findCandidate(t, cny, (d) => d.outcome !== 'BLOCK');
    const [row] =
      ((await db().execute(sql`select manager_id, branch_id from customers where id = ${c.customerKey}`)) as any).rows ??
      ((await db().execute(sql`select manager_id, branch_id from customers where id = ${c.customerKey}`)) as any);
    if (!row.manager_id) throw new Error('candidate has no manager');
    const rm = { role: 'RELATIONSHIP_MANAGER', managerId: Number(row.manager_id) };
    enable({ orderAmountFromCny: Number(c.amount).toFixed(2) });
    const key = `mc-${randomUUID()}`;
    const input = orderInput(c, key);
    const orders = () => countRows(t, sql`select count(*) as n from orders where customer_id = ${c.customerKey}`);
    const before = await orders();
    const held = await t.gql(PLACE, { input }, as(rm));
    expect(held.errors).toBeUndefined();
    expect(held.data.placeOrder).toMatchObject({
      __typename: 'Approval',
      action: 'PLACE_ORDER',
      status: 'AWAITING_APPROVAL',
      branch: { id: toGlobalId('Branch', Number(row.branch_id)) },
    });
    const id = held.data.placeOrder.id;
    // The maker's replay returns the same approval; nothing is placed.
    expect((await t.gql(PLACE, { input }, as(rm))).data.placeOrder.id).toBe(id);
    expect(await orders()).toBe(before);
    // Another branch's checker: not theirs.
    expect(code(await t.gql(APPROVE, { id }, as({ role: 'BRANCH_MANAGER', branchId: otherBranch, checker: true })))).toBe('NOT_FOUND');
    // The branch manager without the checker claim may not; with it, may.
    expect(code(await t.gql(APPROVE, { id }, as({ role: 'BRANCH_MANAGER', branchId: Number(row.branch_id) })))).toBe('FORBIDDEN');
    const ok = await t.gql(APPROVE, { id }, as({ role: 'BRANCH_MANAGER', branchId: Number(row.branch_id), checker: true }));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'Order' });
    expect(await orders()).toBe(before + 1);
    // Sold by the maker: the seller is the relationship manager, the key theirs.
    expect(
      await countRows(t, sql`select count(*) as n from orders where customer_id = ${c.customerKey} and seller_manager_id = ${Number(row.manager_id)}`),
    ).toBeGreaterThanOrEqual(1);
    const replay = await t.gql(PLACE, { input }, as(rm));
    expect(replay.data.placeOrder).toMatchObject({ __typename: 'Order', id: ok.data.approve.resultId });
    expect(await orders()).toBe(before + 1);
    // Below the amount: placed at once.
    enable({ orderAmountFromCny: (Number(c.amount) + 1).toFixed(2) });
    const small = await t.gql(PLACE, { input: orderInput(c, `mc-${randomUUID()}`) }, as(rm));
    expect(small.data.placeOrder.__typename).toBe('Order');
    enable();
  });

  it('an approved order refused on the facts of the moment stays open; approved again once they allow, it is placed, not the refusal replayed', async () => {
    const cny = await productsWhere(t, (p) => p.currency === 'CNY' && p.coolingOffHours === 0 && p.unitPrice !== null);
    const c = await findCandidate(t, cny, (d) => d.outcome !== 'BLOCK', new Set([customer.key]));
    enable({ orderAmountFromCny: Number(c.amount).toFixed(2) });
    const input = orderInput(c, `mc-${randomUUID()}`);
    const orders = () => countRows(t, sql`select count(*) as n from orders where customer_id = ${c.customerKey}`);
    const before = await orders();
    const held = await t.gql(PLACE, { input }, as(MAKER));
    expect(held.data.placeOrder).toMatchObject({ __typename: 'Approval', status: 'AWAITING_APPROVAL' });
    const id = held.data.placeOrder.id;
    // Meanwhile the customer's risk assessment is withdrawn: the order is refused when approved.
    const [was] =
      ((await db().execute(sql`select risk_level from customers where id = ${c.customerKey}`)) as any).rows ??
      ((await db().execute(sql`select risk_level from customers where id = ${c.customerKey}`)) as any);
    await db().execute(sql`update customers set risk_level = null where id = ${c.customerKey}`);
    try {
      const refused = await t.gql(APPROVE, { id }, as(HO_CHECKER));
      expect(['SUITABILITY_BLOCKED', 'SUITABILITY_STEPS_REQUIRED']).toContain(code(refused));
      const still = await t.gql(`query($id: ID!) { node(id: $id) { ... on Approval { status } } }`, { id }, as(HO_CHECKER));
      expect(still.data.node).toEqual({ status: 'AWAITING_APPROVAL' });
      // The refusal is on record as a decision; nothing was booked.
      expect(await orders()).toBe(before);
    } finally {
      await db().execute(sql`update customers set risk_level = ${was.risk_level} where id = ${c.customerKey}`);
    }
    // The maker asking again meanwhile gets the same approval back, not the refusal.
    expect((await t.gql(PLACE, { input }, as(MAKER))).data.placeOrder).toMatchObject({ __typename: 'Approval', id });
    const ok = await t.gql(APPROVE, { id }, as(HO_CHECKER));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'Order' });
    expect(await orders()).toBe(before + 1);
    expect((await t.gql(PLACE, { input }, as(MAKER))).data.placeOrder).toMatchObject({ __typename: 'Order', id: ok.data.approve.resultId });
    enable();
  });

  it('holds a setting change and a new bundle; approved, they take effect', async () => {
    const r = await t.gql(`mutation($i: PreviewRuleChangeInput!) { previewRuleChange(input: $i) { id } }`, {
      i: { settings: [{ key: 'core.riskAssessmentValidityDays', value: 300 }] },
    });
    let report: any;
    for (let i = 0; i < 300; i++) {
      report = (await t.gql(`query($id: ID!) { node(id: $id) { ... on ImpactReport { id status } } }`, { id: r.data.previewRuleChange.id })).data.node;
      if (report.status !== 'RUNNING') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(report.status).toBe('DONE');
    const change = await t.gql(
      `mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { __typename ... on Approval { id input } ... on SettingChange { version } } }`,
      { i: { key: 'core.riskAssessmentValidityDays', value: 300, reason: '缩短测评有效期', impactReportId: report.id } },
      as(MAKER),
    );
    expect(change.data.changeSetting).toMatchObject({ __typename: 'Approval', input: { key: 'core.riskAssessmentValidityDays', value: 300 } });
    expect(t.host.runtime.settings.get('core.riskAssessmentValidityDays')).toBe(365);
    const ok = await t.gql(APPROVE, { id: change.data.changeSetting.id }, as(CHECKER));
    expect(ok.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'SettingChange', resultId: 'core.riskAssessmentValidityDays' });
    expect(t.host.runtime.settings.get('core.riskAssessmentValidityDays')).toBe(300);
    expect(await countRows(t, sql`select count(*) as n from setting_changes where changed_by = 'ho-maker'`)).toBe(1);

    const funds = await productsWhere(t, (p) => p.line === 'FUNDS' && p.saleEnd === null && p.riskRating === 'R1');
    const design = {
      code: `MC-${driver.toUpperCase()}`,
      nameZh: '复核测试套餐',
      nameEn: 'Maker-checker bundle',
      descriptionZh: '货币基金',
      descriptionEn: 'Money market',
      kind: 'RISK_ATTITUDE',
      target: { riskAttitudes: ['CONSERVATIVE'] },
      pricing: { feeDiscountPercent: '10', waivedFees: [], noteZh: '测试', noteEn: 'Test' },
      items: [{ productId: toGlobalId('Product', funds[0]!.id), roleZh: '现金管理', roleEn: 'Cash', suggestedAmount: '1000', share: '1' }],
      services: [{ code: 'ONLINE_BANKING' }],
      reason: '复核测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
    };
    const created = await t.gql(
      `mutation($i: BundleDesignInput!) { createBundle(input: $i) { __typename ... on Approval { id targetType targetId } } }`,
      { i: design },
      as(MAKER),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createBundle).toMatchObject({ __typename: 'Approval', targetType: 'BundleCode', targetId: design.code });
    expect(await countRows(t, sql`select count(*) as n from bundles where code = ${design.code}`)).toBe(0);
    const approved = await t.gql(APPROVE, { id: created.data.createBundle.id }, as(HO_CHECKER));
    expect(approved.data.approve).toMatchObject({ status: 'APPROVED', resultType: 'Bundle' });
    expect(await countRows(t, sql`select count(*) as n from bundles where code = ${design.code} and created_by = 'ho-maker'`)).toBe(1);
  });

  it('lists approvals by role: checkers what they decide, makers their own, auditors all, others none', async () => {
    const held = await t.gql(ADJUST, { i: { customerId: customer.id, points: 50, reason: '列表测试' } }, as(MAKER));
    const id = held.data.adjustPoints.id;
    const list = async (p: object, f: object = {}) => (await t.gql(LIST, { f }, as(p))).data.approvals;
    const ids = (l: any) => l.edges.map((e: any) => e.node.id);
    expect(ids(await list(CHECKER, { status: 'AWAITING_APPROVAL' }))).toContain(id);
    expect(ids(await list(HO_CHECKER))).toContain(id);
    expect(ids(await list(MAKER, { mine: true }))).toContain(id);
    expect(ids(await list(MAKER, { mine: false }))).not.toContain(id);
    expect(ids(await list({ role: 'AUDITOR' }))).toContain(id);
    expect(ids(await list({ role: 'HEAD_OFFICE', subject: 'ho-plain' }))).not.toContain(id);
    expect(ids(await list({ role: 'CHECKER', subject: 'checker-b', branchId: customer.branchId }))).not.toContain(id);
    expect((await list({ role: 'PARTNER', partnerCode: 'funds' })).totalCount).toBe(0);
    expect((await list({ role: 'RELATIONSHIP_MANAGER', managerId: customer.managerId })).edges.every((e: any) => e.node.action === 'PLACE_ORDER')).toBe(true);
    const node = (p: object) => t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, as(p));
    expect((await node({ role: 'HEAD_OFFICE', subject: 'ho-plain' })).data.node).toBeNull();
    expect((await node(CHECKER)).data.node).toEqual({ id });
    await t.gql(REJECT, { id, r: '列表测试结束' }, as(CHECKER));
  });

  it.runIf(driver === 'postgres')('two submissions at once hold one; two checkers at once run it once (PostgreSQL)', async () => {
    const lines = () => countRows(t, sql`select count(*) as n from points_ledger where customer_id = ${customer.key} and kind = 'ADJUSTED'`);
    const submissions = await Promise.all(
      ['a', 'b', 'c', 'd'].map((s) =>
        t.gql(ADJUST, { i: { customerId: customer.id, points: 10, reason: '并发' } }, as({ role: 'HEAD_OFFICE', subject: `maker-${s}` })),
      ),
    );
    const made = submissions.filter((r) => !r.errors);
    expect(made).toHaveLength(1);
    expect(submissions.filter((r) => code(r) === 'CONFLICT')).toHaveLength(3);
    const before = await lines();
    const decisions = await Promise.all(
      [CHECKER, HO_CHECKER, { role: 'CHECKER', subject: 'checker-2' }].map((p) => t.gql(APPROVE, { id: made[0]!.data.adjustPoints.id }, as(p))),
    );
    expect(decisions.filter((r) => !r.errors)).toHaveLength(1);
    expect(decisions.filter((r) => code(r) === 'CONFLICT')).toHaveLength(2);
    expect(await lines()).toBe(before + 1);
  });
});
