import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SQL_TEXT, sanitizeSql, sqlVerb } from '../../src/observability/tracing.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { nonFxLines } from '../orders/support.js';
import { personalData, personalDataIn } from './support.js';

const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
const idOf = (s: ReadableSpan) => s.spanContext().spanId;

/** The finished spans of the trace whose server span answered `requestId` (waits for the server span: it ends on 'finish'). */
async function traceOf(exporter: InMemorySpanExporter, requestId: string): Promise<ReadableSpan[]> {
  for (let i = 0; i < 100; i++) {
    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER && s.attributes['finmart.request_id'] === requestId);
    if (server) return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === server.spanContext().traceId);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no server span for request ${requestId}`);
}

describe.each(testDrivers())('a GraphQL request traced (%s)', (driver) => {
  let t: TestHost;
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 40, plugins: nonFxLines, spanExporter: exporter });
  }, 180_000);
  afterAll(() => t?.close());

  it('yields HTTP → operation → resolver → SQL with parent links, the operation name and no personal data', async () => {
    const pd = await personalData(t);
    const ids = (await t.gql(`{ customers(first: 2) { edges { node { id } } } }`)).data.customers.edges.map((e: { node: { id: string } }) => e.node.id);
    exporter.reset();
    // The customer's name as a literal in the document and the id in a variable: neither may reach a span.
    const res = await t.gql(
      `query CustomerDetail($id: ID!) {
        customer(id: $id) { id name phone idNumber holdings(first: 5) { edges { node { quantity product { code } } } } }
        customers(first: 2, filter: { search: "${pd.names[0]}" }) { edges { node { id } } }
      }`,
      { id: ids[0] },
    );
    expect(res.errors).toBeUndefined();
    const spans = await traceOf(exporter, res.headers.get('x-request-id')!);

    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.name).toBe('POST /graphql');
    expect(parentOf(server)).toBeUndefined();
    expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });

    const operation = spans.find((s) => parentOf(s) === idOf(server))!;
    expect(operation.name).toBe('query CustomerDetail');
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'CustomerDetail',
      'graphql.operation.type': 'query',
      'finmart.sql.statements': res.statements,
    });

    const resolver = spans.find((s) => s.name === 'resolve Query.customer')!;
    expect(parentOf(resolver)).toBe(idOf(operation));
    expect(spans.find((s) => s.name === 'resolve Query.customers') && parentOf(spans.find((s) => s.name === 'resolve Query.customers')!)).toBe(idOf(operation));

    const sqlUnderResolver = spans.filter((s) => s.name.startsWith('SQL ') && parentOf(s) === idOf(resolver));
    expect(sqlUnderResolver.length).toBeGreaterThan(0);
    for (const s of sqlUnderResolver) {
      expect(s.kind).toBe(SpanKind.CLIENT);
      expect(s.attributes['db.system']).toBe('postgresql');
      expect(s.attributes['db.system.name']).toBe('postgresql');
      expect(s.name).toBe(`SQL ${s.attributes['db.operation.name']}`);
      expect(String(s.attributes['db.query.text']).length).toBeLessThanOrEqual(MAX_SQL_TEXT + 1);
      // Parameters are never recorded.
      expect(Object.keys(s.attributes).some((k) => /param/i.test(k))).toBe(false);
    }
    // Every SQL span of the request sits somewhere under the operation (a resolver's, a loader's batch, the audit write).
    const byId = new Map(spans.map((s) => [idOf(s), s]));
    const ancestors = (s: ReadableSpan): string[] => (parentOf(s) && byId.has(parentOf(s)!) ? [parentOf(s)!, ...ancestors(byId.get(parentOf(s)!)!)] : []);
    const allSql = spans.filter((s) => s.name.startsWith('SQL '));
    expect(allSql.length).toBe(res.statements);
    for (const s of allSql) expect(ancestors(s)).toContain(idOf(operation));

    // No attribute, and no span name, carries a name, ID number or phone of any seeded customer.
    const everything = spans.map((s) => `${s.name} ${JSON.stringify(s.attributes)} ${JSON.stringify(s.events)}`).join('\n');
    expect(personalDataIn(everything, pd)).toEqual([]);
    expect(everything).not.toContain(ids[0]);
  });

  it('continues the caller’s W3C trace and records errors by code only', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const res = await t.gql(`query Missing { customer(id: "not-an-id") { id } nope }`, {}, { headers: { traceparent: `00-${traceId}-${parentId}-01` } });
    expect(res.status).toBe(400);
    const spans = await traceOf(exporter, res.headers.get('x-request-id')!);
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.spanContext().traceId).toBe(traceId);
    expect(parentOf(server)).toBe(parentId);
    const operation = spans.find((s) => parentOf(s) === idOf(server))!;
    expect(operation.attributes['graphql.error.codes']).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(operation.status.message).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('nope');
  });

  it('does not trace probes or /metrics', async () => {
    exporter.reset();
    await fetch(t.url.replace(/\/graphql$/, '/healthz'));
    await fetch(t.url.replace(/\/graphql$/, '/metrics'));
    await new Promise((r) => setTimeout(r, 50));
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('SQL text in spans', () => {
  it('names the verb and replaces literals, a literal cut by the truncation included', () => {
    expect(sqlVerb('select 1')).toBe('SELECT');
    expect(sqlVerb('  (select 1) union (select 2)')).toBe('SELECT');
    expect(sqlVerb('with x as (select 1) select * from x')).toBe('WITH');
    expect(sqlVerb('vacuum')).toBe('OTHER');
    expect(sanitizeSql(`select * from customers where name = '张伟' and id_number = '110101199003071234' and x = 'it''s'`)).toBe(
      `select * from customers where name = '?' and id_number = '?' and x = '?'`,
    );
    expect(sanitizeSql(`select $1, $tag$secret$tag$`)).toBe(`select $1, '?'`);
    const long = `select * from t where a = $1 and b = '${'1'.repeat(MAX_SQL_TEXT)}'`;
    const s = sanitizeSql(long);
    expect(s).toMatch(/^select \* from t where a = \$1 and b = '\?'…$/);
    expect(s).not.toContain('111');
  });
});
