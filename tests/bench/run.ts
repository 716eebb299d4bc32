import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../src/app/host.js';
import type { Principal } from '../../src/auth/principal.js';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/client.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { createLogger } from '../../src/logger.js';
import { benchServerUrl, createBenchDatabase, seedBenchDatabase, type BenchDatabase } from './bench-database.js';
import { benchEngine, type EngineBench } from './engine.js';
import { send, type BenchRequest } from './load.js';
import { measure } from './measure.js';
import { peerCard, peerCardAsFinmart, peerPage, peerPageAsFinmart } from './peer-queries.js';
import { benchPlugins } from './plugins.js';
import { customer360, customerCard, customerPage, literalPageOf100 } from './queries.js';
import { renderResults, type Cell, type QueryRow, type Section } from './report.js';
import { scaleSectionOf, spliceScaleSection } from './scale/report.js';
import { median, normalise } from './stats.js';
import { workQueueCheck, type WorkQueueCheck } from './work-queue-check.js';
import { kpiCheck, type KpiCheck } from './kpi-check.js';
import { deployedEnv, node22, peerStatements, startFinmart, startNaive, startPeer, type Target } from './targets.js';

/*
 * `npm run bench`: finmart measured against the peer a bank would pick instead —
 * PostGraphile 5 over the same PostgreSQL database — and against its own naive
 * variant, each server in its own process as deployed (NODE_ENV=production,
 * graphql-armor, audit, rate and cost budgets, info logging). Then the same on
 * embedded PGlite (finmart and naive only: the peer needs PostgreSQL), the
 * statements per page size, the literal page of 100 under the default cost
 * limit and the rule engine. Writes tests/bench/results.md.
 */

if (process.argv.includes('--leads')) {
  const { runLeads } = await import('./leads/run-leads.js');
  process.exit(await runLeads());
}

if (process.argv.includes('--impact')) {
  const { runImpactBench } = await import('./impact/run-impact.js');
  process.exit(await runImpactBench());
}

if (process.argv.includes('--identify')) {
  const { runIdentifyBench } = await import('./identify/run-identify.js');
  process.exit(await runIdentifyBench());
}

if (process.argv.includes('--partitions')) {
  const { runPartitionsBench } = await import('./partitions/run-partitions.js');
  process.exit(await runPartitionsBench());
}

if (process.argv.includes('--scale')) {
  const { runScale } = await import('./scale/run-scale.js');
  process.exit(await runScale());
}

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const PRINCIPAL: Principal = { subject: 'bench', role: 'HEAD_OFFICE' };
const started = Date.now();
const step = (what: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${what}`);
const secret = randomBytes(32).toString('base64');
const token = await signDevelopmentToken(PRINCIPAL, { secret, issuer: 'finmart', audience: 'finmart-api', expiresIn: '6h' });
const bp = await benchPlugins();

interface Query {
  key: 'Q1' | 'Q2' | 'Q3';
  name: string;
  /** Bodies per target (the peer speaks its own schema). */
  bodies: Partial<Record<string, string[]>>;
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const stat = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Up to eight customers that hold something (the Q1 and Q3 subjects), from the first page. */
async function holdersOf(target: Target): Promise<number[]> {
  const page = await ask(target, { query: customerPage, variables: { first: 50 }, key: 'holders' });
  return ((page.data as any).customers.edges as any[])
    .filter((e) => e.node.holdings.edges.length > 0)
    .slice(0, 8)
    .map((e) => Number(Buffer.from(e.node.id, 'base64url').toString('utf8').split(':')[1]));
}

/** Interleaved timed rounds of every (query, target) pair; the target order rotates each round. */
async function rounds(queries: Query[], targets: Target[], statements: Map<string, number>): Promise<QueryRow[]> {
  const acc = new Map<string, { rps: number[]; p50: number[]; p99: number[]; failures: number }>();
  for (const q of queries)
    for (const t of targets)
      if (q.bodies[t.name]) await measure(t.url, t.name === 'postgraphile' ? null : token, q.bodies[t.name]!, WARMUP_SECONDS, CONCURRENCY);
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const ts = targets.filter((t) => q.bodies[t.name]);
      for (let i = 0; i < ts.length; i++) {
        const t = ts[(i + round) % ts.length];
        const m = await measure(t.url, t.name === 'postgraphile' ? null : token, q.bodies[t.name]!, SECONDS, CONCURRENCY);
        const k = `${q.key}|${t.name}`;
        const a = acc.get(k) ?? { rps: [], p50: [], p99: [], failures: 0 };
        a.rps.push(m.rps);
        a.p50.push(m.p50);
        a.p99.push(m.p99);
        a.failures += m.failures;
        acc.set(k, a);
      }
    }
    step(`round ${round + 1}/${ROUNDS}`);
  }
  return queries.map((q) => ({
    key: q.key,
    name: q.name,
    cells: Object.fromEntries(
      targets
        .filter((t) => q.bodies[t.name])
        .map((t): [string, Cell] => {
          const a = acc.get(`${q.key}|${t.name}`)!;
          return [
            t.name,
            { rps: stat(a.rps), p50: stat(a.p50), p99: stat(a.p99), failures: a.failures, statements: statements.get(`${q.key}|${t.name}`) ?? NaN },
          ];
        }),
    ),
  }));
}

/** finmart's answer to one request, with the statements it ran (`x-sql-statements`). */
async function ask(target: Target, request: BenchRequest) {
  const s = await send(target.url, token, request);
  if (!s.ok) throw new Error(`${target.name} failed on ${request.key}: ${JSON.stringify(s.data)}`);
  return s;
}

/** Checks that every target gives the same answer, and records statements per request. */
async function verify(targets: Target[], cardIds: number[], statements: Map<string, number>): Promise<number> {
  let mismatches = 0;
  const compare = (what: string, a: unknown, b: unknown) => {
    if (normalise(a) === normalise(b)) return;
    mismatches++;
    if (mismatches <= 3) console.error(`mismatch on ${what}:\n  ${normalise(a).slice(0, 400)}\n  ${normalise(b).slice(0, 400)}`);
  };
  const [finmart] = targets;
  const page = await ask(finmart, { query: customerPage, variables: { first: 50 }, key: 'q2' });
  statements.set('Q2|finmart', page.statements);
  const card = await ask(finmart, { query: customerCard, variables: { id: toGlobalId('Customer', cardIds[0]) }, key: 'q1' });
  statements.set('Q1|finmart', card.statements);
  const full = await ask(finmart, {
    query: customer360('bundleOffers { bundle { code } decision { outcome } }'),
    variables: { id: toGlobalId('Customer', cardIds[0]) },
    key: 'q3',
  });
  statements.set('Q3|finmart', full.statements);
  for (const t of targets.slice(1)) {
    if (t.name === 'postgraphile') {
      let data: any;
      statements.set(
        'Q2|postgraphile',
        await peerStatements(t, async () => (data = (await send(t.url, '', { query: peerPage, variables: { first: 50 }, key: 'p2' })).data)),
      );
      compare('Q2 (peer)', page.data, peerPageAsFinmart(data));
      for (const id of cardIds) {
        const mine = await ask(finmart, { query: customerCard, variables: { id: toGlobalId('Customer', id) }, key: `q1:${id}` });
        let theirs: any;
        const n = await peerStatements(t, async () => (theirs = (await send(t.url, '', { query: peerCard, variables: { rowId: id }, key: `p1:${id}` })).data));
        statements.set('Q1|postgraphile', n);
        compare(`Q1 ${id} (peer)`, mine.data, peerCardAsFinmart(theirs));
      }
      continue;
    }
    const p = await ask(t, { query: customerPage, variables: { first: 50 }, key: 'q2' });
    statements.set(`Q2|${t.name}`, p.statements);
    compare(`Q2 (${t.name})`, page.data, p.data);
    const c = await ask(t, { query: customerCard, variables: { id: toGlobalId('Customer', cardIds[0]) }, key: 'q1' });
    statements.set(`Q1|${t.name}`, c.statements);
    compare(`Q1 (${t.name})`, card.data, c.data);
    const f = await ask(t, {
      query: customer360('bundleOffers { bundle { code } decision { outcome } }'),
      variables: { id: toGlobalId('Customer', cardIds[0]) },
      key: 'q3',
    });
    statements.set(`Q3|${t.name}`, f.statements);
    compare(`Q3 (${t.name})`, full.data, f.data);
  }
  return mismatches;
}

function queriesFor(cardIds: number[], withPeer: boolean): Query[] {
  const cards = cardIds.map((id) => body(customerCard, { id: toGlobalId('Customer', id) }));
  const fulls = cardIds.map((id) => body(customer360('bundleOffers { bundle { code } decision { outcome } }'), { id: toGlobalId('Customer', id) }));
  return [
    {
      key: 'Q1',
      name: 'Q1 one customer: risk level, holdings (≤ 20) with product and market value',
      bodies: { finmart: cards, naive: cards, ...(withPeer ? { postgraphile: cardIds.map((id) => body(peerCard, { rowId: id })) } : {}) },
    },
    {
      key: 'Q2',
      name: 'Q2 page of 50 customers, the same selection',
      bodies: {
        finmart: [body(customerPage, { first: 50 })],
        naive: [body(customerPage, { first: 50 })],
        ...(withPeer ? { postgraphile: [body(peerPage, { first: 50 })] } : {}),
      },
    },
    {
      key: 'Q3',
      name: 'Q3 the full customer 360 (tier, total assets, 20 eligible products with decisions, bundle offers)',
      bodies: { finmart: fulls, naive: fulls },
    },
  ];
}

/**
 * Statements of Q2 for each page size, whether the literal page of 100 passes the default cost limit,
 * and the work queue's statements for one manager and a roster page of 16.
 */
async function pageChecks(
  finmart: Target,
): Promise<{ pageSizes: number[]; pageStatements: number[]; literal100: { ok: boolean; detail: string }; workQueue: WorkQueueCheck; kpis: KpiCheck }> {
  const pageSizes = [1, 10, 50, 100];
  const pageStatements: number[] = [];
  for (const first of pageSizes) pageStatements.push((await ask(finmart, { query: customerPage, variables: { first }, key: `page:${first}` })).statements);
  const lit = await send(finmart.url, token, { query: literalPageOf100, variables: {}, key: 'literal100' });
  const detail = lit.ok ? `accepted, ${lit.statements} statements` : `refused: ${JSON.stringify((lit.data as unknown) ?? null).slice(0, 200)}`;
  const workQueue = await workQueueCheck(async (query, variables, key) => ask(finmart, { query, variables, key }));
  const kpis = await kpiCheck(async (query, variables, key) => ask(finmart, { query, variables, key }));
  return { pageSizes, pageStatements, literal100: { ok: lit.ok, detail }, workQueue, kpis };
}

async function postgresSection(base: string): Promise<Section & { pages: Awaited<ReturnType<typeof pageChecks>> }> {
  let db: BenchDatabase | undefined;
  const targets: Target[] = [];
  try {
    db = await createBenchDatabase(base);
    step(`PostgreSQL: database ${db.name} on ${new URL(base).host}`);
    const seeded = await seedBenchDatabase(db.url, CUSTOMERS, bp.plugins);
    step(`seeded ${JSON.stringify(seeded.sizes)} in ${(seeded.seedMs / 1000).toFixed(1)} s`);
    targets.push(await startFinmart('finmart', deployedEnv({ url: db.url }, secret)));
    targets.push(await startNaive('naive', deployedEnv({ url: db.url }, secret)));
    targets.push(await startPeer(db.url));
    step(`servers up: ${targets.map((t) => `${t.name} ${t.url}`).join(', ')}`);
    const cardIds = await holdersOf(targets[0]);
    const statements = new Map<string, number>();
    const mismatches = await verify(targets, cardIds, statements);
    step(`answers compared: ${mismatches} mismatch(es)`);
    const pages = await pageChecks(targets[0]);
    const rows = await rounds(queriesFor(cardIds, true), targets, statements);
    return { database: `PostgreSQL (${new URL(base).host})`, rows, mismatches, seeded, pages };
  } finally {
    for (const t of targets) await t.stop();
    await db?.drop();
  }
}

async function pgliteSection(): Promise<Section> {
  const dir = mkdtempSync(join(os.tmpdir(), 'finmart-bench-'));
  const targets: Target[] = [];
  try {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const seedStarted = Date.now();
    // The deployed server seeds its own PGlite directory on first start; the naive one gets a copy.
    const seeding = await startFinmart(
      'finmart-pglite-seed',
      deployedEnv({ dataDir: a }, secret, { SEED_ON_EMPTY: 'true', DEMO_CUSTOMERS: String(CUSTOMERS) }),
      undefined,
      600_000,
    );
    await seeding.stop();
    const seedMs = Date.now() - seedStarted;
    cpSync(a, b, { recursive: true });
    targets.push(await startFinmart('finmart', deployedEnv({ dataDir: a }, secret)));
    targets.push(await startNaive('naive', deployedEnv({ dataDir: b }, secret)));
    step('PGlite: servers up');
    const cardIds = await holdersOf(targets[0]);
    const statements = new Map<string, number>();
    const mismatches = await verify(targets, cardIds, statements);
    const rows = await rounds(queriesFor(cardIds, false), targets, statements);
    return { database: 'PGlite (embedded, one process)', rows, mismatches, seeded: { seedMs, sizes: {} } };
  } finally {
    for (const t of targets) await t.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function engineSection(): Promise<EngineBench> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
  const database = await openDatabase({});
  const host = await createHost({ config, logger: createLogger('silent'), installed: bp.plugins, database });
  try {
    const { seedDemoBank } = await import('../../src/seed/demo-bank.js');
    await seedDemoBank(host, { customers: 200 });
    return await benchEngine(host, PRINCIPAL, 2, 3000);
  } finally {
    await host.close();
    await database.close();
  }
}

const base = benchServerUrl();
const serverNode = node22();
const postgres = base ? await postgresSection(base) : null;
if (!base) step('no PostgreSQL configured (BENCH_DATABASE_URL / DATABASE_URL / TEST_DATABASE_URL): the peer is not run');
const pglite = process.env.BENCH_SKIP_PGLITE ? null : await pgliteSection();
const engine = await engineSection();
step(`engine: ${Math.round(engine.evalsPerSecond).toLocaleString('en')} evaluations/s`);

const markdown = renderResults({
  date: new Date().toISOString(),
  machine: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    serverNode: execFileSync(serverNode, ['--version'], { encoding: 'utf8' }).trim(),
    harnessNode: process.version,
  },
  method: { concurrency: CONCURRENCY, rounds: ROUNDS, seconds: SECONDS, customers: CUSTOMERS, plugins: bp.plugins.map((p) => p.code) },
  postgres,
  pglite,
  engine,
  totalSeconds: (Date.now() - started) / 1000,
});
const out = new URL('./results.md', import.meta.url);
const scaleSection = existsSync(out) ? scaleSectionOf(readFileSync(out, 'utf8')) : null;
// What each change bought: written by hand as the changes were measured (tests/bench/changes.md), kept under the run's tables.
const changes = readFileSync(new URL('./changes.md', import.meta.url), 'utf8');
const withChanges = `${markdown.trimEnd()}\n\n${changes}`;
writeFileSync(out, scaleSection ? spliceScaleSection(withChanges, scaleSection) : withChanges);
console.log(markdown);
step(`wrote ${out.pathname}`);
process.exit(0);
