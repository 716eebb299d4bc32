import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { asc, count, sql } from 'drizzle-orm';
import { createHost } from '../../src/app/host.js';
import type { Principal } from '../../src/auth/principal.js';
import { createTokenVerifier, signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/client.js';
import { holdings, products } from '../../src/db/schema/index.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { createHttpApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { seedDemoBank } from '../../src/seed/demo-bank.js';
import { createCeilingServer } from './ceiling.js';
import { benchEngine } from './engine.js';
import { runBatch, send, type BenchRequest, type Sample } from './load.js';
import { benchPlugins } from './plugins.js';
import { bundleOffersProbe, customer360, customerPage } from './queries.js';
import { renderResults, type QueryResult, type TargetResult } from './report.js';
import { scaleSectionOf, spliceScaleSection } from './scale/report.js';
import { median, normalise, percentile } from './stats.js';

/*
 * `npm run bench`: one PGlite host with the demo bank, three servers in this
 * process — (a) finmart as built, (b) the naive variant (no batching, no
 * caching), (c) the graphql-js ceiling — and interleaved rounds at a fixed
 * concurrency. Writes tests/bench/results.md.
 */

if (process.argv.includes('--scale')) {
  // The scale run has its own database and writes only the `## Scale` section.
  const { runScale } = await import('./scale/run-scale.js');
  process.exit(await runScale());
}

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_BATCH = Number(process.env.BENCH_REQUESTS ?? 60);
const BATCH_MAX_MS = Number(process.env.BENCH_BATCH_MS ?? 3000);
const WARMUP = 16;
const PRINCIPAL: Principal = { subject: 'bench', role: 'HEAD_OFFICE' };
const started = Date.now();
const step = (what: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)),
  );

// Boot and seed.
const bp = await benchPlugins();
step(`plugins: ${bp.plugins.map((p) => p.code).join(', ') || '(none)'} from ${bp.source}`);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
const database = await openDatabase({});
const host = await createHost({ config, logger: createLogger('silent'), installed: bp.plugins, database });
step('host booted');
const seedStarted = Date.now();
await seedDemoBank(host, { customers: CUSTOMERS });
const seedMs = Date.now() - seedStarted;
const db = host.runtime.database.db;
const [{ n: holdingCount }] = await db.select({ n: count() }).from(holdings);
const [{ n: productCount }] = await db.select({ n: count() }).from(products);
step(`seeded ${CUSTOMERS} customers, ${holdingCount} holdings, ${productCount} products in ${seedMs} ms`);

// Servers.
const verifyToken = await createTokenVerifier({ secret: config.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
const token = await signDevelopmentToken(PRINCIPAL, { secret: config.jwtSecret!, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
const servers: Server[] = [];
async function finmartServer(naive: boolean) {
  const httpServer = createServer();
  const { app } = await createHttpApp({ host, httpServer, verifyToken, naive });
  httpServer.on('request', app);
  servers.push(httpServer);
  return listen(httpServer);
}
const ceilingServer = createCeilingServer(host, verifyToken);
servers.push(ceilingServer);
const urls = { finmart: await finmartServer(false), naive: await finmartServer(true), ceiling: await listen(ceilingServer) };
type Target = keyof typeof urls;
const TARGETS: Target[] = ['finmart', 'naive', 'ceiling'];

// Queries: Q1 over customers that hold something, Q2 the first page of 50.
const probe = await send(urls.finmart, token, { query: bundleOffersProbe, variables: {}, key: 'probe' });
const customerFields = ((probe.data as { __type?: { fields: { name: string }[] } })?.__type?.fields ?? []).map((f) => f.name);
const hasBundles = customerFields.includes('bundleOffers');
const bundleSelection = hasBundles ? 'bundleOffers { __typename }' : null;
const holders = await db
  .selectDistinct({ id: holdings.customerId })
  .from(holdings)
  .orderBy(asc(holdings.customerId))
  .limit(8);
const q1Requests: BenchRequest[] = holders.map(({ id }) => ({ query: customer360(bundleSelection), variables: { id: toGlobalId('Customer', id) }, key: `q1:${id}` }));
const q2Requests: BenchRequest[] = [{ query: customerPage, variables: { first: 50 }, key: 'q2:50' }];
const queries = [
  { name: 'Q1 customer 360', requests: q1Requests, targets: hasBundles ? (['finmart', 'naive'] as Target[]) : TARGETS },
  { name: 'Q2 page of 50 customers with holdings', requests: q2Requests, targets: TARGETS },
];

// Canonical answers come from (a).
const canonical = new Map<string, string>();
for (const r of [...q1Requests, ...q2Requests]) {
  const s = await send(urls.finmart, token, r);
  if (!s.ok) throw new Error(`finmart failed on ${r.key}: ${JSON.stringify(s.data)}`);
  canonical.set(r.key, normalise(s.data));
}
let reported = 0;
const mismatches = (samples: Sample[]) =>
  samples.filter((s) => {
    const got = normalise(s.data);
    const want = canonical.get(s.key)!;
    if (s.ok && got === want) return false;
    if (reported++ < 3) {
      let i = 0;
      while (i < got.length && got[i] === want[i]) i++;
      console.error(`mismatch on ${s.key} at ${i}: got …${got.slice(Math.max(0, i - 80), i + 80)}… want …${want.slice(Math.max(0, i - 80), i + 80)}…`);
    }
    return true;
  }).length;

// Warm-up, then interleaved rounds (the order of targets rotates each round).
for (const q of queries) for (const t of q.targets) await runBatch(urls[t], token, q.requests, { count: WARMUP, concurrency: CONCURRENCY, maxMs: 2000 });
step('warm-up done');
const perRound = new Map<string, { rps: number[]; p50: number[]; p99: number[]; statements: number[]; bytes: number[]; mismatches: number; requests: number }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const q of queries) {
    const order = q.targets.map((_, i) => q.targets[(i + round) % q.targets.length]);
    for (const t of order) {
      const { samples, elapsedMs } = await runBatch(urls[t], token, q.requests, { count: PER_BATCH, concurrency: CONCURRENCY, maxMs: BATCH_MAX_MS });
      const key = `${q.name}|${t}`;
      const acc = perRound.get(key) ?? { rps: [], p50: [], p99: [], statements: [], bytes: [], mismatches: 0, requests: 0 };
      const ms = samples.map((s) => s.ms);
      acc.rps.push(samples.length / (elapsedMs / 1000));
      acc.p50.push(percentile(ms, 50));
      acc.p99.push(percentile(ms, 99));
      acc.statements.push(median(samples.map((s) => s.statements)));
      acc.bytes.push(median(samples.map((s) => s.bytes)));
      acc.mismatches += mismatches(samples);
      acc.requests += samples.length;
      perRound.set(key, acc);
    }
  }
  step(`round ${round + 1}/${ROUNDS} done`);
}
const results: QueryResult[] = queries.map((q) => ({
  name: q.name,
  targets: q.targets.map((t): TargetResult => {
    const a = perRound.get(`${q.name}|${t}`)!;
    return { target: t, rps: median(a.rps), p50: median(a.p50), p99: median(a.p99), statements: median(a.statements), bytes: median(a.bytes), mismatches: a.mismatches, requests: a.requests };
  }),
}));

// Statements per page size for (a) and (b).
const pageSizes = [1, 10, 50, 100];
const pageStatements: Record<'finmart' | 'naive', number[]> = { finmart: [], naive: [] };
for (const t of ['finmart', 'naive'] as const) {
  for (const first of pageSizes) {
    const s = await send(urls[t], token, { query: customerPage, variables: { first }, key: `page:${first}` });
    if (!s.ok) throw new Error(`${t} failed on a page of ${first}`);
    pageStatements[t].push(s.statements);
  }
}
step('page-size statement counts done');

// Rule engine.
const engine = await benchEngine(host, PRINCIPAL, holders[0].id, 3000);
step(`engine: ${Math.round(engine.evalsPerSecond)} evaluations/s`);

const versionResult = (await db.execute(sql`select version() as v`)) as unknown as { rows?: { v: string }[] } & { v: string }[];
const pgVersion = (versionResult.rows ?? versionResult)[0]?.v ?? 'unknown';
const markdown = renderResults({
  date: new Date().toISOString(),
  machine: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
    database: `PGlite in-memory (${pgVersion.split(',')[0]})`,
  },
  sizes: { customers: CUSTOMERS, holdings: holdingCount, products: productCount, seedMs, plugins: bp.plugins.map((p) => p.code), pluginSource: bp.source, skipped: bp.skipped },
  method: { concurrency: CONCURRENCY, rounds: ROUNDS, perBatch: PER_BATCH, batchMaxMs: BATCH_MAX_MS, warmup: WARMUP, q1Customers: holders.length },
  hasBundles,
  results,
  pageSizes,
  pageStatements,
  engine,
  totalSeconds: (Date.now() - started) / 1000,
});
const out = new URL('./results.md', import.meta.url);
// Keep the `## Scale` section of the last `--scale` run.
const scaleSection = existsSync(out) ? scaleSectionOf(readFileSync(out, 'utf8')) : null;
writeFileSync(out, scaleSection ? spliceScaleSection(markdown, scaleSection) : markdown);
console.log(markdown);
step(`wrote ${out.pathname}`);

for (const s of servers) {
  s.closeAllConnections();
  await new Promise<void>((r) => s.close(() => r()));
}
await host.close();
process.exit(0);
