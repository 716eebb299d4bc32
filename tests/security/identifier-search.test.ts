import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Issue 10 §3: search is not an oracle for masked fields. An auditor (who may not
// reveal phones) recovered a full phone in 26 searches by growing a prefix.

const SEARCH = `query($s: String) { customers(first: 10, filter: { search: $s }) { totalCount edges { node { id name } } } }`;
const TRAIL = `query($a: String, $after: String) { auditEvents(first: 100, after: $after, filter: { actor: $a, action: "PII_SEARCH" }) {
  pageInfo { hasNextPage endCursor } edges { node { targetType targetId requestId details } } } }`;

describe.each(testDrivers())('identifier search (%s)', (driver) => {
  let t: TestHost;
  let target: { id: string; name: string; phone: string; idNumber: string };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60 });
    const first = (await t.gql(`{ customers(first: 30) { edges { node { id } } } }`)).data.customers.edges[17].node.id;
    const r = await t.gql(`query($id: ID!) { customer(id: $id) { id name identity(purpose: "test fixture") { idNumber phone } } }`, { id: first });
    expect(r.errors).toBeUndefined();
    target = { id: r.data.customer.id, name: r.data.customer.name, ...r.data.customer.identity };
    expect(target.phone).toMatch(/^1\d{10}$/);
  }, 180_000);
  afterAll(() => t?.close());

  const as = async (role: 'HEAD_OFFICE' | 'RELATIONSHIP_MANAGER', subject: string) =>
    `Bearer ${await t.token(role === 'HEAD_OFFICE' ? { role, subject } : { role, managerId: 1, subject })}`;
  async function trail(actor: string) {
    const events: { targetType: string; targetId: string; requestId: string; details: Record<string, unknown> }[] = [];
    let after: string | null = null;
    do {
      const r: any = await t.gql(TRAIL, { a: actor, after }, { as: { role: 'AUDITOR' } });
      expect(r.errors).toBeUndefined();
      events.push(...r.data.auditEvents.edges.map((e: any) => e.node));
      after = r.data.auditEvents.pageInfo.hasNextPage ? r.data.auditEvents.pageInfo.endCursor : null;
    } while (after);
    return events;
  }

  it('growing a phone prefix digit by digit matches nothing until the whole number, and every attempt is audited', async () => {
    const subject = `prefix-${driver}`;
    const bearer = await as('HEAD_OFFICE', subject);
    const found: number[] = [];
    for (let k = 1; k <= target.phone.length; k++) {
      const r = await t.gql(SEARCH, { s: target.phone.slice(0, k) }, { as: bearer });
      expect(r.errors, `prefix of ${k}`).toBeUndefined();
      found.push(r.data.customers.totalCount);
      if (k < target.phone.length) expect(r.data.customers.edges, `prefix of ${k}`).toEqual([]);
    }
    expect(found.slice(0, -1).every((n) => n === 0)).toBe(true);
    const full = await t.gql(SEARCH, { s: target.phone }, { as: bearer });
    expect(full.data.customers.edges.map((e: any) => e.node.id)).toContain(target.id);
    // The last four digits, or any middle part, match nothing either.
    for (const part of [target.phone.slice(-4), target.phone.slice(-8), target.phone.slice(2, 9)]) {
      expect((await t.gql(SEARCH, { s: part }, { as: bearer })).data.customers.totalCount, part).toBe(0);
    }

    const events = await trail(subject);
    // 10 prefixes + 3 parts found nobody; the whole number (twice) found the customer.
    expect(events.filter((e) => e.targetType === 'CustomerSearch')).toHaveLength(10 + 3);
    const hits = events.filter((e) => e.targetType === 'Customer');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.filter((e) => e.targetId === target.id)).toHaveLength(2);
    expect(hits.every((e) => e.details.matchedBy === 'phone')).toBe(true);
    // The searched value is never written to the trail.
    const json = JSON.stringify(events);
    expect(json).not.toContain(target.phone);
    expect(json).not.toContain(target.phone.slice(0, 7));
  });

  it('an ID number matches only whole (any case of X, spaces ignored); a prefix matches nothing', async () => {
    const bearer = await as('RELATIONSHIP_MANAGER', `id-search-${driver}`);
    const ho = await as('HEAD_OFFICE', `id-search-ho-${driver}`);
    for (const k of [4, 6, 10, 14, 17]) {
      expect((await t.gql(SEARCH, { s: target.idNumber.slice(0, k) }, { as: ho })).data.customers.totalCount, `prefix ${k}`).toBe(0);
    }
    const spaced = `${target.idNumber.slice(0, 6)} ${target.idNumber.slice(6, 14)} ${target.idNumber.slice(14).toLowerCase()}`;
    for (const s of [target.idNumber, spaced]) {
      const r = await t.gql(SEARCH, { s }, { as: ho });
      expect(
        r.data.customers.edges.map((e: any) => e.node.id),
        s,
      ).toEqual([target.id]);
    }
    // A phone written with spaces, dashes or +86 is the same phone.
    for (const s of [`+86 ${target.phone}`, `${target.phone.slice(0, 3)}-${target.phone.slice(3, 7)}-${target.phone.slice(7)}`]) {
      const r = await t.gql(SEARCH, { s }, { as: ho });
      expect(
        r.data.customers.edges.map((e: any) => e.node.id),
        s,
      ).toContain(target.id);
    }
    // A relationship manager searches their own book only; a customer outside it is not found (and the search is still audited).
    const own = await t.gql(SEARCH, { s: target.idNumber }, { as: bearer });
    expect(own.errors).toBeUndefined();
    expect((await trail(`id-search-${driver}`)).length).toBe(1);
  });

  it('auditors and partners may not search by phone or ID number; name search keeps working for them', async () => {
    for (const role of ['AUDITOR', 'PARTNER'] as const) {
      const r = await t.gql(SEARCH, { s: target.phone }, { as: role === 'PARTNER' ? { role, partnerCode: 'pingan-life' } : { role } });
      expect(r.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(r.data?.customers ?? null).toBeNull();
    }
    const part = target.name.slice(1);
    const byName = await t.gql(SEARCH, { s: part }, { as: { role: 'AUDITOR' } });
    expect(byName.errors).toBeUndefined();
    expect(byName.data.customers.edges.map((e: any) => e.node.id)).toContain(target.id);
    expect((await trail('dev:auditor')).length).toBe(0);
  });

  it('searches of one request are audited in one insert, with its 360 reads', async () => {
    const subject = `batched-${driver}`;
    const bearer = await as('HEAD_OFFICE', subject);
    const one = await t.gql(
      `query($a: String) { a: customers(first: 5, filter: { search: $a }) { edges { node { id } } } }`,
      { a: target.phone },
      { as: bearer },
    );
    const three = await t.gql(
      `query($a: String, $b: String, $c: String) { a: customers(first: 5, filter: { search: $a }) { edges { node { id } } } b: customers(first: 5, filter: { search: $b }) { edges { node { id } } } c: customers(first: 5, filter: { search: $c }) { edges { node { id } } } }`,
      { a: target.phone, b: target.idNumber, c: '1380000' },
      { as: bearer },
    );
    expect(three.errors).toBeUndefined();
    // Two more selects; every PII_SEARCH entry and 360 read of the request still goes into the one audit insert.
    expect(three.statements).toBe(one.statements + 2);
    const events = (await trail(subject)).filter((e) => e.requestId === three.headers.get('x-request-id'));
    expect(events.map((e) => e.targetType).sort()).toEqual(['Customer', 'Customer', 'CustomerSearch']);
  });
});
