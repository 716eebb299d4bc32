import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import funds from '../../plugins/funds/index.js';
import gold from '@finmart/plugin-gold';
import { eq } from 'drizzle-orm';
import { impactReports } from '../../src/db/schema/index.js';
import { numericIdOf } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const OK = new Set(['ALLOW', 'WARN']);
const REPORT = `id status progress { done total } settingsVersion totals { loses gains changes } byLine { key loses gains changes } byBranch { key loses }
  byProduct { product { code } loses gains } holdingsNoLongerSellable pendingOrdersRefused bundles { bundle { code } customersLosingAnItem } evaluations productsReached elapsedMs`;

type Decision = { outcome: string; codes: string[] };

// 规则变更影响分析, checked against brute force: every customer × product through the API before and after the
// change is applied must differ exactly where the report says, on both drivers.
describe.each(testDrivers())('rule-change impact analysis (%s)', (driver) => {
  let t: TestHost;
  let productIds: string[] = [];
  let firstReport = '';
  const code = (r: any) => r.errors?.[0]?.extensions?.code;

  /** Every customer × on-sale product, as eligibleProducts judges (a manager at the counter): brute force through the API. */
  async function everyDecision(): Promise<Map<string, Decision>> {
    const out = new Map<string, Decision>();
    for (const p of productIds) {
      const r = await t.gql(
        `query($p: ID!) { customers(first: 100) { edges { node { id suitability(productId: $p, channel: COUNTER, initiator: STAFF) { outcome reasons { code } } } } } }`,
        { p },
      );
      expect(r.errors).toBeUndefined();
      for (const e of r.data.customers.edges)
        out.set(`${e.node.id}|${p}`, {
          outcome: e.node.suitability.outcome,
          codes: [...new Set<string>(e.node.suitability.reasons.map((x: any) => x.code))].sort(),
        });
    }
    return out;
  }

  const diff = (before: Map<string, Decision>, after: Map<string, Decision>) => {
    const moved: string[] = [];
    for (const [k, b] of before) {
      const a = after.get(k)!;
      const added = a.codes.filter((c) => !b.codes.includes(c));
      const removed = b.codes.filter((c) => !a.codes.includes(c));
      if (a.outcome === b.outcome && added.length + removed.length === 0) continue;
      const direction = OK.has(b.outcome) && !OK.has(a.outcome) ? 'LOSES' : !OK.has(b.outcome) && OK.has(a.outcome) ? 'GAINS' : 'CHANGES';
      moved.push(`${k}|${direction}|${b.outcome}>${a.outcome}|+${added.join(',')}|-${removed.join(',')}`);
    }
    return moved.sort();
  };

  async function preview(input: Record<string, unknown>, as?: object) {
    const r = await t.gql(`mutation($i: PreviewRuleChangeInput!) { previewRuleChange(input: $i) { id status } }`, { i: input }, as ? { as: as as never } : {});
    if (r.errors) return r;
    const id = r.data.previewRuleChange.id;
    for (let i = 0; i < 300; i++) {
      const n = await t.gql(`query($id: ID!) { node(id: $id) { ... on ImpactReport { ${REPORT} } } }`, { id });
      if (n.data.node.status !== 'RUNNING') return { data: { report: n.data.node } };
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('impact report did not finish');
  }

  async function entries(id: string): Promise<string[]> {
    const out: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql(
        `query($id: ID!, $after: String) { node(id: $id) { ... on ImpactReport { entries(first: 100, after: $after) {
        edges { node { customerId productId direction before after codesAdded codesRemoved } } pageInfo { hasNextPage endCursor } } } } }`,
        { id, after },
      );
      const c = r.data.node.entries;
      for (const { node: e } of c.edges)
        out.push(`${e.customerId}|${e.productId}|${e.direction}|${e.before}>${e.after}|+${e.codesAdded.join(',')}|-${e.codesRemoved.join(',')}`);
      if (!c.pageInfo.hasNextPage) return out.sort();
      after = c.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    // On PostgreSQL the runs cut the book in two, one half judged on a worker thread in the run's exported
    // snapshot: the brute-force checks below then hold for the parallel path too.
    t = await createTestHost({
      driver,
      plugins: [funds, gold],
      customers: 40,
      env: driver === 'postgres' ? { IMPACT_WORKERS: '1', IMPACT_WORKERS_FROM: '10' } : { IMPACT_WORKERS: '0' },
    });
    const list = await t.gql(`{ products(first: 100, filter: { status: ON_SALE }) { edges { node { id } } } }`);
    productIds = list.data.products.edges.map((e: any) => e.node.id);
    expect(productIds.length).toBeGreaterThan(10);
  }, 180_000);
  afterAll(() => t?.close());

  it('previews raising the gold account risk level to C4, exactly as applying it then changes every decision', async () => {
    const before = await everyDecision();
    const r: any = await preview({ settings: [{ key: 'gold.accountGoldRequiredRiskLevel', value: 'C4' }] });
    const report = r.data.report;
    firstReport = report.id;
    expect(report).toMatchObject({ status: 'DONE', settingsVersion: 0, progress: { done: 40, total: 40 }, pendingOrdersRefused: expect.any(Array) });
    expect(report.totals.loses).toBeGreaterThan(0);
    expect(report.byLine.map((l: any) => l.key)).toEqual(['GOLD']);
    expect(report.evaluations).toBe(2 * 40 * productIds.length);
    // Only gold's products are judged: no rule of a fund reads a gold setting.
    const gold = await t.gql(`{ products(first: 100, filter: { status: ON_SALE, line: GOLD }) { edges { node { id } } } }`);
    expect(report.productsReached).toBe(gold.data.products.edges.length);
    expect(report.productsReached).toBeLessThan(productIds.length);
    const predicted = await entries(report.id);
    expect(predicted.length).toBe(report.totals.loses + report.totals.gains + report.totals.changes);
    const [row] = await t.host.runtime.database.db
      .select()
      .from(impactReports)
      .where(eq(impactReports.id, numericIdOf(report.id)!));
    expect((row!.summary as { workers: number }).workers).toBe(driver === 'postgres' ? 1 : 0);
    // Nothing applied yet: today's decisions are untouched by the preview.
    expect(diff(before, await everyDecision())).toEqual([]);
    const applied = await t.gql(
      `mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { ... on SettingChange { key oldValue newValue version impactReportId } } }`,
      {
        i: { key: 'gold.accountGoldRequiredRiskLevel', value: 'C4', reason: '提高账户金风险等级要求', impactReportId: report.id },
      },
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data.changeSetting).toMatchObject({ oldValue: 'C3', newValue: 'C4', version: 1 });
    expect(diff(before, await everyDecision())).toEqual(predicted);
  }, 180_000);

  it('previews switching a rule off, and applies it only as previewed', async () => {
    const before = await everyDecision();
    const r: any = await preview({ disableRules: ['gold.minimum'] });
    const report = r.data.report;
    expect(report.settingsVersion).toBe(1);
    const predicted = await entries(report.id);
    // Only the value the report ran with may be applied, and only by head office.
    const change = (value: unknown, as?: object) =>
      t.gql(
        `mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { ... on SettingChange { version } } }`,
        { i: { key: 'core.disabledRules', value, reason: '停用起购金额规则', impactReportId: report.id } },
        as ? { as: as as never } : {},
      );
    expect(code(await change(['gold.risk-level']))).toBe('BAD_USER_INPUT');
    expect(code(await change(['gold.minimum'], { role: 'AUDITOR' }))).toBe('FORBIDDEN');
    expect((await change(['gold.minimum'])).data.changeSetting.version).toBe(2);
    // The first report rests on settings changed since: it can no longer be applied.
    const stale = await t.gql(`mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { ... on SettingChange { version } } }`, {
      i: { key: 'gold.accountGoldRequiredRiskLevel', value: 'C4', reason: '再次', impactReportId: firstReport },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'impactReportId' });
    expect(diff(before, await everyDecision())).toEqual(predicted);
  }, 180_000);

  it('previews a change to a host setting (the senior-customer age) exactly as applying it then changes every decision', async () => {
    const before = await everyDecision();
    const r: any = await preview({ settings: [{ key: 'core.seniorCustomerAge', value: 55 }] });
    const report = r.data.report;
    expect(report.status).toBe('DONE');
    // Only the senior-customer rule reads the setting; it judges every line, so every product is reached.
    expect(report.productsReached).toBe(productIds.length);
    expect(report.totals.changes).toBeGreaterThan(0);
    const predicted = await entries(report.id);
    const applied = await t.gql(`mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { ... on SettingChange { version } } }`, {
      i: { key: 'core.seniorCustomerAge', value: 55, reason: '高龄客户年龄下调至 55 岁', impactReportId: report.id },
    });
    expect(applied.errors).toBeUndefined();
    expect(diff(before, await everyDecision())).toEqual(predicted);
  }, 180_000);

  it('refuses what it cannot preview, before running anything', async () => {
    expect(code(await preview({ settings: [{ key: 'gold.accountGoldRequiredRiskLevel', value: 'C9' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await preview({ settings: [{ key: 'no.such', value: 1 }] }))).toBe('BAD_USER_INPUT');
    expect(code(await preview({ disableRules: ['no.such-rule'] }))).toBe('BAD_USER_INPUT');
    expect(code(await preview({}))).toBe('BAD_USER_INPUT');
    expect(code(await preview({ settings: [{ key: 'gold.accountGoldRequiredRiskLevel', value: 'C5' }] }, { role: 'RELATIONSHIP_MANAGER', managerId: 1 }))).toBe(
      'FORBIDDEN',
    );
  });
});
