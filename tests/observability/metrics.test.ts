import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabelCap, metricsAccess, MAX_OPERATION_NAME } from '../../src/observability/metrics.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { findCandidate, nonFxLines, orderInput, productsWhere } from '../orders/support.js';
import { metricsUrl, personalData, personalDataIn, samples, valueOf } from './support.js';

const PLACE = `mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id status } } }`;
let keys = 0;
const key = () => `obs-metrics-${process.pid}-${Date.now()}-${++keys}`;

describe.each(testDrivers())('GET /metrics after GraphQL requests (%s)', (driver) => {
  let t: TestHost;
  let exposition: string;
  const seen: { customerStatements: number; placedLine: string; blockedLine: string; blockedReasons: string[] } = {
    customerStatements: 0,
    placedLine: '',
    blockedLine: '',
    blockedReasons: [],
  };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: nonFxLines });
    const immediate = await productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null);
    // Candidates first (anonymous queries with many suitability decisions), then the requests the test counts.
    const allowed = await findCandidate(t, immediate, (d) => d.outcome === 'ALLOW' || d.outcome === 'WARN');
    const blocked = await findCandidate(t, immediate, (d) => d.outcome === 'BLOCK');
    seen.placedLine = allowed.product.line;
    seen.blockedLine = blocked.product.line;

    // A customer query whose document carries a customer's name as a literal: it must not reach a label.
    const [someone] = (await personalData(t)).names;
    const page = await t.gql(`query CustomerPage { customers(first: 3, filter: { search: "${someone}" }) { edges { node { id name phone } } } }`);
    expect(page.errors).toBeUndefined();
    seen.customerStatements = page.statements;

    const placed = await t.gql(PLACE, { input: orderInput(allowed, key()) });
    expect(placed.errors).toBeUndefined();
    const blockedInput = orderInput(blocked, key());
    const refused = await t.gql(PLACE, { input: blockedInput });
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');
    seen.blockedReasons = (refused.errors![0]!.extensions!.reasons as { code: string }[]).map((r) => r.code);
    // The same key again: the stored refusal, replayed.
    const replay = await t.gql(PLACE, { input: blockedInput });
    expect(replay.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');
    // A request that fails validation, and one without a name.
    expect((await t.gql(`query Broken { nope }`)).status).toBe(400);
    expect((await t.gql(`{ __typename }`)).status).toBe(200);

    const res = await fetch(metricsUrl(t));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    exposition = await res.text();
  }, 180_000);
  afterAll(() => t?.close());

  it('counts requests by operation name and outcome, and times them', () => {
    expect(valueOf(exposition, 'finmart_graphql_requests_total', { operation: 'CustomerPage', outcome: 'ok' })).toBe(1);
    expect(valueOf(exposition, 'finmart_graphql_requests_total', { operation: 'PlaceOrder', outcome: 'ok' })).toBe(1);
    expect(valueOf(exposition, 'finmart_graphql_requests_total', { operation: 'PlaceOrder', outcome: 'SUITABILITY_BLOCKED' })).toBe(2);
    expect(valueOf(exposition, 'finmart_graphql_requests_total', { operation: 'Broken', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    // findCandidate's queries and `{ __typename }` have no name.
    expect(valueOf(exposition, 'finmart_graphql_requests_total', { operation: 'anonymous', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(valueOf(exposition, 'finmart_graphql_request_duration_seconds_count', { operation: 'PlaceOrder' })).toBe(3);
    expect(valueOf(exposition, 'finmart_graphql_request_duration_seconds_sum', { operation: 'PlaceOrder' })).toBeGreaterThan(0);
    expect(valueOf(exposition, 'finmart_graphql_request_duration_seconds_bucket', { operation: 'PlaceOrder', le: '+Inf' })).toBe(3);
  });

  it('observes the SQL statements of each request (what x-sql-statements said)', () => {
    expect(seen.customerStatements).toBeGreaterThan(0);
    expect(valueOf(exposition, 'finmart_sql_statements_per_request_count', { operation: 'CustomerPage' })).toBe(1);
    expect(valueOf(exposition, 'finmart_sql_statements_per_request_sum', { operation: 'CustomerPage' })).toBe(seen.customerStatements);
    expect(valueOf(exposition, 'finmart_sql_statements_per_request_sum', { operation: 'PlaceOrder' })).toBeGreaterThan(3);
  });

  it('counts order outcomes by line and side, and suitability decisions and reason codes by line', () => {
    expect(valueOf(exposition, 'finmart_orders_total', { line: seen.placedLine, side: 'BUY', outcome: 'placed' })).toBe(1);
    expect(valueOf(exposition, 'finmart_orders_total', { line: seen.blockedLine, side: 'BUY', outcome: 'blocked' })).toBe(1);
    expect(valueOf(exposition, 'finmart_orders_total', { line: seen.blockedLine, side: 'BUY', outcome: 'replayed' })).toBe(1);
    expect(valueOf(exposition, 'finmart_suitability_decisions_total', { line: seen.blockedLine, outcome: 'BLOCK' })).toBeGreaterThanOrEqual(2);
    for (const code of seen.blockedReasons)
      expect(valueOf(exposition, 'finmart_suitability_reasons_total', { line: seen.blockedLine, code }), code).toBeGreaterThanOrEqual(1);
    const outcomes = new Set(
      samples(exposition)
        .filter((s) => s.name === 'finmart_suitability_decisions_total')
        .map((s) => s.labels.outcome),
    );
    expect([...outcomes].every((o) => ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'].includes(o!))).toBe(true);
    for (const s of samples(exposition).filter((x) => x.name === 'finmart_suitability_reasons_total')) expect(s.labels.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('has the refusal counters, the pool gauge and the process metrics', () => {
    for (const reason of ['rate', 'concurrency', 'cost', 'cost_hold'])
      expect(samples(exposition).some((s) => s.name === 'finmart_rate_limit_refusals_total' && s.labels.reason === reason)).toBe(true);
    const pool = samples(exposition).find((s) => s.name === 'finmart_db_pool_max_connections');
    expect(pool?.labels.driver).toBe(driver);
    expect(pool?.value).toBe(driver === 'pglite' ? 1 : 20); // tests open PostgreSQL with a pool of 20
    expect(exposition).toMatch(/^process_cpu_user_seconds_total /m);
    expect(exposition).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('holds no personal data: no name, ID number or phone of any customer', async () => {
    expect(personalDataIn(exposition, await personalData(t))).toEqual([]);
    // Labels are codes and names of operations only.
    for (const s of samples(exposition)) for (const v of Object.values(s.labels)) expect(v).toMatch(/^[A-Za-z0-9_.+\-/ ]*$/);
  });
});

describe('protecting /metrics', () => {
  let t: TestHost;
  const token = 'metrics-token-for-the-test-0123456789';
  beforeAll(async () => {
    t = await createTestHost({ customers: 0, plugins: nonFxLines, env: { METRICS_TOKEN: token, RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_CONCURRENCY: '1' } });
  }, 180_000);
  afterAll(() => t?.close());

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const none = await fetch(metricsUrl(t));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toMatch(/finmart_/);
    expect((await fetch(metricsUrl(t), { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await fetch(metricsUrl(t), { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
    const ok = await fetch(metricsUrl(t), { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^# HELP finmart_graphql_requests_total /m);
  });

  it('counts rate-limit refusals by reason', async () => {
    for (let i = 0; i < 2; i++) expect((await t.gql(`{ __typename }`)).status).toBe(200);
    expect((await t.gql(`{ __typename }`)).status).toBe(429);
    const text = await (await fetch(metricsUrl(t), { headers: { authorization: `Bearer ${token}` } })).text();
    expect(valueOf(text, 'finmart_rate_limit_refusals_total', { reason: 'rate' })).toBe(1);
    expect(valueOf(text, 'finmart_rate_limit_refusals_total', { reason: 'concurrency' })).toBe(0);
  });

  it('is served in production only with a token or METRICS_ENABLED=true; METRICS_ENABLED=false turns it off', () => {
    expect(metricsAccess({ NODE_ENV: 'production' })).toBe('off');
    expect(metricsAccess({ NODE_ENV: 'production', METRICS_TOKEN: token })).toBe('token');
    expect(metricsAccess({ NODE_ENV: 'production', METRICS_ENABLED: true })).toBe('open');
    expect(metricsAccess({ NODE_ENV: 'development' })).toBe('open');
    expect(metricsAccess({ NODE_ENV: 'development', METRICS_ENABLED: false, METRICS_TOKEN: token })).toBe('off');
  });

  it('caps the operation label: long, malformed or one too many names become "other"', () => {
    const cap = new LabelCap(/^[_A-Za-z][_0-9A-Za-z]*$/, MAX_OPERATION_NAME, 3, 'other');
    expect(cap.label(undefined, 'anonymous')).toBe('anonymous');
    expect(cap.label('A', 'anonymous')).toBe('A');
    expect(cap.label('x'.repeat(MAX_OPERATION_NAME + 1), 'anonymous')).toBe('other');
    expect(cap.label('not a name', 'anonymous')).toBe('other');
    expect(cap.label('B', 'anonymous')).toBe('B');
    expect(cap.label('C', 'anonymous')).toBe('C');
    expect(cap.label('D', 'anonymous')).toBe('other');
    expect(cap.label('A', 'anonymous')).toBe('A');
  });
});
