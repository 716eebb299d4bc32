import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { graphql } from 'graphql';
import { createHost, type Host } from '../../../src/app/host.js';
import type { Principal } from '../../../src/auth/principal.js';
import { createTokenVerifier, signDevelopmentToken } from '../../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { countStatements } from '../../../src/db/statement-counter.js';
import { toGlobalId } from '../../../src/graphql/relay/global-id.js';
import { createHttpApp } from '../../../src/http/app.js';
import { createRequestContext } from '../../../src/http/context.js';
import { createLogger } from '../../../src/logger.js';
import { seedDemoBank } from '../../../src/seed/demo-bank.js';
import { send, type BenchRequest } from '../load.js';
import { benchPlugins } from '../plugins.js';
import { bundleOffersProbe, customer360, managerBook } from '../queries.js';
import { normalise } from '../stats.js';
import { captureStatements, openCapturingDatabase, scaleDatabase } from './database.js';
import { explain, pickHot, type Plan } from './explain.js';
import { growBank } from './grow.js';
import { closeDay } from '../../../src/domain/kpis/day-close.js';
import { describeKpiCheck, kpiCheck } from '../kpi-check.js';
import { measureLatency } from './measure.js';
import { renderScale, writeScaleSection, type ScaleReport } from './report.js';

const DEMO_CUSTOMERS = 2000;
const TARGET = { customers: Number(process.env.BENCH_SCALE_CUSTOMERS ?? 200_000), holdings: Number(process.env.BENCH_SCALE_HOLDINGS ?? 2_000_000) };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCIES = [1, 8];
const PER_BATCH = (c: number) => (c === 1 ? 16 : 48);
const BATCH_MAX_MS = 6000;
/** Tables that grow with the bank: a sequential scan of one of them on a hot path fails. */
const GROWING = ['customers', 'holdings', 'risk_assessments'];
const Q1 = 'Q1 customer 360';
const Q2_DEMO = 'Q2 manager book (C3, keyset page of 50)';
const Q2_SAME = 'Q2 manager book, same page as on the demo bank';
const Q2_PAGE4 = 'Q2 manager book, page after page 3 (new-range customers)';
const PRINCIPAL: Principal = { subject: 'bench-scale', role: 'HEAD_OFFICE' };

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)));

/**
 * `npm run bench -- --scale`: the demo bank on a fresh PostgreSQL database,
 * then grown to 200,000 customers and 2,000,000 holdings with set-based SQL;
 * the customer 360 and a manager's filtered book measured through the real
 * HTTP app before and after, EXPLAIN (ANALYZE, BUFFERS) of the hot statements,
 * and a `## Scale` section in tests/bench/results.md. Returns the exit code.
 */
export async function runScale(): Promise<number> {
  const started = Date.now();
  const step = (what: string) => console.log(`[scale ${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
  const target = await scaleDatabase();
  const url = target.url;
  step(`database ${target.name} on ${new URL(url).host}${target.owned ? ' (created for this run, dropped at the end)' : ' (BENCH_SCALE_DATABASE_URL, kept)'}`);
  const database = openCapturingDatabase(url);
  let host: Host | undefined;
  let server: Server | undefined;
  try {
    const bp = await benchPlugins();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: url });
    host = await createHost({ config, logger: createLogger('silent'), installed: bp.plugins, database });
    step(`host booted on ${target.name} with ${bp.plugins.map((p) => p.code).join(', ')}`);
    let t = Date.now();
    await seedDemoBank(host, { customers: DEMO_CUSTOMERS });
    const seedMs = Date.now() - t;
    const pg = database.client;
    const count = async (table: string) => Number((await pg.unsafe(`select count(*) n from ${table}`))[0].n);
    const demoSizes = {
      customers: await count('customers'),
      holdings: await count('holdings'),
      products: await count('products'),
      assessments: await count('risk_assessments'),
    };
    step(`demo bank seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(demoSizes)}`);

    server = createServer();
    const verifyToken = await createTokenVerifier({ secret: config.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
    const token = await signDevelopmentToken(PRINCIPAL, { secret: config.jwtSecret!, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
    const { app } = await createHttpApp({ host, httpServer: server, verifyToken });
    server.on('request', app);
    const endpoint = await listen(server);

    // Targets, fixed before growth: four customers that hold something, and the manager with the most C3 customers.
    const probe = await send(endpoint, token, { query: bundleOffersProbe, variables: {}, key: 'probe' });
    const hasBundles = ((probe.data as { __type?: { fields: { name: string }[] } })?.__type?.fields ?? []).some((f) => f.name === 'bundleOffers');
    const q360 = customer360(hasBundles ? 'bundleOffers { __typename }' : null);
    const holders = (await pg.unsafe('select distinct customer_id id from holdings order by 1 limit 4')).map((r) => Number(r.id));
    const [mgr] = await pg.unsafe(
      `select manager_id id, count(*) n from customers where risk_level = 'C3' and manager_id is not null group by 1 order by 2 desc, 1 limit 1`,
    );
    const managerId = toGlobalId('CustomerManager', Number(mgr.id));
    step(`targets: customers ${holders.join(', ')}; manager ${mgr.id} (${mgr.n} C3 customers in the demo bank)`);

    /**
     * The end cursor of page 3 of the manager's C3 book, so Q2 asks for page 4; when the book is too short for a
     * full page 4 (the demo bank), the deepest cursor (≤ page 3) whose next page is still full, so both stages
     * fetch 50 customers.
     */
    const bookCursor = async () => {
      const cursors: (string | null)[] = [null];
      const sizes: number[] = [];
      for (let page = 1; page <= 4; page++) {
        const s = await send(endpoint, token, { query: managerBook, variables: { managerId, after: cursors[page - 1] }, key: 'walk' });
        if (!s.ok) throw new Error(`book page ${page} failed: ${JSON.stringify(s.data)}`);
        const c = (s.data as { customers: { edges: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }).customers;
        sizes.push(c.edges.length);
        if (!c.pageInfo.hasNextPage) break;
        cursors.push(c.pageInfo.endCursor);
      }
      let depth = Math.min(3, sizes.length - 1);
      while (depth > 0 && sizes[depth] < 50) depth--;
      return { after: cursors[depth], depth };
    };

    const stage = async (label: string, extra: { name: string; requests: BenchRequest[] }[]) => {
      const cursor = await bookCursor();
      const bookName = label === 'demo' ? Q2_DEMO : Q2_PAGE4;
      const bookRequest: BenchRequest = { query: managerBook, variables: { managerId, after: cursor.after }, key: 'book' };
      const first = await send(endpoint, token, bookRequest);
      const bookRows = (first.data as { customers: { edges: unknown[] } }).customers.edges.length;
      step(`${label}: book cursor after page ${cursor.depth}, page returns ${bookRows} customers`);
      const queries = [
        { name: Q1, requests: holders.map((id) => ({ query: q360, variables: { id: toGlobalId('Customer', id) }, key: `q1:${id}` })) },
        { name: bookName, requests: [bookRequest] },
        ...extra,
      ];
      const answers = new Map<number, string>();
      for (const id of holders) answers.set(id, normalise((await send(endpoint, token, queries[0].requests[holders.indexOf(id)])).data));
      const latency = await measureLatency(endpoint, token, queries, CONCURRENCIES, { rounds: ROUNDS, perBatch: PER_BATCH, maxMs: BATCH_MAX_MS }, (m) =>
        step(`${label}: ${m}`),
      );
      for (const l of latency)
        step(
          `${label}: ${l.query} c=${l.concurrency}: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, ${l.statements} statements, ${l.failures} failures`,
        );
      return { latency, cursorDepth: cursor.depth, bookRows, answers, bookRequest };
    };

    const demo = await stage('demo', []);

    t = Date.now();
    step(`growing to ${TARGET.customers.toLocaleString('en')} customers and ${TARGET.holdings.toLocaleString('en')} holdings (set-based SQL)`);
    const grown = await growBank(pg, TARGET, (m) => step(`grow: ${m}`));
    const loadMs = Date.now() - t;
    step(`grown in ${(loadMs / 1000).toFixed(1)} s`);

    // A typical customer (≈ 10 holdings) from the middle of the generated range.
    const mid = grown.firstNewCustomerId + Math.floor((grown.customersAfter - grown.customersBefore) / 2);
    const [fresh] = await pg.unsafe(
      `select customer_id id, count(*) n from holdings where customer_id between $1 and $2 group by 1 having count(*) between 9 and 11 order by 1 limit 1`,
      [mid, mid + 500],
    );
    const freshId = Number(fresh.id);
    const scale = await stage('scale', [
      { name: Q2_SAME, requests: [demo.bookRequest] },
      {
        name: `Q1 customer 360, new-range customer (${fresh.n} holdings)`,
        requests: [{ query: q360, variables: { id: toGlobalId('Customer', freshId) }, key: `q1:${freshId}` }],
      },
    ]);
    // KPIs at scale: today's close of the grown bank (timed), then the KPI check over it.
    t = Date.now();
    const closed = await closeDay(host.runtime, new Date());
    const closeMs = Date.now() - t;
    step(`day close of ${closed} customers in ${(closeMs / 1000).toFixed(1)} s`);
    const kpiRuns = await kpiCheck(async (query, variables, key) => {
      const r = await send(endpoint, token, { query, variables, key });
      if (!r.ok) throw new Error(JSON.stringify(r.data).slice(0, 200));
      return { data: r.data, statements: r.statements };
    });
    step(`KPIs: ${describeKpiCheck(kpiRuns)}`);
    const unchanged = holders.filter((id) => demo.answers.get(id) === scale.answers.get(id)).length;

    // The hot statements as the app sends them, then EXPLAIN of each with literal parameters.
    const run = (query: string, variables: Record<string, unknown>) =>
      countStatements(() =>
        captureStatements(async () => {
          const r = await graphql({
            schema: host!.schema,
            source: query,
            variableValues: variables,
            contextValue: createRequestContext(host!.runtime, PRINCIPAL, 'en', randomUUID()),
          });
          if (r.errors?.length) throw new Error(r.errors.map((e) => e.message).join('; '));
          return r;
        }),
      );
    const bookRun = await run(managerBook, scale.bookRequest.variables);
    const oneRun = await run(q360, { id: toGlobalId('Customer', freshId) });
    const captured = [...bookRun.result.statements, ...oneRun.result.statements];
    step(`captured ${bookRun.log.count} statements for Q2 and ${oneRun.log.count} for Q1 (countStatements)`);
    const plans: (Plan & { indexOnly?: Plan })[] = [];
    for (const { name, statement } of pickHot(captured)) {
      if (!statement) throw new Error(`hot statement not seen: ${name}`);
      const plan: Plan & { indexOnly?: Plan } = await explain(pg, name, statement);
      if (plan.seqScans.length && plan.seqScans.every((s) => !GROWING.includes(s.table))) {
        // Show that the index is there and what it would cost; the planner is right to prefer reading a tiny table whole.
        plan.indexOnly = await pg.begin(async (tx) => {
          await tx.unsafe('set local enable_seqscan = off');
          return explain(tx as never, `${name} (enable_seqscan = off)`, statement);
        });
      }
      plans.push(plan);
      step(
        `EXPLAIN ${name}: ${plan.seqScans.length ? `Seq Scan on ${plan.seqScans.map((s) => `${s.table} (${s.rows} rows)`).join(', ')}` : 'no Seq Scan'}, ${plan.executionMs} ms`,
      );
    }

    const report: ScaleReport = {
      date: new Date().toISOString(),
      machine: {
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
        load: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' / '),
        database: String((await pg.unsafe('select version() v'))[0].v).split(',')[0],
      },
      demo: { ...demoSizes, seedMs },
      grown,
      loadMs,
      rounds: ROUNDS,
      perBatch: CONCURRENCIES.map((c) => `${PER_BATCH(c)} at concurrency ${c}`).join(', '),
      batchMaxMs: BATCH_MAX_MS,
      holders,
      manager: { id: Number(mgr.id), demoC3: Number(mgr.n) },
      freshCustomer: { id: freshId, holdings: Number(fresh.n) },
      book: { demoDepth: demo.cursorDepth, demoRows: demo.bookRows, scaleDepth: scale.cursorDepth, scaleRows: scale.bookRows },
      demoLatency: demo.latency,
      scaleLatency: scale.latency,
      // Each scale row and the demo row it is compared with; `likeForLike` rows fetch the same data as on the demo bank.
      pairs: [
        { scale: Q1, demo: Q1, likeForLike: true },
        { scale: Q2_SAME, demo: Q2_DEMO, likeForLike: true },
        { scale: Q2_PAGE4, demo: Q2_DEMO, likeForLike: false },
        { scale: scale.latency.find((l) => l.query.startsWith('Q1 customer 360, new-range'))!.query, demo: Q1, likeForLike: false },
      ],
      unchangedAnswers: `${unchanged} / ${holders.length}`,
      statementsPerRequest: { book: bookRun.log.count, customer360: oneRun.log.count },
      kpis: { closeMs, closed, check: kpiRuns },
      plans,
      growing: GROWING,
      totalSeconds: 0,
    };
    report.totalSeconds = (Date.now() - started) / 1000;
    const { markdown: section, pass } = renderScale(report);
    const file = writeScaleSection(section);
    console.log(section);
    step(`wrote the Scale section of ${file}`);
    return pass ? 0 : 1;
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
    }
    await host?.close();
    await database.close();
    await target.release();
    if (target.owned) step(`dropped ${target.name}`);
  }
}
