import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCostBudget } from '../../src/security/cost-budget.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { halfSentRequest } from './half-sent.js';

describe('the cost budget (token bucket per caller)', () => {
  it("lets a caller burst up to a minute's budget, then refills continuously", async () => {
    const budget = memoryCostBudget(60_000); // 1,000 units a second
    const t0 = 1_000_000;
    expect(await budget.spend('a', 50_000, t0)).toMatchObject({ allowed: true, remaining: 10_000 });
    const refused = await budget.spend('a', 20_000, t0);
    expect(refused).toMatchObject({ allowed: false, remaining: 10_000, retryAfterSeconds: 10 });
    // Until its Retry-After has passed the caller is held (refused before parsing).
    expect(budget.holdSeconds('a', t0 + 1)).toBe(10);
    expect(budget.holdSeconds('a', t0 + 10_000)).toBe(0);
    // Ten seconds later 10,000 more units have come back.
    expect(await budget.spend('a', 20_000, t0 + 10_000)).toMatchObject({ allowed: true, remaining: 0 });
    // Another caller has a budget of its own; nobody holds more than a minute's worth.
    expect(await budget.spend('b', 60_000, t0)).toMatchObject({ allowed: true });
    expect(await budget.spend('c', 60_001, t0 + 3_600_000)).toMatchObject({ allowed: false });
    expect(budget.holdSeconds('b', t0)).toBe(0);
  });
});

describe('per-caller limits over HTTP', () => {
  let t: TestHost;
  // Up to 100 customers × 100 holdings × 16 values each: about 181,000 (two do not fit in 300,000).
  const HEAVY = `{ customers(first: 100) { edges { node { id name tier totalAssets { amount currency }
    holdings(first: 100) { edges { node { quantity marketValue { amount currency } cost { amount currency } product { code name nameEn riskRating line currency } } } } } } } }`;
  beforeAll(async () => {
    t = await createTestHost({
      customers: 30,
      env: { RATE_LIMIT_COST_PER_MINUTE: '300000', RATE_LIMIT_CONCURRENCY: '2', RATE_LIMIT_PER_MINUTE: '100000' },
    });
  }, 180_000);
  afterAll(() => t?.close());

  const as = async (subject: string) => `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject })}`;

  it('prices a page size given as a variable like the literal one, and refuses it over GRAPHQL_MAX_COST', async () => {
    const caller = await as('limits:pricing');
    const literal = await t.gql(`{ customers(first: 50) { edges { node { id name tier } } } }`, {}, { as: caller });
    const variable = await t.gql(`query($n: Int) { customers(first: $n) { edges { node { id name tier } } } }`, { n: 50 }, { as: caller });
    const defaulted = await t.gql(`query($n: Int = 50) { customers(first: $n) { edges { node { id name tier } } } }`, {}, { as: caller });
    // 50 × (the connection, edge, node, id, name, tier): armor multiplies a list field and all below it by its size.
    expect(Number(literal.headers.get('x-query-cost'))).toBe(50 * 6);
    expect(variable.headers.get('x-query-cost')).toBe(literal.headers.get('x-query-cost'));
    expect(defaulted.headers.get('x-query-cost')).toBe(literal.headers.get('x-query-cost'));
    // Costs are remembered per operation and page size: the same document with another size is priced anew.
    const again = await t.gql(`query($n: Int) { customers(first: $n) { edges { node { id name tier } } } }`, { n: 7 }, { as: caller });
    expect(Number(again.headers.get('x-query-cost'))).toBe(7 * 6);
    const repeated = await t.gql(`query($n: Int) { customers(first: $n) { edges { node { id name tier } } } }`, { n: 50 }, { as: caller });
    expect(repeated.headers.get('x-query-cost')).toBe(literal.headers.get('x-query-cost'));
    // graphql-armor alone prices `first: $n` as one item: this query (about 330,000 values) would pass its 250,000 limit.
    const fields = 'id code name nameZh nameEn line issuer riskRating currency status liquidity function coolingOffHours minimumAmount { amount currency }';
    const contacts = 'contacts(first: $h) { edges { node { id channel outcome summary occurredAt } } }';
    const r = await t.gql(
      `query($c: Int, $h: Int) { customers(first: $c) { edges { node { ${contacts} holdings(first: $h) { edges { node { product { ${fields} } } } } } } } }`,
      { c: 100, h: 100 },
      { as: caller, lang: 'en' },
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/^Query cost limit of 250000 exceeded \(found \d+\)\.$/);
  });

  it("spends query cost from the caller's budget: over it, 429 RATE_LIMITED with Retry-After; other callers unaffected", async () => {
    const greedy = await as('limits:greedy');
    const first = await t.gql(HEAVY, {}, { as: greedy });
    expect(first.status).toBe(200);
    const cost = Number(first.headers.get('x-query-cost'));
    expect(cost).toBeGreaterThan(150_000); // two of these do not fit in 300,000
    expect(Number(first.headers.get('ratelimit-cost-remaining'))).toBe(300_000 - cost);
    const second = await t.gql(HEAVY, {}, { as: greedy, lang: 'en' });
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(second.errors?.[0]?.message).toMatch(/^Query cost budget exhausted/);
    const retry = Number(second.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(second.data).toBeUndefined();
    // Held until Retry-After: even a trivial query is refused, before any parsing.
    const held = await t.gql(`{ me { role } }`, {}, { as: greedy });
    expect(held.status).toBe(429);
    expect(held.errors?.[0]?.message).toMatch(/请求过于频繁/);
    // Someone else is served.
    const polite = await t.gql(HEAVY, {}, { as: await as('limits:polite') });
    expect(polite.status).toBe(200);
  });

  it("refuses a caller's request beyond RATE_LIMIT_CONCURRENCY in flight at once; others and later requests pass", async () => {
    const busy = await as('limits:busy');
    const { port } = new URL(t.url);
    const open = [halfSentRequest(port, busy, '{ me { role } }'), halfSentRequest(port, busy, '{ me { role } }')];
    await new Promise((r) => setTimeout(r, 200));
    const third = await t.gql(`{ me { role } }`, {}, { as: busy, lang: 'en' });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(third.errors?.[0]).toMatchObject({
      message: 'Too many requests in flight (at most 2 at a time); retry in 1 s',
      extensions: { code: 'RATE_LIMITED' },
    });
    expect((await t.gql(`{ me { role } }`, {}, { as: await as('limits:other') })).status).toBe(200);
    for (const o of open) o.finish();
    expect((await Promise.all(open.map((o) => o.response))).map((r) => r.status)).toEqual([200, 200]);
    // The slots are back.
    expect((await t.gql(`{ me { role } }`, {}, { as: busy })).status).toBe(200);
    // Also from requests that never reach GraphQL (a malformed body).
    for (let i = 0; i < 3; i++) {
      const bad = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: busy }, body: '{"query": ' });
      expect(bad.status).toBe(400);
    }
    expect((await t.gql(`{ me { role } }`, {}, { as: busy })).status).toBe(200);
  });
});
