import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { branches, customers, managers } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { fixtureCustomerFacts } from './fixture-customer.js';

// Issue 11: NEAR_NEXT_TIER items (临界区间客户拓展上移) in the work queue, on a fixture of its
// own (branch N, manager MN) beside a small demo bank. Settings by which the figures are computed:
// asset thresholds GOLD 50,000, PLATINUM 500,000, PRIVATE_BANKING 6,000,000; contribution
// thresholds GOLD 500, PLATINUM 5,000; near = within 10 % of the next threshold (set below);
// priority NEAR_NEXT_TIER 45 (between DORMANT_REACTIVATION 50 and CONTACT_DUE 40).

const cid = (id: number) => toGlobalId('Customer', id);
// 01:30 on 1 December in China, still 30 November in UTC: the item is due at the start of the bank's day.
const NOW = '2026-11-30T17:30:00.000Z';
const BANK_DAY = '2026-11-30T16:00:00.000Z';

const QUEUE = `query($kinds: [WorkItemKind!], $first: Int, $after: String) { managers(first: 50) { edges { node { id code
  workQueue(kinds: $kinds, first: $first, after: $after) { totalCount edges { node { kind dueAt priority explanation customer { id } } }
  pageInfo { hasNextPage endCursor } } } } } }`;

describe.each(testDrivers())('NEAR_NEXT_TIER work items (%s)', (driver) => {
  let t: TestHost;
  let N = 0;
  let MN = 0;
  const c = { inside: 0, edge: 0, outside: 0, byContribution: 0, top: 0 };
  const HO = { role: 'HEAD_OFFICE' } as const;
  const RM = () => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: MN });
  const setting = (key: string, value: unknown) => t.host.runtime.settings.set(key, value);

  async function queue(as: object, vars: Record<string, unknown> = {}, lang?: string) {
    const r = await t.gql(QUEUE, vars, { as: as as never, headers: { 'x-finmart-now': NOW }, ...(lang ? { lang } : {}) } as never);
    expect(r.errors).toBeUndefined();
    return { r, byCode: new Map<string, any>(r.data.managers.edges.map((e: any) => [e.node.code, e.node])) };
  }
  const mine = async (vars: Record<string, unknown> = {}, lang?: string) => (await queue(RM(), vars, lang)).byCode.get('T-NT-M')!.workQueue;
  const shape = (q: any) => q.edges.map((e: any) => [e.node.kind, e.node.customer.id, e.node.dueAt, e.node.priority]);

  /** Customer ids of `customers(filter: { nearNextTier: true, … })`, on the same day. */
  async function nearByFilter(filter: Record<string, unknown>) {
    const r = await t.gql(
      `query($f: CustomerFilter) { customers(first: 100, filter: $f) { edges { node { id } } } }`,
      { f: { nearNextTier: true, ...filter } },
      {
        headers: { 'x-finmart-now': NOW },
      } as never,
    );
    expect(r.errors).toBeUndefined();
    return r.data.customers.edges.map((e: any) => e.node.id).sort();
  }

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 12 });
    const db = t.host.runtime.database.db;
    [{ id: N }] = await db.insert(branches).values({ code: 'T-NT-B', nameZh: '临界网点', nameEn: 'Near branch', city: '杭州' }).returning({ id: branches.id });
    [{ id: MN }] = await db
      .insert(managers)
      .values({ code: 'T-NT-M', name: '临', grade: 'PRINCIPAL', branchId: N, phone: '13900000031' })
      .returning({ id: managers.id });
    const base = {
      ...fixtureCustomerFacts,
      branchId: N,
      managerId: MN,
    };
    const fixture: [keyof typeof c, string, string][] = [
      // role, assets (snapshot), interest-margin estimate
      ['inside', '450000', '0'], // GOLD, 50,000 short of PLATINUM: exactly the distance, near
      ['edge', '499999.99', '0'], // GOLD, 0.01 short: near
      ['outside', '449999.99', '0'], // GOLD, 50,000.01 short: one cent too far
      ['byContribution', '0', '4600'], // near only by contribution: 400 short of 5,000
      ['top', '7000000', '0'], // PRIVATE_BANKING: no next tier
    ];
    let n = 0;
    for (const [role, assetsCny, marginCny] of fixture) {
      n += 1;
      const [row] = await db
        .insert(customers)
        .values({ ...base, name: `临界${role}`, idNumber: `11010119800101${String(3000 + n)}`, phone: `1380003${String(1000 + n)}`, assetsCny, marginCny })
        .returning({ id: customers.id });
      c[role] = row.id;
    }
    setting('core.nearNextTier', { share: '0.1' });
  });
  afterAll(() => t?.close());
  afterEach(() => {
    setting('core.tierBasis', 'ASSETS');
    setting('core.nearNextTier', { share: '0.1' });
  });

  it('puts a customer within the distance in the queue, one cent outside not: due at the start of the bank day, priority 45', async () => {
    const q = await mine({ kinds: ['NEAR_NEXT_TIER'] });
    expect(shape(q)).toEqual([
      ['NEAR_NEXT_TIER', cid(c.inside), BANK_DAY, 45],
      ['NEAR_NEXT_TIER', cid(c.edge), BANK_DAY, 45],
    ]);
    expect(q.totalCount).toBe(2);
    // Among the other kinds: after the reactivation calls (50), before due contacts (40); one item per customer.
    const all = await mine({ first: 100 });
    const kinds = all.edges.map((e: any) => e.node.kind);
    expect(kinds.filter((k: string) => k === 'NEAR_NEXT_TIER')).toHaveLength(2);
    const priorities = all.edges.map((e: any) => e.node.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(all.edges.filter((e: any) => e.node.priority === 45).map((e: any) => e.node.kind)).toEqual(['NEAR_NEXT_TIER', 'NEAR_NEXT_TIER']);
    // Other kinds only: no NEAR_NEXT_TIER item.
    const others = await mine({ kinds: ['DORMANT_REACTIVATION', 'CONTACT_DUE'], first: 100 });
    expect(others.edges.map((e: any) => e.node.kind)).not.toContain('NEAR_NEXT_TIER');
    expect(others.edges.length).toBeGreaterThan(0);
  });

  it('explains the next tier and the gap in both languages (on the valuation snapshot, as the filter compares)', async () => {
    const zh = await mine({ kinds: ['NEAR_NEXT_TIER'] });
    expect(zh.edges.map((e: any) => e.node.explanation)).toEqual([
      '客户距 PLATINUM 等级仅差 50000.00 元（资产），可拓展上移',
      '客户距 PLATINUM 等级仅差 0.01 元（资产），可拓展上移',
    ]);
    const en = await mine({ kinds: ['NEAR_NEXT_TIER'] }, 'en');
    expect(en.edges[0].node.explanation).toBe('Customer is 50000.00 CNY of assets short of PLATINUM: grow the relationship');
  });

  it('follows the tier basis and the distance setting, with the filter', async () => {
    setting('core.tierBasis', 'CONTRIBUTION');
    const q = await mine({ kinds: ['NEAR_NEXT_TIER'] }, 'en');
    expect(shape(q)).toEqual([['NEAR_NEXT_TIER', cid(c.byContribution), BANK_DAY, 45]]);
    expect(q.edges[0].node.explanation).toBe('Customer is 400.00 CNY of contribution short of PLATINUM: grow the relationship');
    expect(await nearByFilter({ managerId: toGlobalId('CustomerManager', MN) })).toEqual([cid(c.byContribution)]);
    setting('core.tierBasis', 'ASSETS');
    setting('core.nearNextTier', { assetsCny: '1', contributionCny: '1' });
    expect(shape(await mine({ kinds: ['NEAR_NEXT_TIER'] }))).toEqual([['NEAR_NEXT_TIER', cid(c.edge), BANK_DAY, 45]]);
  });

  it('agrees with customers(filter: { nearNextTier: true }) for every manager of the bank', async () => {
    const { byCode } = await queue(HO, { kinds: ['NEAR_NEXT_TIER'], first: 100 });
    let seen = 0;
    for (const node of byCode.values()) {
      const fromQueue = node.workQueue.edges.map((e: any) => e.node.customer.id).sort();
      expect(new Set(fromQueue).size, node.code).toBe(fromQueue.length);
      expect(fromQueue, node.code).toEqual(await nearByFilter({ managerId: node.id }));
      seen += fromQueue.length;
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it('takes its priority from core.workQueue; a value stored before the kind existed keeps 45', async () => {
    const stored = structuredClone(t.host.runtime.settings.get<any>('core.workQueue'));
    try {
      setting('core.workQueue', { ...stored, priorities: { ...stored.priorities, NEAR_NEXT_TIER: 99 } });
      expect((await mine({ first: 1 })).edges.map((e: any) => [e.node.kind, e.node.priority])).toEqual([['NEAR_NEXT_TIER', 99]]);
      const { NEAR_NEXT_TIER: _, ...older } = stored.priorities;
      setting('core.workQueue', { ...stored, priorities: older });
      expect(shape(await mine({ kinds: ['NEAR_NEXT_TIER'] })).map((x: any[]) => x[3])).toEqual([45, 45]);
    } finally {
      setting('core.workQueue', stored);
    }
  });

  it('pages NEAR_NEXT_TIER items by keyset with constant statements', async () => {
    const ids: string[] = [];
    const statements: number[] = [];
    let after: string | null = null;
    for (;;) {
      const { r, byCode } = await queue(RM(), { kinds: ['NEAR_NEXT_TIER'], first: 1, after });
      const q = byCode.get('T-NT-M').workQueue;
      ids.push(...q.edges.map((e: any) => e.node.customer.id));
      statements.push(r.statements);
      if (!q.pageInfo.hasNextPage) break;
      after = q.pageInfo.endCursor;
    }
    expect(ids).toEqual([cid(c.inside), cid(c.edge)]);
    const many = await queue(RM(), { first: 100 });
    expect(new Set([...statements, many.r.statements]).size).toBe(1);
  });
});
