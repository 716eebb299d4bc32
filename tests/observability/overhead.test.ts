import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_360_QUERY } from '../security/customer-360.query.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

/**
 * What tracing costs per request, measured (not asserted; wall time on a busy
 * machine is noisy, the process CPU time per request — server and client in
 * this process — is the steadier figure): opt-in, one mode per
 * process so that an untraced run pays nothing for a context manager another
 * host enabled —
 *   MEASURE_TRACING_OVERHEAD=off npx vitest run tests/observability/overhead.test.ts
 *   MEASURE_TRACING_OVERHEAD=on  npx vitest run tests/observability/overhead.test.ts
 * (PostgreSQL when TEST_DATABASE_URL is set). `on` exports, in batches as OTLP is fed, to an exporter that drops the spans: the cost on the request
 * path (spans, context, resolver and SQL wrappers); OTLP's batching and
 * serialisation happen off it, in the batch processor.
 */
const mode = process.env.MEASURE_TRACING_OVERHEAD;
const REQUESTS = Number(process.env.MEASURE_REQUESTS ?? 300);

const dropping: SpanExporter = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };

describe.skipIf(mode !== 'on' && mode !== 'off')(`per-request cost with tracing ${mode}`, () => {
  let t: TestHost;
  let ids: string[];
  let spans = 0;
  beforeAll(async () => {
    const counting: SpanExporter = { ...dropping, export: (s, done) => ((spans += s.length), done({ code: 0 })) };
    t = await createTestHost({
      customers: 120,
      driver: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      spanExporter: mode === 'on' ? { exporter: counting, batch: true } : undefined,
    });
    ids = (await t.gql(`{ customers(first: 50) { edges { node { id } } } }`)).data.customers.edges.map((e: { node: { id: string } }) => e.node.id);
  }, 180_000);
  afterAll(() => t?.close());

  const measure = async (query: string, n: number) => {
    for (let i = 0; i < 20; i++) await t.gql(query, { id: ids[i % ids.length] }); // warm-up
    await t.host.runtime.tracing?.forceFlush();
    spans = 0;
    const ms: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const r = await t.gql(query, { id: ids[i % ids.length] });
      ms.push(performance.now() - started);
      expect(r.errors).toBeUndefined();
    }
    const used = process.cpuUsage(cpu);
    await t.host.runtime.tracing?.forceFlush();
    ms.sort((a, b) => a - b);
    const mean = ms.reduce((a, b) => a + b, 0) / n;
    return {
      mean: mean.toFixed(3),
      p50: ms[Math.floor(n / 2)]!.toFixed(3),
      p95: ms[Math.floor(n * 0.95)]!.toFixed(3),
      cpuMsPerRequest: ((used.user + used.system) / 1000 / n).toFixed(3),
      spansPerRequest: (spans / n).toFixed(1),
    };
  };

  it('simple query and the customer 360', async () => {
    const simple = await measure(`query One($id: ID!) { customer(id: $id) { id name tier } }`, REQUESTS);
    const c360 = await measure(CUSTOMER_360_QUERY, Math.max(50, Math.floor(REQUESTS / 3)));
    console.log(JSON.stringify({ tracing: mode, driver: t.driver, node: process.version, simple, customer360: c360 }));
  }, 600_000);
});
