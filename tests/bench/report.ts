import type { EngineBench } from './engine.js';
import { describeWorkQueueCheck, type WorkQueueCheck } from './work-queue-check.js';
import { describeKpiCheck, type KpiCheck } from './kpi-check.js';

/** Median, min and max over the rounds. */
export interface Stat {
  median: number;
  min: number;
  max: number;
}

/** One target on one query. */
export interface Cell {
  rps: Stat;
  p50: Stat;
  p99: Stat;
  /** SQL statements per request (finmart: x-sql-statements, audit insert included; the peer: its own counter). */
  statements: number;
  /** Connection errors, timeouts, non-2xx answers over every round (must be 0). */
  failures: number;
}

/** One query across the targets that answer it. */
export interface QueryRow {
  key: 'Q1' | 'Q2' | 'Q3';
  name: string;
  cells: Record<string, Cell>;
}

/** One database's run. */
export interface Section {
  database: string;
  rows: QueryRow[];
  /** Answers that differed between targets (must be 0). */
  mismatches: number;
  seeded: { seedMs: number; sizes: Record<string, number> };
  pages?: { pageSizes: number[]; pageStatements: number[]; literal100: { ok: boolean; detail: string }; workQueue?: WorkQueueCheck; kpis?: KpiCheck };
}

export interface BenchReport {
  date: string;
  machine: { cpus: string; memory: string; os: string; load: string; serverNode: string; harnessNode: string };
  method: { concurrency: number; rounds: number; seconds: number; customers: number; plugins: string[] };
  postgres: Section | null;
  pglite: Section | null;
  engine: EngineBench;
  totalSeconds: number;
}

const LABEL: Record<string, string> = { finmart: '(a) finmart as deployed', naive: '(b) naive (no DataLoader)', postgraphile: '(d) PostGraphile 5 (amber)' };
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');
const range = (s: { median: number; min: number; max: number }, d = 0) => `${f(s.median, d)} (${f(s.min, d)}–${f(s.max, d)})`;
const verdict = (ok: boolean | null) => (ok === null ? 'N/A' : ok ? '**PASS**' : '**FAIL**');

function table(section: Section): string[] {
  const lines = [`| query | target | req/s median (min–max) | p50 ms | p99 ms | statements | failures |`, '|---|---|---:|---:|---:|---:|---:|'];
  for (const row of section.rows) {
    for (const [t, c] of Object.entries(row.cells)) {
      lines.push(`| ${row.name} | ${LABEL[t] ?? t} | ${range(c.rps)} | ${range(c.p50, 1)} | ${range(c.p99, 1)} | ${f(c.statements)} | ${c.failures} |`);
    }
  }
  return lines;
}

/** The Markdown written to tests/bench/results.md. */
export function renderResults(r: BenchReport): string {
  const pg = r.postgres;
  const cell = (key: string, t: string) => pg?.rows.find((x) => x.key === key)?.cells[t];
  const ratio = (key: string) => {
    const a = cell(key, 'finmart');
    const d = cell(key, 'postgraphile');
    return a && d ? a.rps.median / d.rps.median : NaN;
  };
  const p99Ratio = (key: string) => {
    const a = cell(key, 'finmart');
    const d = cell(key, 'postgraphile');
    return a && d ? a.p99.median / d.p99.median : NaN;
  };
  const pages = pg?.pages;
  const mismatches = (pg?.mismatches ?? 0) + (r.pglite?.mismatches ?? 0);
  const known = (n: number) => (Number.isFinite(n) ? n : null);
  const targets: [string, string, boolean | null][] = [
    ['Q1 ≥ 0.5× PostGraphile throughput, every guarantee on', `${f(ratio('Q1'), 2)}×`, known(ratio('Q1')) === null ? null : ratio('Q1') >= 0.5],
    ['Q2 ≥ 0.5× PostGraphile throughput, every guarantee on', `${f(ratio('Q2'), 2)}×`, known(ratio('Q2')) === null ? null : ratio('Q2') >= 0.5],
    ["Q1 p99 ≤ 2× PostGraphile's", `${f(p99Ratio('Q1'), 2)}×`, known(p99Ratio('Q1')) === null ? null : p99Ratio('Q1') <= 2],
    ["Q2 p99 ≤ 2× PostGraphile's", `${f(p99Ratio('Q2'), 2)}×`, known(p99Ratio('Q2')) === null ? null : p99Ratio('Q2') <= 2],
    [
      'Q2 ≤ 2 statements for page sizes 1–100 (audit insert included)',
      pages ? `${pages.pageSizes.map((s, i) => `${s}: ${pages.pageStatements[i]}`).join(', ')}` : 'not run',
      pages ? pages.pageStatements.every((n) => n <= 2) : null,
    ],
    [
      'Q1 ≤ 2 statements (audit insert included)',
      f(cell('Q1', 'finmart')?.statements ?? NaN),
      cell('Q1', 'finmart') ? cell('Q1', 'finmart')!.statements <= 2 : null,
    ],
    [
      'work queue (first: 50) of one manager and of a page of 16 managers: the same statements (audit insert included)',
      pages?.workQueue ? describeWorkQueueCheck(pages.workQueue) : 'not run',
      pages?.workQueue ? pages.workQueue.ok : null,
    ],
    [
      'KPIs of 1 manager, a roster page of 16 and every branch, this month and last: one KPI statement each (audit insert included)',
      pages?.kpis ? describeKpiCheck(pages.kpis) : 'not run',
      pages?.kpis ? pages.kpis.ok : null,
    ],
    [
      'the page of 100 with a literal `holdings(first: 100)` under the default cost limit',
      pages?.literal100.detail ?? 'not run',
      pages ? pages.literal100.ok : null,
    ],
    ['rule engine ≥ 1,000,000 evaluations/s', f(r.engine.evalsPerSecond), r.engine.evalsPerSecond >= 1_000_000],
    ['every target gives the same answers', `${mismatches} mismatch(es)`, mismatches === 0],
  ];
  const lines: string[] = [];
  lines.push('# Customer 360 benchmark: finmart against PostGraphile (issue 16)', '');
  lines.push(
    `Run ${r.date}, ${f(r.totalSeconds)} s. Rerun with \`npm run bench\` (PostgreSQL from \`BENCH_DATABASE_URL\`, \`DATABASE_URL\` or \`TEST_DATABASE_URL\`; PGlite always).`,
    '',
  );
  lines.push('## Targets', '', '| target | measured | result |', '|---|---|---|');
  for (const [name, value, ok] of targets) lines.push(`| ${name} | ${value} | ${verdict(ok)} |`);
  lines.push('', `Moonshot (≥ 1× PostGraphile): Q1 ${f(ratio('Q1'), 2)}×, Q2 ${f(ratio('Q2'), 2)}×.`, '');
  lines.push('## Method', '');
  lines.push(
    `- Machine: ${r.machine.cpus}, ${r.machine.memory}, ${r.machine.os}; load average at the end ${r.machine.load}.`,
    `- Servers on ${r.machine.serverNode}, each in its own process (the harness and load generator on ${r.machine.harnessNode}): (a) \`src/main.ts\` with NODE_ENV=production — graphql-armor, the customer-read audit (one insert per request), the per-caller rate, cost and in-flight limits (budgets raised for the run), info logging to a file; (b) the same with loaders that neither batch nor cache; (d) PostGraphile 5.1 with the amber preset over the same database, market value as a SQL function (tools/bench-peer/peer-functions.sql) so the answers are equal.`,
    `- Demo bank of ${f(r.method.customers)} customers, plugins ${r.method.plugins.join(', ')}. Every target's answers are compared before the load (0 mismatches required).`,
    `- autocannon, ${r.method.concurrency} connections, ${r.method.rounds} interleaved rounds of ${r.method.seconds} s per (query, target) after a warm-up; median and min–max over the rounds.`,
    '',
  );
  for (const s of [pg, r.pglite]) {
    if (!s) continue;
    lines.push(`## ${s.database}`, '');
    if (Object.keys(s.seeded.sizes).length)
      lines.push(
        `Seeded ${Object.entries(s.seeded.sizes)
          .map(([k, v]) => `${f(v)} ${k}`)
          .join(', ')} in ${f(s.seeded.seedMs / 1000, 1)} s.`,
        '',
      );
    lines.push(...table(s), '');
  }
  if (!pg) lines.push('PostgreSQL was not configured: the peer (which needs PostgreSQL) was not run.', '');
  const e = r.engine;
  lines.push('## Rule engine', '');
  lines.push(
    `${f(e.evalsPerSecond)} evaluations/s (one customer × every product, facts loaded: ${e.rules} rules, ${e.products} products, ${f(e.evaluations)} evaluations); ${f(e.ruleRunsPerSecond)} rule runs/s. The on-sale catalog (${e.onSale} products) for one customer: ${f(e.catalogEvalMs, 2)} ms with facts loaded; ${f(e.catalogWithFactsMs, 2)} ms and ${f(e.catalogWithFactsStatements)} statements including loading them.`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
