import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches, customers, holdings, managerQualifications, managers, products } from '../../src/db/schema/index.js';
import { revalueCustomers } from '../../src/domain/holdings/revalue.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { DEFAULT_NOW } from '../../src/seed/core-demo.js';
import { testDrivers } from '../support/databases.js';
import type { Principal } from '../../src/auth/principal.js';
import { createTestHost, type GqlResponse, type TestHost } from '../support/test-host.js';

// Issue 11, matched assignment (对等配置) and the manager roster, on a small fixture
// of its own (two branches, six managers, seven customers) beside a small demo bank.
// Default settings: tiers from 50,000 / 500,000 / 2,000,000 / 6,000,000 CNY; minimum
// grades STANDARD and GOLD JUNIOR, PLATINUM INTERMEDIATE, DIAMOND SENIOR, PRIVATE_BANKING PRINCIPAL.

const DAY = 86_400_000;
const AUDITOR = { role: 'AUDITOR' } as const;
const mid = (id: number) => toGlobalId('CustomerManager', id);
const cid = (id: number) => toGlobalId('Customer', id);
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

const ASSIGN = `mutation($c: ID!, $m: ID!, $r: String) { assignManager(customerId: $c, managerId: $m, overrideReason: $r) { ... on Customer { id manager { id grade } assignmentMismatch } } }`;
const CHANGE = `mutation($m: ID!, $g: ManagerGrade!, $r: String!) { changeManagerGrade(managerId: $m, grade: $g, reason: $r) { ... on CustomerManager { id grade gradeHistory { fromGrade toGrade reason changedBy } } } }`;
const ROSTER = `query($f: ManagerFilter, $first: Int, $after: String) { managers(filter: $f, first: $first, after: $after) { totalCount edges { node { id grade } } pageInfo { hasNextPage endCursor } } }`;

describe.each(testDrivers())('matched assignment and the manager roster (%s)', (driver) => {
  let t: TestHost;
  /** Branch B (the fixture's) and branch C (one manager, no customers). */
  let B: number;
  let C: number;
  /** Branch B: junior, intermediate, senior, principal, and a second intermediate whose grade the tests change. */
  const m = { J: 0, I: 0, S: 0, P: 0, G: 0, CJ: 0 };
  /** Customers of branch B by their fixture role. */
  const c = { standard: 0, platinumJunior: 0, diamond: 0, pbSenior: 0, platinumEdge: 0, pbNone: 0, goldEdge: 0 };
  const BM_B = () => ({ role: 'BRANCH_MANAGER' as const, branchId: B });
  const BM_C = () => ({ role: 'BRANCH_MANAGER' as const, branchId: C });
  const RM_J = () => ({ role: 'RELATIONSHIP_MANAGER' as const, managerId: m.J });
  let demoManagers = 0;
  let demoMismatches = 0;
  const mismatchCount = async (x: boolean | null) =>
    (await t.gql(`query($x: Boolean) { customers(first: 1, filter: { assignmentMismatch: $x }) { totalCount } }`, { x })).data.customers.totalCount as number;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 24 });
    const db = t.host.runtime.database.db;
    demoManagers = (await db.select({ id: managers.id }).from(managers)).length;
    demoMismatches = await mismatchCount(true);
    [{ id: B }, { id: C }] = await db
      .insert(branches)
      .values([
        { code: 'T-ROSTER-B', nameZh: '测试支行乙', nameEn: 'Test branch B', city: '杭州' },
        { code: 'T-ROSTER-C', nameZh: '测试支行丙', nameEn: 'Test branch C', city: '宁波' },
      ])
      .returning({ id: branches.id });
    const ms = await db
      .insert(managers)
      .values([
        { code: 'T-MJ', name: '甲', grade: 'JUNIOR', branchId: B, phone: '13900000001' },
        { code: 'T-MI', name: '乙', grade: 'INTERMEDIATE', branchId: B, phone: '13900000002' },
        { code: 'T-MS', name: '丙', grade: 'SENIOR', branchId: B, phone: '13900000003' },
        { code: 'T-MP', name: '丁', grade: 'PRINCIPAL', branchId: B, phone: '13900000004' },
        { code: 'T-MG', name: '戊', grade: 'INTERMEDIATE', branchId: B, phone: '13900000005' },
        { code: 'T-MC', name: '己', grade: 'JUNIOR', branchId: C, phone: '13900000006' },
      ])
      .returning({ id: managers.id });
    [m.J, m.I, m.S, m.P, m.G, m.CJ] = ms.map((r) => r.id);
    const now = Date.now();
    await db.insert(managerQualifications).values([
      { managerId: m.J, kind: 'FUND_SALES', number: 'F-T-1', expiresAt: new Date(now + DAY) },
      { managerId: m.J, kind: 'GOLD_TRADING', number: 'G-T-1', expiresAt: new Date(now - DAY) },
    ]);
    // A closed CNY product priced at 1: a holding of N units is worth exactly N CNY.
    const [{ id: unit }] = await db
      .insert(products)
      .values({
        code: 'T-ROSTER-UNIT',
        nameZh: '测试',
        nameEn: 'Test unit',
        line: 'FUNDS',
        issuer: 'T',
        riskRating: 'R1',
        status: 'CLOSED',
        liquidity: 'HIGH',
        function: 'PRESERVATION',
        unitPrice: '1',
      })
      .returning({ id: products.id });
    const fixture: [keyof typeof c, string, number | null][] = [
      ['standard', '10000', m.J], // STANDARD, junior: fits
      ['platinumJunior', '600000', m.J], // PLATINUM needs INTERMEDIATE: mismatch
      ['diamond', '2500000', m.S], // DIAMOND needs SENIOR: fits
      ['pbSenior', '7000000', m.S], // PRIVATE_BANKING needs PRINCIPAL: mismatch
      ['platinumEdge', '500000', m.I], // exactly PLATINUM, intermediate: fits
      ['pbNone', '7000000', null], // no manager: never a mismatch
      ['goldEdge', '499999.99', m.J], // one cent below PLATINUM, junior: fits
    ];
    for (const [i, [key, assets, managerId]] of fixture.entries()) {
      const [row] = await db
        .insert(customers)
        .values({
          name: `测试${i}`,
          idType: 'PASSPORT',
          idNumber: `TR${String(i).padStart(7, '0')}`,
          phone: `1370000000${i}`,
          birthDate: '1980-01-01',
          gender: 'FEMALE',
          residency: 'ONSHORE',
          nationality: 'CN',
          occupation: '工程师',
          employerSector: 'IT',
          personalAnnualIncome: '300000',
          householdAnnualIncome: '500000',
          householdFinancialAssets: assets,
          incomeThreeYearAverage: '300000',
          branchId: B,
          managerId,
        })
        .returning({ id: customers.id });
      c[key] = row.id;
      await db
        .insert(holdings)
        .values({ customerId: row.id, productId: unit, quantity: assets, costAmount: assets, costCurrency: 'CNY', openedAt: new Date() });
    }
    await revalueCustomers(t.host.runtime, Object.values(c));
  }, 240_000);
  afterAll(() => t?.close());

  /** An Authorization header for a principal with a chosen subject (audit entries name it). */
  const bearer = async (p: Principal) => `Bearer ${await t.token(p)}`;
  const managerOf = async (customerId: number) =>
    (await t.host.runtime.database.db.select({ managerId: customers.managerId }).from(customers).where(eq(customers.id, customerId)))[0].managerId;
  const auditOf = async (action: string, targetId: string) =>
    (
      await t.gql(
        `query($a: String, $t: String) { auditEvents(first: 20, filter: { action: $a, targetId: $t }) { edges { node { action actor role purpose details targetType } } } }`,
        { a: action, t: targetId },
        { as: AUDITOR },
      )
    ).data.auditEvents.edges.map((e: { node: unknown }) => e.node);

  describe('Customer.assignmentMismatch and the filter', () => {
    it('flags exactly the junior-served PLATINUM and the senior-served PRIVATE_BANKING customer', async () => {
      const r = await t.gql(`query($b: ID!) { customers(first: 50, filter: { branchId: $b }) { edges { node { id tier assignmentMismatch } } } }`, {
        b: toGlobalId('Branch', B),
      });
      expect(r.errors).toBeUndefined();
      const got = Object.fromEntries(
        r.data.customers.edges.map((e: { node: { id: string; tier: string; assignmentMismatch: boolean } }) => [
          e.node.id,
          [e.node.tier, e.node.assignmentMismatch],
        ]),
      );
      expect(got).toEqual({
        [cid(c.standard)]: ['STANDARD', false],
        [cid(c.platinumJunior)]: ['PLATINUM', true],
        [cid(c.diamond)]: ['DIAMOND', false],
        [cid(c.pbSenior)]: ['PRIVATE_BANKING', true],
        [cid(c.platinumEdge)]: ['PLATINUM', false],
        [cid(c.pbNone)]: ['PRIVATE_BANKING', false],
        [cid(c.goldEdge)]: ['GOLD', false],
      });
    });

    it('the filter lists the same two (true) and the other five (false), in one statement per page whatever its size', async () => {
      const q = `query($b: ID!, $x: Boolean, $n: Int) { customers(first: $n, filter: { branchId: $b, assignmentMismatch: $x }) { edges { node { id assignmentMismatch manager { grade } } } } }`;
      const yes = await t.gql(q, { b: toGlobalId('Branch', B), x: true, n: 50 });
      expect(yes.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([cid(c.platinumJunior), cid(c.pbSenior)]);
      const no = await t.gql(q, { b: toGlobalId('Branch', B), x: false, n: 50 });
      expect(no.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
        [c.standard, c.diamond, c.platinumEdge, c.pbNone, c.goldEdge].map(cid),
      );
      const one = await t.gql(q, { b: toGlobalId('Branch', B), x: false, n: 1 });
      expect(one.statements).toBe(no.statements);
    });

    it('across the whole bank, true and false partition the book; the fixture adds its two to the demo bank’s', async () => {
      const [all, yes, no] = [await mismatchCount(null), await mismatchCount(true), await mismatchCount(false)];
      expect(yes + no).toBe(all);
      expect(yes).toBe(demoMismatches + 2);
      // The demo bank seeds up to three mismatched assignments of its own; 24 customers hold a single PLATINUM one to move.
      expect(demoMismatches).toBeGreaterThanOrEqual(1);
    });

    it('follows the setting: with PLATINUM needing only JUNIOR, the junior-served PLATINUM customer fits', async () => {
      const settings = t.host.runtime.settings;
      const before = settings.get('core.minimumManagerGradeByTier');
      settings.set('core.minimumManagerGradeByTier', {
        STANDARD: 'JUNIOR',
        GOLD: 'JUNIOR',
        PLATINUM: 'JUNIOR',
        DIAMOND: 'SENIOR',
        PRIVATE_BANKING: 'PRINCIPAL',
      });
      try {
        const r = await t.gql(
          `query($b: ID!) { customers(first: 50, filter: { branchId: $b, assignmentMismatch: true }) { edges { node { id assignmentMismatch } } } }`,
          { b: toGlobalId('Branch', B) },
        );
        expect(r.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([cid(c.pbSenior)]);
      } finally {
        settings.set('core.minimumManagerGradeByTier', before);
      }
    });
  });

  describe('assignManager', () => {
    it('refuses a manager below the tier’s grade with BAD_USER_INPUT naming it, in both languages, and writes nothing', async () => {
      const zh = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.I) }, { as: BM_B() });
      expect(codes(zh)).toEqual(['BAD_USER_INPUT']);
      expect(zh.errors![0].message).toContain('SENIOR');
      expect(zh.errors![0].message).toContain('高级客户经理');
      expect(zh.errors![0].extensions).toMatchObject({ requiredGrade: 'SENIOR', managerGrade: 'INTERMEDIATE', tier: 'DIAMOND', field: 'managerId' });
      const en = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.J) }, { as: BM_B(), lang: 'en' });
      expect(en.errors![0].message).toContain('senior manager (SENIOR)');
      expect(await managerOf(c.diamond)).toBe(m.S);
      expect(await auditOf('MANAGER_ASSIGNMENT', cid(c.diamond))).toEqual([]);
      expect(await auditOf('MANAGER_ASSIGNMENT_OVERRIDE', cid(c.diamond))).toEqual([]);
    });

    it('a branch manager assigns a manager of the grade or above, audited without personal data', async () => {
      const r = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.P) }, { as: await bearer({ ...BM_B(), subject: `bm-${driver}` }) });
      expect(r.errors).toBeUndefined();
      expect(r.data.assignManager).toEqual({ id: cid(c.diamond), manager: { id: mid(m.P), grade: 'PRINCIPAL' }, assignmentMismatch: false });
      const trail = await auditOf('MANAGER_ASSIGNMENT', cid(c.diamond));
      expect(trail).toEqual([
        {
          action: 'MANAGER_ASSIGNMENT',
          actor: `bm-${driver}`,
          role: 'BRANCH_MANAGER',
          purpose: null,
          targetType: 'Customer',
          details: { managerId: mid(m.P), previousManagerId: mid(m.S), tier: 'DIAMOND', requiredGrade: 'SENIOR', managerGrade: 'PRINCIPAL' },
        },
      ]);
    });

    it('a branch manager may not override; a blank reason is refused before any statement', async () => {
      const bm = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.J), r: '客户要求' }, { as: BM_B() });
      expect(codes(bm)).toEqual(['FORBIDDEN']);
      expect(bm.statements).toBe(0);
      const blank = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.J), r: '   ' });
      expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
      expect(blank.statements).toBe(0);
      const badId = await t.gql(ASSIGN, { c: 'nonsense', m: mid(m.J) });
      expect(codes(badId)).toEqual(['NOT_FOUND']);
      expect(badId.statements).toBe(0);
      expect(await managerOf(c.diamond)).toBe(m.P);
    });

    it('head office overrides with a reason: assigned, flagged as a mismatch, audited with the reason as purpose', async () => {
      const reason = '客户指定，过渡期三个月';
      const r = await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.J), r: reason }, { as: await bearer({ role: 'HEAD_OFFICE', subject: `ho-${driver}` }) });
      expect(r.errors).toBeUndefined();
      expect(r.data.assignManager).toEqual({ id: cid(c.diamond), manager: { id: mid(m.J), grade: 'JUNIOR' }, assignmentMismatch: true });
      expect(await auditOf('MANAGER_ASSIGNMENT_OVERRIDE', cid(c.diamond))).toEqual([
        {
          action: 'MANAGER_ASSIGNMENT_OVERRIDE',
          actor: `ho-${driver}`,
          role: 'HEAD_OFFICE',
          purpose: reason,
          targetType: 'Customer',
          details: { managerId: mid(m.J), previousManagerId: mid(m.P), tier: 'DIAMOND', requiredGrade: 'SENIOR', managerGrade: 'JUNIOR' },
        },
      ]);
      // Put back for the other tests.
      expect((await t.gql(ASSIGN, { c: cid(c.diamond), m: mid(m.S) })).errors).toBeUndefined();
    });

    it('confirming the manager a customer already has is not refused, even when mismatched', async () => {
      const r = await t.gql(ASSIGN, { c: cid(c.platinumJunior), m: mid(m.J) }, { as: BM_B() });
      expect(r.errors).toBeUndefined();
      expect(r.data.assignManager.assignmentMismatch).toBe(true);
    });

    it('out of scope looks like not found: another branch’s customer or manager', async () => {
      expect(codes(await t.gql(ASSIGN, { c: cid(c.standard), m: mid(m.I) }, { as: BM_C() }))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(ASSIGN, { c: cid(c.standard), m: mid(m.CJ) }, { as: BM_B() }))).toEqual(['NOT_FOUND']);
      // Head office sees both, and is told the manager works elsewhere.
      expect(codes(await t.gql(ASSIGN, { c: cid(c.standard), m: mid(m.CJ) }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(ASSIGN, { c: cid(c.standard), m: mid(m.I) }, { as: RM_J() }))).toEqual(['FORBIDDEN']);
      expect(await managerOf(c.standard)).toBe(m.J);
    });
  });

  describe('managers', () => {
    const ids = (r: GqlResponse<any>): string[] => r.data.managers.edges.map((e: { node: { id: string } }) => e.node.id);

    it('a relationship manager sees only themselves; a branch manager their branch; head office everyone', async () => {
      const rm = await t.gql(ROSTER, {}, { as: RM_J() });
      expect(rm.data.managers.totalCount).toBe(1);
      expect(ids(rm)).toEqual([mid(m.J)]);
      const bm = await t.gql(ROSTER, {}, { as: BM_B() });
      expect(bm.data.managers.totalCount).toBe(5);
      expect(ids(bm)).toEqual([m.J, m.I, m.S, m.P, m.G].map(mid));
      expect(ids(await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', C) } }, { as: BM_B() }))).toEqual([]);
      const ho = await t.gql(ROSTER, { first: 1 });
      expect(ho.data.managers.totalCount).toBe(demoManagers + 6);
      expect(codes(await t.gql(ROSTER, {}, { as: { role: 'PARTNER', partnerCode: 'funds' } }))).toEqual(['FORBIDDEN']);
    });

    it('filters by branch and grade, and pages by id', async () => {
      expect(ids(await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', B), grade: 'INTERMEDIATE' } }))).toEqual([m.I, m.G].map(mid));
      expect(ids(await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', C), grade: 'JUNIOR' } }))).toEqual([mid(m.CJ)]);
      const first = await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', B) }, first: 2 });
      expect(ids(first)).toEqual([m.J, m.I].map(mid));
      expect(first.data.managers.pageInfo.hasNextPage).toBe(true);
      const next = await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', B) }, first: 2, after: first.data.managers.pageInfo.endCursor });
      expect(ids(next)).toEqual([m.S, m.P].map(mid));
      expect(codes(await t.gql(ROSTER, { f: { branchId: mid(m.J) } }))).toEqual(['BAD_USER_INPUT']);
    });

    it('qualifications: valid until expiry (tomorrow: valid; yesterday: lapsed), batched for the page', async () => {
      const r = await t.gql(
        `query($f: ManagerFilter) { managers(filter: $f, first: 50) { edges { node { id qualifications { kind number valid expiresAt } } } } }`,
        { f: { branchId: toGlobalId('Branch', B) } },
      );
      const byId = Object.fromEntries(
        r.data.managers.edges.map((e: { node: { id: string; qualifications: unknown[] } }) => [e.node.id, e.node.qualifications]),
      );
      expect(byId[mid(m.J)]).toMatchObject([
        { kind: 'FUND_SALES', number: 'F-T-1', valid: true },
        { kind: 'GOLD_TRADING', number: 'G-T-1', valid: false },
      ]);
      expect(byId[mid(m.I)]).toEqual([]);
      const one = await t.gql(`query($f: ManagerFilter) { managers(filter: $f, first: 1) { edges { node { qualifications { kind } } } } }`, {
        f: { branchId: toGlobalId('Branch', B) },
      });
      expect(one.statements).toBe(r.statements);
    });

    it('the demo bank has a manager with a lapsed qualification', async () => {
      const db = t.host.runtime.database.db;
      const lapsed = (
        await db
          .select()
          .from(managerQualifications)
          .where(
            inArray(
              managerQualifications.managerId,
              (await db.select({ id: managers.id }).from(managers)).map((x) => x.id),
            ),
          )
      ).filter((q) => q.expiresAt.getTime() <= DEFAULT_NOW.getTime() && q.number !== 'G-T-1');
      expect(lapsed.map((q) => q.kind)).toEqual(['GOLD_TRADING']);
    });
  });

  describe('changeManagerGrade', () => {
    it('head office only; the reason is required; the same grade is refused', async () => {
      expect(codes(await t.gql(CHANGE, { m: mid(m.G), g: 'SENIOR', r: '晋升' }, { as: BM_B() }))).toEqual(['FORBIDDEN']);
      const blank = await t.gql(CHANGE, { m: mid(m.G), g: 'SENIOR', r: '  ' });
      expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
      expect(blank.statements).toBe(0);
      expect(codes(await t.gql(CHANGE, { m: mid(m.G), g: 'INTERMEDIATE', r: '无变化' }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(CHANGE, { m: toGlobalId('Customer', m.G), g: 'SENIOR', r: '晋升' }))).toEqual(['NOT_FOUND']);
    });

    it('changes the grade, keeps the history newest first, and audits each change', async () => {
      const ho = { role: 'HEAD_OFFICE' as const, subject: `ho-grade-${driver}` };
      const up = await t.gql(CHANGE, { m: mid(m.G), g: 'SENIOR', r: '年度考核优秀' }, { as: await bearer(ho) });
      expect(up.errors).toBeUndefined();
      expect(up.data.changeManagerGrade).toEqual({
        id: mid(m.G),
        grade: 'SENIOR',
        gradeHistory: [{ fromGrade: 'INTERMEDIATE', toGrade: 'SENIOR', reason: '年度考核优秀', changedBy: `ho-grade-${driver}` }],
      });
      const down = await t.gql(CHANGE, { m: mid(m.G), g: 'JUNIOR', r: '违规销售' }, { as: await bearer(ho) });
      expect(down.data.changeManagerGrade.gradeHistory.map((h: { fromGrade: string; toGrade: string }) => `${h.fromGrade}>${h.toGrade}`)).toEqual([
        'SENIOR>JUNIOR',
        'INTERMEDIATE>SENIOR',
      ]);
      const trail = await auditOf('MANAGER_GRADE_CHANGE', mid(m.G));
      expect(trail).toEqual([
        {
          action: 'MANAGER_GRADE_CHANGE',
          actor: ho.subject,
          role: 'HEAD_OFFICE',
          purpose: '违规销售',
          targetType: 'CustomerManager',
          details: { fromGrade: 'SENIOR', toGrade: 'JUNIOR' },
        },
        {
          action: 'MANAGER_GRADE_CHANGE',
          actor: ho.subject,
          role: 'HEAD_OFFICE',
          purpose: '年度考核优秀',
          targetType: 'CustomerManager',
          details: { fromGrade: 'INTERMEDIATE', toGrade: 'SENIOR' },
        },
      ]);
      const roster = await t.gql(ROSTER, { f: { branchId: toGlobalId('Branch', B), grade: 'JUNIOR' } });
      expect(roster.data.managers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([m.J, m.G].map(mid));
    });

    it('a demotion shows at once as a mismatch on the manager’s customers', async () => {
      // The intermediate manager serves the exactly-PLATINUM customer; demoted to JUNIOR they no longer fit.
      expect((await t.gql(CHANGE, { m: mid(m.I), g: 'JUNIOR', r: '降级' })).errors).toBeUndefined();
      const r = await t.gql(`query($id: ID!) { customer(id: $id) { assignmentMismatch } }`, { id: cid(c.platinumEdge) });
      expect(r.data.customer.assignmentMismatch).toBe(true);
      const listed = await t.gql(`query($b: ID!) { customers(first: 50, filter: { branchId: $b, assignmentMismatch: true }) { edges { node { id } } } }`, {
        b: toGlobalId('Branch', B),
      });
      expect(listed.data.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([c.platinumJunior, c.pbSenior, c.platinumEdge].map(cid));
      expect((await t.gql(CHANGE, { m: mid(m.I), g: 'INTERMEDIATE', r: '恢复' })).errors).toBeUndefined();
    });
  });

  describe('SELLER_NOT_QUALIFIED through the API', () => {
    const CHECK = `query($input: SuitabilityInput!) { checkSuitability(input: $input) { outcome reasons { code outcome ruleId facts } } }`;
    const onSale = async (line: string) =>
      (await t.host.runtime.database.db.select().from(products).where(eq(products.line, line)).orderBy(products.id)).find((p) => p.status === 'ON_SALE')!;
    const check = async (line: string, initiator: 'STAFF' | 'CUSTOMER', as: Omit<Principal, 'subject'> = RM_J()) => {
      const p = await onSale(line);
      const r = await t.gql(
        CHECK,
        { input: { customerId: cid(c.standard), productId: toGlobalId('Product', p.id), amount: null, initiator, channel: 'COUNTER' } },
        { as },
      );
      expect(r.errors).toBeUndefined();
      return r.data.checkSuitability as { outcome: string; reasons: { code: string; outcome: string; ruleId: string; facts: Record<string, unknown> }[] };
    };
    const seller = <R extends { code: string }>(d: { reasons: R[] }) => d.reasons.filter((r) => r.code === 'SELLER_NOT_QUALIFIED');

    it('blocks a staff sale of gold by a manager whose gold licence lapsed yesterday, naming it', async () => {
      const d = await check('GOLD', 'STAFF');
      expect(d.outcome).toBe('BLOCK');
      expect(seller(d)).toEqual([
        {
          code: 'SELLER_NOT_QUALIFIED',
          outcome: 'BLOCK',
          ruleId: 'core.seller-qualification',
          facts: expect.objectContaining({ requiredQualification: 'GOLD_TRADING', sellerManagerId: m.J }),
        },
      ]);
      expect((seller(d)[0] as unknown as { facts: { heldOfKind: string[] } }).facts.heldOfKind).toHaveLength(1);
    });

    it('blocks insurance (no licence at all) and allows funds (valid until tomorrow)', async () => {
      expect(seller(await check('INSURANCE', 'STAFF')).map((r) => r.facts.requiredQualification)).toEqual(['INSURANCE_AGENT']);
      expect(seller(await check('FUNDS', 'STAFF'))).toEqual([]);
    });

    it('says nothing for the customer’s own purchase, or when head office (no seller on record) checks', async () => {
      expect(seller(await check('GOLD', 'CUSTOMER'))).toEqual([]);
      expect(seller(await check('GOLD', 'STAFF', { role: 'HEAD_OFFICE' }))).toEqual([]);
    });

    it('placeOrder refuses the staff sale with SUITABILITY_BLOCKED and the reason', async () => {
      const p = await onSale('GOLD');
      const r = await t.gql(
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id } } }`,
        {
          input: {
            customerId: cid(c.standard),
            productId: toGlobalId('Product', p.id),
            amount: Number(p.minimumAmount) > 0 ? p.minimumAmount : '1000',
            channel: 'COUNTER',
            initiator: 'STAFF',
            idempotencyKey: `roster-${driver}-gold`,
          },
        },
        { as: RM_J() },
      );
      expect(codes(r)).toEqual(['SUITABILITY_BLOCKED']);
      expect((r.errors![0].extensions!.reasons as { code: string }[]).map((x) => x.code)).toContain('SELLER_NOT_QUALIFIED');
    });
  });
});
