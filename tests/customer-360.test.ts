import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from './support/databases.js';
import { createTestHost, type TestHost } from './support/test-host.js';

const C360 = `query C($id: ID!) { customer(id: $id) {
  id name idNumber phone birthDate age lifeStage residency nationality tier activity version
  riskProfile { level lowestCategory assessedAt expiresAt expired }
  manager { id name grade } branch { id name }
  totalAssets { amount currency } productCoverage { linesHeld linesTotal ratio lines }
  holdings(first: 100) { totalCount edges { node { id quantity marketValue { amount currency } marketValueCny { amount } product { id code line } } } }
  contacts(first: 3) { totalCount edges { node { channel occurredAt } } }
  complaints(first: 5) { totalCount edges { node { status } } }
} }`;

describe.each(testDrivers())('customer 360 and the book (%s)', (driver) => {
  let t: TestHost;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 100 });
    const r = await t.gql(`{ customers(first: 100) { edges { node { id } } } }`);
    ids = r.data.customers.edges.map((e: any) => e.node.id);
  });
  afterAll(() => t?.close());

  it('masks identity, derives tier/life stage from settings and sums holdings in CNY', async () => {
    const r = await t.gql(C360, { id: ids[1] });
    expect(r.errors).toBeUndefined();
    const c = r.data.customer;
    expect(c.idNumber).toMatch(/^.{6}\*+.{4}$/);
    expect(c.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(['YOUNG', 'MIDDLE_AGED', 'SENIOR']).toContain(c.lifeStage);
    const expectedStage = c.age >= 60 ? 'SENIOR' : c.age >= 35 ? 'MIDDLE_AGED' : 'YOUNG';
    expect(c.lifeStage).toBe(expectedStage);
    const sum = c.holdings.edges.reduce((acc: number, e: any) => acc + Math.round(Number(e.node.marketValueCny.amount) * 100), 0);
    expect(Math.round(Number(c.totalAssets.amount) * 100)).toBe(sum);
    const total = Number(c.totalAssets.amount);
    const tier = total >= 6e6 ? 'PRIVATE_BANKING' : total >= 2e6 ? 'DIAMOND' : total >= 5e5 ? 'PLATINUM' : total >= 5e4 ? 'GOLD' : 'STANDARD';
    expect(c.tier).toBe(tier);
    // One line per loaded plugin.
    expect(c.productCoverage.linesTotal).toBe(t.host.runtime.plugins.length);
    expect(c.productCoverage.linesHeld).toBe(new Set(c.holdings.edges.map((e: any) => e.node.product.line)).size);
  });

  it('every customer in the demo bank has a well-formed 360', async () => {
    const r = await t.gql(`{ customers(first: 100) { totalCount edges { node { tier activity lifeStage age riskProfile { level } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.customers.totalCount).toBe(100);
    const tiers = new Set(r.data.customers.edges.map((e: any) => e.node.tier));
    expect(tiers.size).toBeGreaterThan(1);
  });

  it('filters the book: risk level, life stage, tier, search', async () => {
    const all = (await t.gql(`{ customers(first: 100) { edges { node { id name age tier riskProfile { level } } } } }`)).data.customers.edges.map(
      (e: any) => e.node,
    );
    const c3 = await t.gql(`{ customers(first: 100, filter: { riskLevel: C3 }) { totalCount edges { node { riskProfile { level } } } } }`);
    expect(c3.data.customers.totalCount).toBe(all.filter((c: any) => c.riskProfile?.level === 'C3').length);
    const seniors = await t.gql(`{ customers(first: 100, filter: { lifeStage: SENIOR }) { edges { node { age } } } }`);
    expect(seniors.data.customers.edges.length).toBe(all.filter((c: any) => c.age >= 60).length);
    expect(seniors.data.customers.edges.every((e: any) => e.node.age >= 60)).toBe(true);
    const gold = await t.gql(`{ customers(first: 100, filter: { tier: GOLD }) { edges { node { tier } } } }`);
    expect(gold.data.customers.edges.every((e: any) => e.node.tier === 'GOLD')).toBe(true);
    const someone = all[7];
    const byName = await t.gql(`query S($s: String!) { customers(first: 10, filter: { search: $s }) { edges { node { name } } } }`, { s: someone.name });
    expect(byName.data.customers.edges.map((e: any) => e.node.name)).toContain(someone.name);
  });

  it('pages forward and backward with opaque cursors, and refuses bad page sizes', async () => {
    const p1 = await t.gql(`{ customers(first: 30) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`);
    const p2 = await t.gql(`query P($a: String!) { customers(first: 30, after: $a) { pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }`, {
      a: p1.data.customers.pageInfo.endCursor,
    });
    expect(p1.data.customers.pageInfo.hasNextPage).toBe(true);
    expect(p2.data.customers.pageInfo.hasPreviousPage).toBe(true);
    const seen = [...p1.data.customers.edges, ...p2.data.customers.edges].map((e: any) => e.node.id);
    expect(seen).toEqual(ids.slice(0, 60));
    const back = await t.gql(`query P($b: String!) { customers(last: 10, before: $b) { edges { node { id } } } }`, {
      b: p2.data.customers.edges[0] ? p1.data.customers.edges[29].cursor : '',
    });
    expect(back.data.customers.edges.map((e: any) => e.node.id)).toEqual(ids.slice(19, 29));
    for (const first of [-1, 101]) {
      const bad = await t.gql(`query B($f: Int!) { customers(first: $f) { edges { node { id } } } }`, { f: first });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badCursor = await t.gql(`{ customers(first: 5, after: "not-a-cursor") { edges { node { id } } } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves any object through node(id), and unknown ids to null', async () => {
    const c = (await t.gql(C360, { id: ids[2] })).data.customer;
    const holding = c.holdings.edges[0]?.node;
    const r = await t.gql(
      `query N($a: ID!, $b: ID!, $m: ID!) { a: node(id: $a) { __typename id } b: node(id: $b) { __typename id } m: node(id: $m) { __typename ... on CustomerManager { grade } } x: node(id: "Q3VzdG9tZXI6OTk5OTk5") { id } }`,
      {
        a: c.id,
        b: holding?.product.id ?? c.id,
        m: c.manager?.id ?? c.branch.id,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.a).toEqual({ __typename: 'Customer', id: c.id });
    if (holding) expect(r.data.b.__typename).toMatch(/Product$/);
    expect(r.data.x).toBeNull();
  });

  it('updateCustomer applies optimistic concurrency: a stale version gets CONFLICT and changes nothing', async () => {
    const before = (await t.gql(C360, { id: ids[3] })).data.customer;
    const ok = await t.gql(
      `mutation U($id: ID!, $v: Int!) { updateCustomer(input: { id: $id, version: $v, occupation: "ENGINEER" }) { version occupation } }`,
      { id: ids[3], v: before.version },
    );
    expect(ok.data.updateCustomer).toEqual({ version: before.version + 1, occupation: 'ENGINEER' });
    const stale = await t.gql(
      `mutation U($id: ID!, $v: Int!) { updateCustomer(input: { id: $id, version: $v, occupation: "DOCTOR" }) { version } }`,
      { id: ids[3], v: before.version },
      { lang: 'en' },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/changed meanwhile/);
    const after = await t.gql(`query C($id: ID!) { customer(id: $id) { occupation version } }`, { id: ids[3] });
    expect(after.data.customer).toEqual({ occupation: 'ENGINEER', version: before.version + 1 });
  });

  it('a new risk assessment becomes the risk profile; a lowest-category C3 is refused', async () => {
    const r = await t.gql(
      `mutation R($id: ID!) { recordRiskAssessment(input: { customerId: $id, level: C4, experienceYears: 3, channel: COUNTER }) { riskProfile { level expired } } }`,
      { id: ids[4] },
    );
    expect(r.data.recordRiskAssessment.riskProfile).toEqual({ level: 'C4', expired: false });
    const bad = await t.gql(
      `mutation R($id: ID!) { recordRiskAssessment(input: { customerId: $id, level: C3, lowestCategory: true, channel: COUNTER }) { id } }`,
      { id: ids[4] },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const still = await t.gql(`query C($id: ID!) { customer(id: $id) { riskProfile { level } } }`, { id: ids[4] });
    expect(still.data.customer.riskProfile.level).toBe('C4');
  });

  it('a reached contact makes a dormant customer OCCASIONAL; an unanswered call leaves it DORMANT (activity counts business)', async () => {
    const dormant = await t.gql(`{ customers(first: 1, filter: { activity: DORMANT }) { edges { node { id activity } } } }`);
    const id = dormant.data.customers.edges[0].node.id;
    const log = (outcome: string) =>
      t.gql(
        `mutation L($id: ID!, $o: ContactOutcome!) { logContact(input: { customerId: $id, channel: PHONE, summary: "电话回访", outcome: $o }) { channel } }`,
        { id, o: outcome },
      );
    const ACTIVITY = `query C($id: ID!) { customer(id: $id) { activity contacts(first: 1) { edges { node { summary } } } } }`;
    expect((await log('NO_ANSWER')).errors).toBeUndefined();
    expect((await t.gql(ACTIVITY, { id })).data.customer.activity).toBe('DORMANT');
    expect((await log('REACHED')).errors).toBeUndefined();
    const after = await t.gql(ACTIVITY, { id });
    // One piece of business in the window (default core.activityByBusiness: OCCASIONAL from 1, FREQUENT from 4).
    expect(after.data.customer.activity).toBe('OCCASIONAL');
    expect(after.data.customer.contacts.edges[0].node.summary).toBe('电话回访');
  });

  it("pages a customer's contacts newest first, forward and backward", async () => {
    const list = (await t.gql(`{ customers(first: 100) { edges { node { id contacts(first: 1) { totalCount } } } } }`)).data.customers.edges;
    const id = list.find((e: any) => e.node.contacts.totalCount >= 4).node.id;
    const Q = `query P($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { customer(id: $id) { contacts(first: $first, after: $after, last: $last, before: $before) { pageInfo { endCursor hasNextPage hasPreviousPage } edges { cursor node { id occurredAt } } } } }`;
    const all = (await t.gql(Q, { id, first: 4 })).data.customer.contacts;
    const p1 = (await t.gql(Q, { id, first: 2 })).data.customer.contacts;
    const p2 = (await t.gql(Q, { id, first: 2, after: p1.pageInfo.endCursor })).data.customer.contacts;
    expect([...p1.edges, ...p2.edges].map((e: any) => e.node.id)).toEqual(all.edges.map((e: any) => e.node.id));
    expect(p2.pageInfo.hasPreviousPage).toBe(true);
    const times = all.edges.map((e: any) => Date.parse(e.node.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const back = (await t.gql(Q, { id, last: 2, before: all.edges[3].cursor })).data.customer.contacts;
    expect(back.edges.map((e: any) => e.node.id)).toEqual(all.edges.slice(1, 3).map((e: any) => e.node.id));
  });

  it('complaints move forward one step at a time', async () => {
    const filed = await t.gql(
      `mutation F($id: ID!) { fileComplaint(input: { customerId: $id, category: SERVICE, description: "排队时间过长" }) { id status version } }`,
      { id: ids[5] },
    );
    const c = filed.data.fileComplaint;
    expect(c.status).toBe('RECORDED');
    const skip = await t.gql(
      `mutation A($id: ID!, $v: Int!) { advanceComplaint(input: { complaintId: $id, version: $v, to: HANDLED, note: "x" }) { status } }`,
      { id: c.id, v: c.version },
    );
    expect(skip.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    let version = c.version;
    for (const [to, note] of [
      ['ACCEPTED', null],
      ['ANALYSED', '分析：网点人手不足'],
      ['HANDLED', '增加窗口'],
      ['FEEDBACK_GIVEN', '已电话告知客户'],
    ] as const) {
      // Closing needs the customer's feedback on the handling first (or a reason it could not be had).
      if (to === 'FEEDBACK_GIVEN') {
        const fb = await t.gql(
          `mutation S($c: ID!, $id: ID!) { recordSatisfaction(input: { customerId: $c, subject: { type: COMPLAINT, id: $id }, score: 4 }) { id } }`,
          { c: ids[5], id: c.id },
        );
        expect(fb.errors).toBeUndefined();
      }
      const r = await t.gql(
        `mutation A($id: ID!, $v: Int!, $to: ComplaintStatus!, $n: String) { advanceComplaint(input: { complaintId: $id, version: $v, to: $to, note: $n }) { status version } }`,
        { id: c.id, v: version, to, n: note },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.advanceComplaint.status).toBe(to);
      version = r.data.advanceComplaint.version;
    }
  });

  it('answers in the language asked for', async () => {
    const zh = await t.gql(`{ customers(first: -1) { edges { node { id } } } }`);
    const en = await t.gql(`{ customers(first: -1) { edges { node { id } } } }`, {}, { lang: 'en' });
    expect(zh.errors?.[0].message).toMatch(/必须/);
    expect(en.errors?.[0].message).toMatch(/must be between/);
  });
});
