import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches, customers, managers } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { resultRows } from '../../src/db/result-rows.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { fixtureCustomerFacts } from '../workbench/fixture-customer.js';

// Issue 12: leads through the five-step mechanism, claims under concurrency, scope, audit, and
// distribution on a hand-checked fixture:
//
//   branch N (31.00, 121.00): managers N1 (covers MANUFACTURING), N2 (covers EDUCATION)
//   branch S (30.00, 121.00), 111.2 km south: manager S1 (covers HEALTHCARE)
//
// Leads (all in N's pool, so N's branch manager and head office may distribute them):
//   L1 at (30.01, 121.00) MANUFACTURING, value 900k — 1.1 km from S, 110.1 km from N
//   L2 at (31.01, 121.00) HEALTHCARE,    value 800k — 1.1 km from N
//   L3 at (31.02, 121.00) EDUCATION,     value 700k — 2.2 km from N
//   L4 at (31.00, 121.01) AGRICULTURE,   value 600k — 1.0 km from N; nobody covers it

const FIELDS = `id stage source industry industryName prospect { kind name company phone } location { district latitude longitude } estimatedValue { amount currency }
  manager { code } branch { code } customer { id } history { fromStage toStage managerId actor reason at } contacts { role name phone }`;

describe.each(testDrivers())('leads (%s)', (driver) => {
  let t: TestHost;
  let N = 0;
  let S = 0;
  const m = { N1: 0, N2: 0, S1: 0 };
  let customerOfN1 = 0;
  const HO = { role: 'HEAD_OFFICE' } as const;
  const rm = (id: number) => ({ role: 'RELATIONSHIP_MANAGER', managerId: id }) as const;
  const bmN = () => ({ role: 'BRANCH_MANAGER', branchId: N }) as const;
  let keys = 0;
  const key = () => `lead-test-key-${driver}-${++keys}-${Date.now()}`;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;

  const create = async (as: object, over: Record<string, unknown> = {}) => {
    const input = {
      source: 'CHANNEL_PARTNER',
      sourceDetail: '万科地产',
      prospect: { kind: 'BUSINESS_OWNER', name: '王建国', company: '恒达有限公司', phone: '13912345678' },
      industry: 'MANUFACTURING',
      district: '浦东',
      latitude: 31.01,
      longitude: 121.0,
      estimatedValue: '500000',
      notes: '有资金管理需求',
      branchId: toGlobalId('Branch', N),
      ...over,
    };
    const r = await t.gql(`mutation($i: CreateLeadInput!) { createLead(input: $i) { ${FIELDS} } }`, { i: input }, { as: as as never });
    return r;
  };
  const claim = (as: object, id: string) => t.gql(`mutation($id: ID!) { claimLead(id: $id) { ${FIELDS} } }`, { id }, { as: as as never });
  const advance = (as: object, input: object) =>
    t.gql(`mutation($i: AdvanceLeadInput!) { advanceLead(input: $i) { ${FIELDS} } }`, { i: input }, { as: as as never });
  const audits = async (leadId: string) =>
    resultRows<{ action: string }>(
      await t.host.runtime.database.db.execute(sql`select action from audit_events where target_type = 'Lead' and target_id = ${leadId} order by id`),
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 12 });
    const db = t.host.runtime.database.db;
    [{ id: N }, { id: S }] = await db
      .insert(branches)
      .values([
        { code: 'T-LD-N', nameZh: '线索北', nameEn: 'Leads N', city: '上海', latitude: '31.000000', longitude: '121.000000' },
        { code: 'T-LD-S', nameZh: '线索南', nameEn: 'Leads S', city: '上海', latitude: '30.000000', longitude: '121.000000' },
      ])
      .returning({ id: branches.id });
    [{ id: m.N1 }, { id: m.N2 }, { id: m.S1 }] = await db
      .insert(managers)
      .values([
        { code: 'T-LD-N1', name: '北一', grade: 'SENIOR', branchId: N, phone: '13900000031', industries: ['MANUFACTURING'] },
        { code: 'T-LD-N2', name: '北二', grade: 'SENIOR', branchId: N, phone: '13900000032', industries: ['EDUCATION'] },
        { code: 'T-LD-S1', name: '南一', grade: 'SENIOR', branchId: S, phone: '13900000033', industries: ['HEALTHCARE'] },
      ])
      .returning({ id: managers.id });
    [{ id: customerOfN1 }] = await db
      .insert(customers)
      .values({ ...fixtureCustomerFacts, name: '线索客户', idNumber: '110101198001013001', phone: '13810003001', managerId: m.N1, branchId: N })
      .returning({ id: customers.id });
  }, 120_000);
  afterAll(() => t?.close());

  it('goes from collection to conversion, each move in its history and audited', async () => {
    const created = await create(rm(m.N1));
    expect(created.errors).toBeUndefined();
    const lead = created.data.createLead;
    expect(lead).toMatchObject({
      stage: 'COLLECTED',
      manager: null,
      branch: { code: 'T-LD-N' },
      industryName: '制造业',
      estimatedValue: { amount: '500000', currency: 'CNY' },
    });
    // In the pool the phone is masked, even for the manager who collected it.
    expect(lead.prospect.phone).toBe('139****5678');
    const claimed = await claim(rm(m.N1), lead.id);
    expect(claimed.data.claimLead).toMatchObject({ stage: 'DISTRIBUTED', manager: { code: 'T-LD-N1' }, prospect: { phone: '13912345678' } });
    const fed = await advance(rm(m.N1), {
      leadId: lead.id,
      toStage: 'FEEDBACK',
      note: '已约见董事长',
      contacts: [
        { role: 'DECISION_MAKER', name: '王建国', title: '董事长', phone: '13912345678' },
        { role: 'OPERATOR', name: '李会计', phone: '13700001111' },
      ],
    });
    expect(fed.errors).toBeUndefined();
    expect(fed.data.advanceLead.contacts.map((c: any) => c.role)).toEqual(['DECISION_MAKER', 'OPERATOR']);
    const refined = await advance(rm(m.N1), { leadId: lead.id, toStage: 'REFINED', note: '补充资产信息', estimatedValue: '800000' });
    expect(refined.data.advanceLead).toMatchObject({ stage: 'REFINED', estimatedValue: { amount: '800000' } });
    const converted = await t.gql(
      `mutation($i: ConvertLeadInput!) { convertLead(input: $i) { ${FIELDS} } }`,
      { i: { leadId: lead.id, customerId: toGlobalId('Customer', customerOfN1), note: '已开户' } },
      { as: rm(m.N1) as never },
    );
    expect(converted.errors).toBeUndefined();
    const done = converted.data.convertLead;
    expect(done).toMatchObject({ stage: 'CONVERTED', customer: { id: toGlobalId('Customer', customerOfN1) } });
    expect(done.history.map((h: any) => [h.fromStage, h.toStage])).toEqual([
      [null, 'COLLECTED'],
      ['COLLECTED', 'DISTRIBUTED'],
      ['DISTRIBUTED', 'FEEDBACK'],
      ['FEEDBACK', 'REFINED'],
      ['REFINED', 'CONVERTED'],
    ]);
    expect(done.history[2].reason).toBe('已约见董事长');
    expect(await audits(lead.id)).toEqual(['LEAD_COLLECTED', 'LEAD_CLAIMED', 'LEAD_FEEDBACK', 'LEAD_REFINED', 'LEAD_CONVERTED']);
    // The audit trail holds codes and ids, never the prospect's name or phone.
    const trail = JSON.stringify(resultRows(await t.host.runtime.database.db.execute(sql`select details from audit_events where target_id = ${lead.id}`)));
    expect(trail).not.toContain('王建国');
    expect(trail).not.toContain('13912345678');
    // Converted is the end: no move after it.
    expect(
      code(await t.gql(`mutation($i: DropLeadInput!) { dropLead(input: $i) { id } }`, { i: { leadId: lead.id, reason: 'x' } }, { as: rm(m.N1) as never })),
    ).toBe('BAD_USER_INPUT');
  });

  it('converts into a customer opened in the same transaction; a bad customer input changes nothing', async () => {
    const lead = (await create(rm(m.N1), { prospect: { kind: 'PERSON', name: '新开户' } })).data.createLead;
    await claim(rm(m.N1), lead.id);
    const newCustomer = (over: Record<string, unknown> = {}) => ({
      name: '新开户',
      idType: 'PASSPORT',
      idNumber: 'E12345678',
      phone: '13812340000',
      birthDate: '1980-05-06',
      gender: 'MALE',
      branchId: toGlobalId('Branch', N),
      occupation: '工程师',
      employerSector: 'IT',
      personalAnnualIncome: '100000',
      householdAnnualIncome: '200000',
      householdFinancialAssets: '500000',
      ...over,
    });
    const CONVERT = `mutation($i: ConvertLeadInput!) { convertLead(input: $i) { stage customer { id name manager { code } } history { toStage } } }`;
    const customersNow = async () => resultRows<{ n: number }>(await t.host.runtime.database.db.execute(sql`select count(*)::int as n from customers`))[0]!.n;
    const before = await customersNow();
    // Both or neither of customerId and newCustomer; a customer input that createCustomer would refuse.
    expect(
      code(
        await t.gql(
          CONVERT,
          { i: { leadId: lead.id, customerId: toGlobalId('Customer', customerOfN1), newCustomer: newCustomer() } },
          { as: rm(m.N1) as never },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(CONVERT, { i: { leadId: lead.id } }, { as: rm(m.N1) as never }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(CONVERT, { i: { leadId: lead.id, newCustomer: newCustomer({ birthDate: '2999-01-01' }) } }, { as: rm(m.N1) as never }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await customersNow()).toBe(before);
    const done = await t.gql(CONVERT, { i: { leadId: lead.id, newCustomer: newCustomer() } }, { as: rm(m.N1) as never });
    expect(done.errors).toBeUndefined();
    // Opened in the converting manager's book.
    expect(done.data.convertLead).toMatchObject({ stage: 'CONVERTED', customer: { name: '新开户', manager: { code: 'T-LD-N1' } } });
    expect(await customersNow()).toBe(before + 1);
    // Converting again: refused, and no second customer.
    expect(code(await t.gql(CONVERT, { i: { leadId: lead.id, newCustomer: newCustomer({ idNumber: 'E12345679' }) } }, { as: rm(m.N1) as never }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await customersNow()).toBe(before + 1);
  });

  it('refuses backward and skipping moves, and moves by someone not holding the lead', async () => {
    const lead = (await create(rm(m.N1))).data.createLead;
    // Not held yet: cannot give feedback.
    expect(code(await advance(bmN(), { leadId: lead.id, toStage: 'FEEDBACK', note: 'x', contacts: [{ role: 'INFORMANT', name: '某' }] }))).toBe(
      'BAD_USER_INPUT',
    );
    await claim(rm(m.N1), lead.id);
    expect(code(await advance(rm(m.N1), { leadId: lead.id, toStage: 'REFINED', note: 'skip' }))).toBe('BAD_USER_INPUT');
    expect(code(await advance(rm(m.N1), { leadId: lead.id, toStage: 'COLLECTED', note: 'back' }))).toBe('BAD_USER_INPUT');
    expect(code(await advance(rm(m.N1), { leadId: lead.id, toStage: 'FEEDBACK', note: 'no people' }))).toBe('BAD_USER_INPUT');
    expect(code(await advance(rm(m.N2), { leadId: lead.id, toStage: 'FEEDBACK', note: 'x', contacts: [{ role: 'INFORMANT', name: '某' }] }))).toBe('NOT_FOUND');
    await advance(rm(m.N1), { leadId: lead.id, toStage: 'FEEDBACK', note: 'ok', contacts: [{ role: 'INFORMANT', name: '某' }] });
    expect(code(await advance(rm(m.N1), { leadId: lead.id, toStage: 'DISTRIBUTED', note: 'back' }))).toBe('BAD_USER_INPUT');
    const dropped = await t.gql(
      `mutation($i: DropLeadInput!) { dropLead(input: $i) { stage dropReason } }`,
      { i: { leadId: lead.id, reason: '无意向' } },
      { as: bmN() as never },
    );
    expect(dropped.data.dropLead).toEqual({ stage: 'DROPPED', dropReason: '无意向' });
    expect(code(await claim(rm(m.N2), lead.id))).toBe('BAD_USER_INPUT');
    expect((await audits(lead.id)).at(-1)).toBe('LEAD_DROPPED');
  });

  it('lets exactly one of two simultaneous claims win; the other learns who holds it', async () => {
    for (let round = 0; round < 3; round++) {
      const lead = (await create(HO)).data.createLead;
      const [a, b] = await Promise.all([claim(rm(m.N1), lead.id), claim(rm(m.N2), lead.id)]);
      const winners = [a, b].filter((r) => !r.errors);
      const losers = [a, b].filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const holder = winners[0]!.data.claimLead.manager.code;
      expect(losers[0]!.errors![0].extensions!.code).toBe('CONFLICT');
      expect(losers[0]!.errors![0].message).toContain(holder);
      const heldBy = losers[0]!.errors![0].extensions!.heldBy;
      expect(heldBy).toBe(toGlobalId('CustomerManager', holder === 'T-LD-N1' ? m.N1 : m.N2));
      const events = resultRows<{ n: number }>(
        await t.host.runtime.database.db.execute(
          sql`select count(*)::int as n from lead_events where lead_id = ${Number(Buffer.from(lead.id, 'base64url').toString().split(':')[1])} and to_stage = 'DISTRIBUTED'`,
        ),
      );
      expect(Number(events[0]!.n)).toBe(1);
    }
  });

  it('shows leads by role: the branch pool and own leads to managers, the branch to its manager, all to head office, none to partners', async () => {
    const pooled = (await create(HO, { prospect: { kind: 'PERSON', name: '池中' } })).data.createLead;
    const held = (await create(HO, { prospect: { kind: 'PERSON', name: '已领' } })).data.createLead;
    await claim(rm(m.N2), held.id);
    const ids = async (as: object) => {
      const r = await t.gql(`{ leads(first: 100) { totalCount edges { node { id } } } }`, {}, { as: as as never });
      return r.errors ? r.errors[0]!.extensions!.code : r.data.leads.edges.map((e: any) => e.node.id);
    };
    expect(await ids(rm(m.N1))).toContain(pooled.id);
    expect(await ids(rm(m.N1))).not.toContain(held.id);
    expect(await ids(rm(m.N2))).toContain(held.id);
    // Another branch's manager sees neither.
    expect(await ids(rm(m.S1))).not.toContain(pooled.id);
    expect(await ids({ role: 'BRANCH_MANAGER', branchId: S })).not.toContain(held.id);
    expect(await ids(bmN())).toEqual(expect.arrayContaining([pooled.id, held.id]));
    expect(await ids({ role: 'AUDITOR' })).toEqual(expect.arrayContaining([pooled.id, held.id]));
    expect(await ids({ role: 'PARTNER', partnerCode: 'funds' })).toBe('FORBIDDEN');
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: held.id }, { as: { role: 'PARTNER', partnerCode: 'funds' } as never });
    expect(node.data?.node ?? null).toBeNull();
    // Auditors read, never write.
    expect(code(await create({ role: 'AUDITOR' }))).toBe('FORBIDDEN');
    expect(code(await claim(bmN(), pooled.id))).toBe('FORBIDDEN');
  });

  it("puts held leads awaiting feedback in the holder's work queue: new, then overdue after core.leads.feedbackDueDays (7)", async () => {
    const lead = (await create(HO, { prospect: { kind: 'PERSON', name: '待反馈' } })).data.createLead;
    const claimed = await claim(rm(m.N2), lead.id);
    expect(claimed.errors).toBeUndefined();
    const Q = `query($id: ID!) { node(id: $id) { ... on CustomerManager { workQueue(kinds: [LEAD_NEW, LEAD_FEEDBACK_OVERDUE], first: 100) {
      edges { node { kind dueAt explanation customer { id } lead { id stage } } } } } } }`;
    const queue = async (at?: Date) => {
      const r = await t.gql(
        Q,
        { id: toGlobalId('CustomerManager', m.N2) },
        { as: rm(m.N2) as never, lang: 'en', headers: at ? { 'x-finmart-now': at.toISOString() } : {} },
      );
      expect(r.errors).toBeUndefined();
      return r.data.node.workQueue.edges.map((e: any) => e.node).filter((n: any) => n.lead?.id === lead.id);
    };
    const [fresh] = await queue();
    const assignedAt = Date.parse(claimed.data.claimLead.history.at(-1).at);
    expect(fresh).toMatchObject({ kind: 'LEAD_NEW', customer: null, lead: { id: lead.id, stage: 'DISTRIBUTED' } });
    expect(Math.abs(Date.parse(fresh.dueAt) - (assignedAt + 7 * 86_400_000))).toBeLessThan(5_000);
    expect(fresh.explanation).toMatch(/^New lead: give feedback by \d{4}-\d{2}-\d{2}$/);
    const [late] = await queue(new Date(Date.now() + 8 * 86_400_000));
    expect(late.kind).toBe('LEAD_FEEDBACK_OVERDUE');
    // Feedback given: nothing left to do for it.
    await advance(rm(m.N2), { leadId: lead.id, toStage: 'FEEDBACK', note: '已联系', contacts: [{ role: 'DECISION_MAKER', name: '某' }] });
    expect(await queue()).toEqual([]);
  });

  it('refuses bad input with a code before writing anything', async () => {
    const before = resultRows<{ n: number }>(await t.host.runtime.database.db.execute(sql`select count(*)::int as n from leads`))[0]!.n;
    expect(code(await create(HO, { industry: 'NOT_A_CODE' }))).toBe('BAD_USER_INPUT');
    expect(code(await create(HO, { latitude: 91 }))).toBe('BAD_USER_INPUT');
    expect(code(await create(HO, { prospect: { kind: 'BUSINESS_OWNER', name: '无公司' } }))).toBe('BAD_USER_INPUT');
    expect(code(await create(HO, { source: 'CUSTOMER_REFERRAL' }))).toBe('BAD_USER_INPUT');
    expect(code(await create(HO, { estimatedValue: '-1' }))).toBe('BAD_USER_INPUT');
    expect(resultRows<{ n: number }>(await t.host.runtime.database.db.execute(sql`select count(*)::int as n from leads`))[0]!.n).toBe(before);
  });

  describe('distribution', () => {
    const fixture = async () => {
      const specs: [number, number, string, string][] = [
        [30.01, 121.0, 'MANUFACTURING', '900000'],
        [31.01, 121.0, 'HEALTHCARE', '800000'],
        [31.02, 121.0, 'EDUCATION', '700000'],
        [31.0, 121.01, 'AGRICULTURE', '600000'],
      ];
      const out: string[] = [];
      for (const [latitude, longitude, industry, estimatedValue] of specs) {
        out.push((await create(HO, { latitude, longitude, industry, estimatedValue, prospect: { kind: 'PERSON', name: '分配' } })).data.createLead.id);
      }
      return out;
    };
    const distribute = (as: object, leadIds: string[], strategy: string, capacity?: number, idempotencyKey = key()) =>
      t.gql(
        `mutation($i: DistributeLeadsInput!) { distributeLeads(input: $i) { lead { id stage } manager { code } reason } }`,
        { i: { leadIds, strategy, capacity, idempotencyKey } },
        { as: as as never, lang: 'en' },
      );
    const summary = (r: any) => r.data.distributeLeads.map((a: any) => [a.manager?.code ?? null, a.reason]);
    // Open leads held now, so capacities below are hand-checked against them.
    const load = async (id: number) =>
      resultRows<{ n: number }>(
        await t.host.runtime.database.db.execute(
          sql`select count(*)::int as n from leads where manager_id = ${id} and stage in ('DISTRIBUTED','FEEDBACK','REFINED')`,
        ),
      )[0]!.n;

    it("NEAREST: the nearest branch's least-loaded manager, with the distance", async () => {
      const leadsN = await fixture();
      const r = await distribute(HO, leadsN, 'NEAREST', 1000);
      expect(r.errors).toBeUndefined();
      const [n1, n2] = [await load(m.N1), await load(m.N2)];
      const rows = summary(r);
      expect(rows[0]).toEqual(['T-LD-S1', 'nearest: 1.1 km']);
      expect(rows[1]![1]).toBe('nearest: 1.1 km');
      expect(rows[2]![1]).toBe('nearest: 2.2 km');
      expect(rows[3]![1]).toBe('nearest: 1.0 km');
      // L2, L3, L4 went to N's two managers, balanced.
      expect(rows.slice(1).every((x: any) => x[0] === 'T-LD-N1' || x[0] === 'T-LD-N2')).toBe(true);
      expect(Math.abs(n1 - n2)).toBeLessThanOrEqual(2);
    });

    it("INDUSTRY: a covering manager of the caller's scope, and none when nobody there covers the industry", async () => {
      const leadsI = await fixture();
      // N's branch manager distributes among N's managers: S1 (healthcare) is not theirs to give work to.
      const r = await distribute(bmN(), leadsI, 'INDUSTRY', 1000);
      expect(summary(r)).toEqual([
        ['T-LD-N1', 'industry: Manufacturing'],
        [null, 'industry: no manager covers Healthcare'],
        ['T-LD-N2', 'industry: Education'],
        [null, 'industry: no manager covers Agriculture'],
      ]);
      expect(r.data.distributeLeads.map((a: any) => a.lead.stage)).toEqual(['DISTRIBUTED', 'COLLECTED', 'DISTRIBUTED', 'COLLECTED']);
      // Each lead moved is audited with the strategy; those left in the pool are not.
      expect((await audits(leadsI[0]!)).at(-1)).toBe('LEAD_DISTRIBUTED');
      expect(await audits(leadsI[1]!)).toEqual(['LEAD_COLLECTED']);
    });

    it('COMBINED: nearest branch, then the manager there covering the industry; a branch manager distributes within the branch only', async () => {
      const leadsC = await fixture();
      const r = await distribute(bmN(), leadsC, 'COMBINED', 1000);
      expect(summary(r)).toEqual([
        // Only N's managers are candidates for N's branch manager: L1 goes to N (110.1 km), to its manufacturing manager.
        ['T-LD-N1', 'nearest: 110.1 km; industry: Manufacturing'],
        [expect.stringMatching(/^T-LD-N[12]$/), 'nearest: 1.1 km; no manager there with room covers Healthcare'],
        ['T-LD-N2', 'nearest: 2.2 km; industry: Education'],
        [expect.stringMatching(/^T-LD-N[12]$/), 'nearest: 1.0 km; no manager there with room covers Agriculture'],
      ]);
    });

    it('caps every manager at the capacity, counting the leads they already hold', async () => {
      const leadsK = await fixture();
      const cap = Math.max(await load(m.N1), await load(m.N2), await load(m.S1));
      // At the current maximum load, only the less loaded managers may take leads, up to it.
      const r = await distribute(HO, leadsK, 'NEAREST', cap);
      for (const id of [m.N1, m.N2, m.S1]) expect(await load(id)).toBeLessThanOrEqual(cap);
      expect(summary(r).some((x: any) => x[0] === null || x[1] === 'every manager is at capacity') || summary(r).every((x: any) => x[0] !== null)).toBe(true);
    });

    it('CLAIM_FIRST publishes for claiming; claims stand in later distributions; same key, same answer; deterministic', async () => {
      const leadsP = await fixture();
      const published = await distribute(HO, leadsP, 'CLAIM_FIRST');
      expect(summary(published).map((x: any) => x[0])).toEqual([null, null, null, null]);
      expect(published.data.distributeLeads.map((a: any) => a.lead.stage)).toEqual(['DISTRIBUTED', 'DISTRIBUTED', 'DISTRIBUTED', 'DISTRIBUTED']);
      expect((await claim(rm(m.N2), leadsP[0]!)).data.claimLead.manager.code).toBe('T-LD-N2');
      const k = key();
      const first = await distribute(HO, leadsP, 'INDUSTRY', 1000, k);
      expect(summary(first)[0]).toEqual(['T-LD-N2', 'already held: the claim stands (first claim)']);
      const replay = await distribute(HO, leadsP, 'INDUSTRY', 1000, k);
      expect(summary(replay)).toEqual(summary(first));
      expect(code(await distribute(HO, leadsP, 'NEAREST', 1000, k))).toBe('IDEMPOTENCY_KEY_REUSED');
      // Partners and relationship managers do not distribute.
      expect(code(await distribute(rm(m.N1), leadsP, 'NEAREST'))).toBe('FORBIDDEN');
    });
  });

  it("lets head office and the branch manager declare what distribution reads: a manager's industries, a branch's location", async () => {
    const SET = `mutation($m: ID!, $i: [String!]!) { setManagerIndustries(managerId: $m, industries: $i) { code industries } }`;
    const LOC = `mutation($b: ID!, $lat: Float!, $lon: Float!) { setBranchLocation(branchId: $b, latitude: $lat, longitude: $lon) { code latitude longitude } }`;
    const s1 = toGlobalId('CustomerManager', m.S1);
    const set = await t.gql(SET, { m: s1, i: ['HEALTHCARE', 'EDUCATION', 'HEALTHCARE'] }, { as: { role: 'BRANCH_MANAGER', branchId: S } as never });
    expect(set.data.setManagerIndustries).toEqual({ code: 'T-LD-S1', industries: ['EDUCATION', 'HEALTHCARE'] });
    expect(code(await t.gql(SET, { m: s1, i: ['HEALTHCARE'] }, { as: bmN() as never }))).toBe('NOT_FOUND');
    expect(code(await t.gql(SET, { m: s1, i: ['NOT_A_CODE'] }, { as: HO as never }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SET, { m: s1, i: ['HEALTHCARE'] }, { as: rm(m.S1) as never }))).toBe('FORBIDDEN');
    expect((await t.gql(SET, { m: s1, i: ['HEALTHCARE'] }, { as: HO as never })).data.setManagerIndustries.industries).toEqual(['HEALTHCARE']);
    const b = toGlobalId('Branch', S);
    expect(code(await t.gql(LOC, { b, lat: 91, lon: 121 }, { as: HO as never }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(LOC, { b, lat: 30, lon: 121 }, { as: { role: 'BRANCH_MANAGER', branchId: S } as never }))).toBe('FORBIDDEN');
    expect((await t.gql(LOC, { b, lat: 30, lon: 121 }, { as: HO as never })).data.setBranchLocation).toEqual({ code: 'T-LD-S', latitude: 30, longitude: 121 });
    const trail = resultRows<{ action: string }>(
      await t.host.runtime.database.db.execute(sql`select action from audit_events where target_id in (${s1}, ${b}) order by id`),
    ).map((r) => r.action);
    expect(trail).toEqual(['MANAGER_INDUSTRIES_CHANGED', 'MANAGER_INDUSTRIES_CHANGED', 'BRANCH_LOCATION_CHANGED']);
  });
});
