import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, HEAD_OFFICE, type TestHost } from '../support/test-host.js';

// Managers and branches are 1-based database ids (the seed creates 4 branches, 16 managers).
const RM1 = { role: 'RELATIONSHIP_MANAGER', managerId: 1 } as const;
const BM1 = { role: 'BRANCH_MANAGER', branchId: 1 } as const;
const AUDITOR = { role: 'AUDITOR' } as const;
const PARTNER = { role: 'PARTNER', partnerCode: 'pingan-life' } as const;
const RM1_SUBJECT = 'dev:relationship_manager1';
const MANAGER1 = toGlobalId('CustomerManager', 1);
const BRANCH1 = toGlobalId('Branch', 1);

type Row = {
  id: string;
  name: string;
  version: number;
  manager: { id: string } | null;
  branch: { id: string };
  holdings: { edges: { node: { id: string } }[] };
};

describe.each(testDrivers())('access matrix (%s)', (driver) => {
  let t: TestHost;
  let all: Row[];
  let own: Row; // in manager 1's book
  let inBranchNotBook: Row; // branch 1, another manager
  let outside: Row; // neither manager 1's book nor branch 1
  let outsideHolding: string;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80 });
    const r = await t.gql(
      `{ customers(first: 100) { edges { node { id name version manager { id } branch { id } holdings(first: 5) { edges { node { id } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    all = r.data.customers.edges.map((e: { node: Row }) => e.node);
    own = all.find((c) => c.manager?.id === MANAGER1)!;
    inBranchNotBook = all.find((c) => c.branch.id === BRANCH1 && c.manager?.id !== MANAGER1)!;
    outside = all.find((c) => c.branch.id !== BRANCH1 && c.manager?.id !== MANAGER1 && c.holdings.edges.length > 0)!;
    outsideHolding = outside.holdings.edges[0].node.id;
    expect(own && inBranchNotBook && outside).toBeTruthy();
  }, 180_000);
  afterAll(() => t?.close());

  describe('customers', () => {
    it('the list holds only the caller’s book, branch or everything', async () => {
      const q = `{ customers(first: 100) { totalCount edges { node { id manager { id } branch { id } } } } }`;
      const rm = (await t.gql(q, {}, { as: RM1 })).data.customers;
      expect(rm.edges.length).toBeGreaterThan(0);
      expect(rm.edges.every((e: { node: Row }) => e.node.manager?.id === MANAGER1)).toBe(true);
      expect(rm.totalCount).toBe(all.filter((c) => c.manager?.id === MANAGER1).length);
      const bm = (await t.gql(q, {}, { as: BM1 })).data.customers;
      expect(bm.edges.every((e: { node: Row }) => e.node.branch.id === BRANCH1)).toBe(true);
      expect(bm.totalCount).toBe(all.filter((c) => c.branch.id === BRANCH1).length);
      expect((await t.gql(q, {}, { as: AUDITOR })).data.customers.totalCount).toBe(all.length);
      const p = await t.gql(q, {}, { as: PARTNER });
      expect(p.data.customers).toMatchObject({ totalCount: 0, edges: [] });
    });

    const inBook = (c: Row) => c.manager?.id === MANAGER1;
    const inBranch = (c: Row) => c.branch.id === BRANCH1;
    it.each([
      ['RELATIONSHIP_MANAGER', RM1, inBook],
      ['BRANCH_MANAGER', BM1, inBranch],
      ['HEAD_OFFICE', HEAD_OFFICE, () => true],
      ['AUDITOR', AUDITOR, () => true],
      ['PARTNER', PARTNER, () => false],
    ] as const)('%s reaches exactly its customers by customer(id), node(id) and nested holdings', async (_role, as, sees) => {
      for (const [k, c] of Object.entries({ own, inBranchNotBook, outside })) {
        const visible = sees(c);
        const direct = await t.gql(`query($id: ID!) { customer(id: $id) { id name } }`, { id: c.id }, { as });
        const node = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Customer { name } } }`, { id: c.id }, { as });
        expect(direct.errors).toBeUndefined();
        expect(node.errors).toBeUndefined();
        expect(direct.data.customer?.id ?? null, `${k} via customer`).toBe(visible ? c.id : null);
        expect(node.data.node?.id ?? null, `${k} via node`).toBe(visible ? c.id : null);
      }
      // A holding is visible exactly when its customer is.
      const h = await t.gql(`query($id: ID!) { node(id: $id) { id ... on Holding { product { id } } } }`, { id: outsideHolding }, { as });
      expect(h.errors).toBeUndefined();
      expect(h.data.node?.id ?? null).toBe(sees(outside) ? outsideHolding : null);
      // Nested: the holdings of visible customers only ever belong to visible customers.
      const nested = await t.gql(`{ customers(first: 100) { edges { node { id holdings(first: 20) { edges { node { id } } } } } } }`, {}, { as });
      expect(nested.errors).toBeUndefined();
      const holdingIds = nested.data.customers.edges.flatMap((e: { node: { holdings: { edges: { node: { id: string } }[] } } }) =>
        e.node.holdings.edges.map((h) => h.node.id),
      );
      expect(holdingIds.includes(outsideHolding)).toBe(sees(outside));
    });
  });

  describe('products', () => {
    it('a partner sees only its own products, by list, product(id) and node(id)', async () => {
      const mine = await t.gql(`{ products(first: 100) { totalCount edges { node { id line ... on InsuranceProduct { insurer } } } } }`, {}, { as: PARTNER });
      expect(mine.errors).toBeUndefined();
      const edges = mine.data.products.edges as { node: { id: string; line: string; insurer: string } }[];
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.every((e) => e.node.line === 'INSURANCE' && e.node.insurer === 'pingan-life')).toBe(true);
      const other = await t.gql(`{ products(first: 100, filter: { line: FUNDS }) { edges { node { id } } } }`);
      const fundId = other.data.products.edges[0].node.id;
      const viaProduct = await t.gql(`query($id: ID!) { product(id: $id) { id } }`, { id: fundId }, { as: PARTNER });
      const viaNode = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: fundId }, { as: PARTNER });
      expect(viaProduct.data.product).toBeNull();
      expect(viaNode.data.node).toBeNull();
      const stranger = await t.gql(`{ products(first: 10) { totalCount } }`, {}, { as: { role: 'PARTNER', partnerCode: 'nobody' } });
      expect(stranger.data.products.totalCount).toBe(0);
    });
  });

  describe('mutations', () => {
    const mutations = (customerId: string, version: number) =>
      [
        [`mutation($id: ID!, $v: Int!) { updateCustomer(input: { id: $id, version: $v, name: "篡改" }) { id } }`, { id: customerId, v: version }],
        [`mutation($id: ID!) { recordRiskAssessment(input: { customerId: $id, level: C5, channel: COUNTER }) { id } }`, { id: customerId }],
        [`mutation($id: ID!) { logContact(input: { customerId: $id, channel: PHONE, outcome: REACHED, summary: "x" }) { id } }`, { id: customerId }],
        [`mutation($id: ID!) { fileComplaint(input: { customerId: $id, category: SERVICE, description: "x" }) { id } }`, { id: customerId }],
        [
          `mutation($id: ID!, $m: ID!) { assignManager(customerId: $id, managerId: $m) { ... on Customer { id } } }`,
          { id: customerId, m: toGlobalId('CustomerManager', 2) },
        ],
        [
          `mutation($b: ID!) { createCustomer(input: { name: "测试", idType: PASSPORT, idNumber: "E12345678", phone: "13800000000", birthDate: "1980-01-01", gender: MALE, branchId: $b, occupation: "x", employerSector: "x", personalAnnualIncome: "1", householdAnnualIncome: "1", householdFinancialAssets: "1" }) { id } }`,
          { b: BRANCH1 },
        ],
      ] as const;

    it.each([
      ['AUDITOR', AUDITOR],
      ['PARTNER', PARTNER],
    ] as const)('%s is FORBIDDEN on every mutation and nothing is written', async (_r, as) => {
      const before = await t.gql(`{ customers(first: 1) { totalCount } }`);
      for (const [m, v] of mutations(own.id, own.version)) {
        const r = await t.gql(m, v, { as });
        expect(r.data?.[Object.keys(r.data ?? {})[0]] ?? null, m).toBeNull();
        expect(r.errors?.[0]?.extensions?.code, m).toBe('FORBIDDEN');
      }
      const after = await t.gql(
        `query($id: ID!) { customer(id: $id) { name version riskProfile { level } manager { id } contacts { totalCount } complaints { totalCount } } }`,
        { id: own.id },
      );
      expect(after.data.customer).toMatchObject({ name: own.name, version: own.version, manager: { id: MANAGER1 } });
      expect((await t.gql(`{ customers(first: 1) { totalCount } }`)).data.customers.totalCount).toBe(before.data.customers.totalCount);
    });

    it('a manager cannot change a customer outside the book: NOT_FOUND, nothing written', async () => {
      for (const target of [outside, inBranchNotBook]) {
        const r = await t.gql(
          `mutation($id: ID!, $v: Int!) { updateCustomer(input: { id: $id, version: $v, name: "篡改" }) { id } }`,
          { id: target.id, v: target.version },
          { as: RM1 },
        );
        expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        const contact = await t.gql(
          `mutation($id: ID!) { logContact(input: { customerId: $id, channel: PHONE, outcome: REACHED, summary: "x" }) { id } }`,
          { id: target.id },
          { as: RM1 },
        );
        expect(contact.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        const now = await t.gql(`query($id: ID!) { customer(id: $id) { name version contacts { totalCount } } }`, { id: target.id });
        expect(now.data.customer).toMatchObject({ name: target.name, version: target.version });
      }
    });
  });

  describe('personal data', () => {
    it('ID numbers and phones are masked for every role that sees customers', async () => {
      for (const as of [RM1, BM1, HEAD_OFFICE, AUDITOR]) {
        const r = await t.gql(`{ customers(first: 20) { edges { node { idNumber phone } } } }`, {}, { as });
        for (const { node } of r.data.customers.edges as { node: { idNumber: string; phone: string } }[]) {
          expect(node.idNumber).toMatch(/^[0-9A-Z]{0,6}\*+[0-9A-Z]{0,4}$/);
          expect(node.phone).toMatch(/^\d{3}\*+\d{4}$/);
        }
      }
    });

    it('identity needs a serving role and a purpose, and every reveal is audited', async () => {
      const q = `query($id: ID!, $p: String!) { customer(id: $id) { identity(purpose: $p) { idNumber phone } } }`;
      const missing = await t.gql(`query($id: ID!) { customer(id: $id) { identity { idNumber } } }`, { id: own.id }, { as: RM1 });
      expect(missing.status).toBe(400);
      expect(missing.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const short = await t.gql(q, { id: own.id, p: ' ab ' }, { as: RM1 });
      expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(short.data?.customer ?? null).toBeNull();
      for (const as of [AUDITOR]) {
        const r = await t.gql(q, { id: own.id, p: 'periodic review' }, { as });
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const purpose = `KYC refresh ${driver}`;
      const ok = await t.gql(q, { id: own.id, p: purpose }, { as: RM1 });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.customer.identity.idNumber).not.toContain('*');
      expect(ok.data.customer.identity.phone).toMatch(/^\d{11}$/);
      // Out of book: the customer is null, so no identity and no reveal.
      const out = await t.gql(q, { id: outside.id, p: purpose }, { as: RM1 });
      expect(out.data.customer).toBeNull();

      const trail = await t.gql(
        `query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { totalCount edges { node { actor role action targetType targetId purpose requestId details } } } }`,
        { f: { actor: RM1_SUBJECT, action: 'PII_REVEAL' } },
        { as: AUDITOR },
      );
      expect(trail.errors).toBeUndefined();
      const events = trail.data.auditEvents.edges.map((e: { node: unknown }) => e.node);
      expect(events).toEqual([
        expect.objectContaining({
          actor: RM1_SUBJECT,
          role: 'RELATIONSHIP_MANAGER',
          action: 'PII_REVEAL',
          targetType: 'Customer',
          targetId: own.id,
          purpose,
          requestId: expect.any(String),
        }),
      ]);
      // The trail never carries the identifiers themselves.
      expect(JSON.stringify(trail.data)).not.toContain(ok.data.customer.identity.idNumber);
      expect(JSON.stringify(trail.data)).not.toContain(ok.data.customer.identity.phone);
    });

    it('customer-360 reads by customer(id) and node(id) are audited; misses are not', async () => {
      const as = { role: 'BRANCH_MANAGER', branchId: 1, subject: `audit-360-${driver}` } as const;
      const bearer = `Bearer ${await t.token(as)}`;
      await t.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: inBranchNotBook.id }, { as: bearer });
      await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: own.id }, { as: bearer });
      await t.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: outside.id }, { as: bearer });
      const trail = await t.gql(
        `query($a: String) { auditEvents(first: 10, filter: { actor: $a, action: "CUSTOMER_360_READ" }) { edges { node { targetId details } } } }`,
        { a: as.subject },
        { as: AUDITOR },
      );
      const got = trail.data.auditEvents.edges.map((e: { node: { targetId: string; details: unknown } }) => e.node);
      expect(got).toEqual([
        { targetId: own.id, details: { fields: ['id'] } },
        { targetId: inBranchNotBook.id, details: { fields: ['id'] } },
      ]);
    });

    it.each([
      ['RELATIONSHIP_MANAGER', RM1],
      ['HEAD_OFFICE', HEAD_OFFICE],
      ['PARTNER', PARTNER],
    ] as const)('%s cannot read the audit trail', async (_r, as) => {
      const r = await t.gql(`{ auditEvents(first: 5) { totalCount edges { node { actor } } } }`, {}, { as });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data?.auditEvents ?? null).toBeNull();
    });
  });

  describe('malformed input', () => {
    const raw = async (body: string, headers: Record<string, string> = {}) => {
      const token = await t.token(HEAD_OFFICE);
      const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });
      return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown } };
    };

    it('bad JSON is a 400 with a code', async () => {
      const r = await raw('{"query": "{ me { role } }"');
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a body over the size limit is refused with a code', async () => {
      const r = await raw(JSON.stringify({ query: `query($id: ID!) { customer(id: $id) { id } }`, variables: { id: 'x'.repeat(300_000) } }));
      expect(r.status).toBe(413);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('wrong variable types are BAD_USER_INPUT and reach no resolver', async () => {
      const r = await t.gql(`query($id: ID!) { customer(id: $id) { id } }`, { id: { $ne: null } });
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const m = await t.gql(`mutation($v: Int!) { updateCustomer(input: { id: "x", version: $v, name: "x" }) { id } }`, { v: 'one' }, { as: RM1 });
      expect(m.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('huge strings in ids and filters leak nothing and do not crash', async () => {
      const big = 'Q'.repeat(50_000);
      const r = await t.gql(`query($id: ID!) { customer(id: $id) { id } node(id: $id) { id } }`, { id: big });
      expect(r.status).toBe(200);
      expect(r.data).toEqual({ customer: null, node: null });
      const s = await t.gql(`query($s: String) { customers(first: 5, filter: { search: $s }) { totalCount } }`, { s: '%'.repeat(10_000) }, { as: RM1 });
      expect(s.errors?.[0]?.extensions?.code ?? 'none').not.toBe('INTERNAL_SERVER_ERROR');
    });

    it.each([
      ['a bad cursor', `{ customers(after: "not-a-cursor") { totalCount } }`],
      ['a forged cursor', `{ customers(after: "${Buffer.from('k:1; drop table customers').toString('base64url')}") { totalCount } }`],
      ['first: -1', `{ customers(first: -1) { totalCount } }`],
      ['first: 101', `{ customers(first: 101) { totalCount } }`],
      ['nested first: 101', `{ customers(first: 1) { edges { node { holdings(first: 101) { totalCount } } } } }`],
    ])('%s is BAD_USER_INPUT', async (_n, q) => {
      const r = await t.gql(q);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('forged, expired, missing and malformed tokens are 401 UNAUTHENTICATED', async () => {
      const now = Math.floor(Date.now() / 1000);
      const sign = (secret: string, exp: number) =>
        new SignJWT({ role: 'HEAD_OFFICE' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('mallory')
          .setIssuer(t.config.JWT_ISSUER)
          .setAudience(t.config.JWT_AUDIENCE)
          .setIssuedAt(now - 7200)
          .setExpirationTime(exp)
          .sign(new TextEncoder().encode(secret));
      const forged = await sign('another-secret-another-secret-another-secret', now + 3600);
      const expired = await sign(t.config.jwtSecret!, now - 60);
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"HEAD_OFFICE"}').toString('base64url')}.`;
      for (const as of [`Bearer ${forged}`, `Bearer ${expired}`, `Bearer ${unsigned}`, 'Basic abc', null]) {
        const r = await t.gql(`{ customers(first: 1) { totalCount } }`, {}, { as });
        expect(r.status, String(as)).toBe(401);
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(r.data).toBeUndefined();
      }
      const exp = await t.gql(`{ me { role } }`, {}, { as: `Bearer ${expired}`, lang: 'en' });
      expect(exp.errors?.[0]?.message).toMatch(/expired/);
    });
  });
});
