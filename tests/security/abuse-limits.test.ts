import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { CUSTOMER_360_QUERY } from './customer-360.query.js';

/**
 * Abuse limits, introspection policy and the rate limit on a host configured
 * like production (NODE_ENV=production, default GRAPHQL_MAX_* limits). The
 * limits act before any data access, so one driver suffices.
 */
const RATE_LIMIT = 40;

describe('abuse limits (production configuration)', () => {
  let t: TestHost;
  let customerId: string;
  beforeAll(async () => {
    // Production refuses the development secret: a key of its own, as a deployment has.
    t = await createTestHost({
      customers: 40,
      env: { NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('base64'), RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    });
    customerId = (await t.gql(`{ customers(first: 1) { edges { node { id } } } }`)).data.customers.edges[0].node.id;
  }, 180_000);
  afterAll(() => t?.close());

  const rejected = (r: { status: number; errors?: { extensions?: { code?: string } }[]; data?: unknown }, code = 'GRAPHQL_VALIDATION_FAILED') => {
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe(code);
    expect(r.data).toBeUndefined();
  };

  it('lets the full customer-360 query through', async () => {
    const r = await t.gql(CUSTOMER_360_QUERY, { id: customerId });
    expect(r.errors).toBeUndefined();
    expect(r.data.customer.id).toBe(customerId);
    expect(r.data.customer.holdings.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses a too-deep query', async () => {
    // The schema has no cycle today: its deepest path is the 360's holdings →
    // product → minimumAmount (9 levels), so no valid query can exceed the
    // default of 12. The limit guards future cycles; it is checked statically,
    // before field validation, so an over-deep selection is refused either way.
    let sel = 'id';
    for (let i = 0; i < 12; i++) sel = `manager { branch { ${sel} } }`.replace('branch { ', i % 2 ? 'branch { ' : 'customers { ');
    const r = await t.gql(`{ customers(first: 1) { edges { node { ${sel} } } } }`, {}, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 12 exceeded/));
    expect(r.data).toBeUndefined();
  });

  it('refuses a too-costly query', async () => {
    const fields = 'id code name nameZh nameEn line issuer riskRating currency status liquidity function coolingOffHours minimumAmount { amount currency }';
    // About 330,000 values: over the default 250,000.
    const contacts = 'contacts(first: 100) { edges { node { id channel outcome summary occurredAt } } }';
    const r = await t.gql(
      `{ customers(first: 100) { edges { node { ${contacts} holdings(first: 100) { edges { node { product { ${fields} } } } } } } } }`,
      {},
      { lang: 'en' },
    );
    rejected(r);
    expect(r.errors?.[0]?.message).toMatch(/cost limit/);
  });

  it('refuses alias bombing and directive flooding', async () => {
    rejected(await t.gql(`{ ${Array.from({ length: 25 }, (_, i) => `c${i}: customers(first: 1) { totalCount }`).join(' ')} }`));
    rejected(await t.gql(`{ me { role ${'@include(if: true) '.repeat(25)} } }`));
  });

  it('refuses a document with too many tokens before validating it', async () => {
    rejected(await t.gql(`{ ${'me { role } '.repeat(1000)} }`), 'GRAPHQL_PARSE_FAILED');
  });

  it('does not suggest field names', async () => {
    const r = await t.gql(`{ customers(first: 1) { edges { node { idNumbr } } } }`);
    rejected(r);
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('in production, staff may introspect and partners may not', async () => {
    const q = `{ __schema { queryType { name } } }`;
    for (const as of [{ role: 'HEAD_OFFICE' }, { role: 'AUDITOR' }, { role: 'RELATIONSHIP_MANAGER', managerId: 1 }] as const) {
      const r = await t.gql(q, {}, { as });
      expect(r.data?.__schema.queryType.name).toBe('Query');
    }
    const p = { role: 'PARTNER', partnerCode: 'pingan-life' } as const;
    rejected(await t.gql(q, {}, { as: p }));
    rejected(await t.gql(`{ __type(name: "Customer") { fields { name } } }`, {}, { as: p }));
    // __typename is ordinary GraphQL, not introspection.
    expect((await t.gql(`{ __typename }`, {}, { as: p })).data).toEqual({ __typename: 'Query' });
    expect((await t.gql(q, {}, { as: null })).status).toBe(401);
  });

  it('rate-limits per caller with 429 RATE_LIMITED and Retry-After, leaving other callers alone', async () => {
    const greedy = `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: 'greedy' })}`;
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await t.gql(`{ me { role } }`, {}, { as: greedy })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await t.gql(`{ me { role } }`, {}, { as: greedy, lang: 'en' });
    // A window boundary may fall inside the loop; then the count restarted.
    if (over.status === 200) return;
    expect(over.status).toBe(429);
    expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const polite = await t.gql(`{ me { role } }`, {}, { as: `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: 'polite' })}` });
    expect(polite.status).toBe(200);
  });
});
