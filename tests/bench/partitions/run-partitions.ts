import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { graphql } from 'graphql';
import postgres from 'postgres';
import { createHost } from '../../../src/app/host.js';
import type { Principal } from '../../../src/auth/principal.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { kpiPeriodRange } from '../../../src/domain/common/kpi-period.js';
import { toGlobalId } from '../../../src/graphql/relay/global-id.js';
import { createRequestContext } from '../../../src/http/context.js';
import { createLogger } from '../../../src/logger.js';
import { benchServerUrl, createBenchDatabase } from '../bench-database.js';
import { kpiPeriods } from '../kpi-check.js';
import { captureStatements, openCapturingDatabase, type CapturedStatement } from '../scale/database.js';
import { inline } from '../scale/explain.js';

const MONTHS = Number(process.env.BENCH_PARTITION_MONTHS ?? 12);
const ROWS_PER_MONTH = Number(process.env.BENCH_PARTITION_ROWS ?? 50_000);
/** Decision records, orders and contacts per month, each: fewer than the audit rows so the run stays near a minute. */
const HISTORY_ROWS_PER_MONTH = Number(process.env.BENCH_PARTITION_HISTORY_ROWS ?? 20_000);
const CUSTOMERS = Number(process.env.BENCH_PARTITION_CUSTOMERS ?? 2_000);
/** Customer n is in branch 1 + (n - 1) % BRANCHES: a branch's KPIs then cover a quarter of the rows, as a real branch would. */
const BRANCHES = 4;
const OUT = new URL('../partitions.md', import.meta.url);

/** The four tables partitioned by month (migrations 0018 and 0019). */
const PARTITIONED = ['audit_events', 'suitability_decisions', 'orders', 'contacts'] as const;
type Partitioned = (typeof PARTITIONED)[number];

const TRAIL = `query Trail($f: AuditEventFilter) { auditEvents(filter: $f, first: 20) { totalCount edges { node { action occurredAt } } } }`;
const DECISIONS = `query Decisions($f: SuitabilityDecisionFilter) { suitabilityDecisions(filter: $f, first: 20) { edges { node { id outcome evaluatedAt } } } }`;
// No `salesByLine { line }`: the bench host loads no product-line plugin, so ProductLine has no value to name the
// bench's lines by. The KPI statement is the same whatever fields are asked (one statement computes them all).
const BRANCH_KPIS = `query BranchKpis($period: KpiPeriodInput!) {
  branches { id kpis(period: $period) { customersAtEnd salesByLine { count } contactPlanCoverage highValueCustomersServed } }
}`;
const CUSTOMER_ORDERS = `query CustomerOrders($id: ID!) { customer(id: $id) { orders(first: 20) { edges { node { id placedAt amount { amount } } } } } }`;

/** Every customer's contact cadence in the bench's day closes: the KPI statement looks back one cadence for a last reach. */
const CADENCE_DAYS = 30;

/** `<table>_YYYY_MM` of the UTC month holding `at`, as finmart_ensure_month_partitions names it. */
const monthPartition = (table: Partitioned, at: Date) => `${table}_${at.toISOString().slice(0, 7).replace('-', '_')}`;

/**
 * The partitions of `table` a plan reads (each named once), and its execution time. A scan shown `(never
 * executed)` read nothing: PostgreSQL pruned it at run time, for every value the outer rows gave its parameters.
 */
function readOf(plan: string[], table: Partitioned): { partitions: string[]; ms: number } {
  const scan = new RegExp(` on (${table}_(?:\\d{4}_\\d{2}|default))\\b`, 'g');
  const partitions = [...new Set(plan.filter((l) => !l.includes('(never executed)')).flatMap((l) => [...l.matchAll(scan)].map((m) => m[1]!)))].sort();
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);
  return { partitions, ms };
}

/** One statement the app sent, EXPLAINed, and what it read of each partitioned table it names. */
interface Case {
  name: string;
  /** Who asked what, for the report. */
  asked: string;
  sql: string;
  plan: string[];
  ms: number;
  reads: { table: Partitioned; partitions: string[] }[];
}

/**
 * `npm run bench -- --partitions`: the history partitioned by month — the audit trail (migration 0018), decision
 * records, orders and contacts (0019) — on a fresh PostgreSQL database grown to MONTHS months of each. The statements
 * the app itself sends (captured with their parameters through the GraphQL schema) are run under EXPLAIN (ANALYZE,
 * BUFFERS) and the partitions each reads are listed:
 *
 * - an auditor's `auditEvents` of one customer over one month (target: that month's partition only) and over all time;
 * - an auditor's `suitabilityDecisions` over one month (target: that month's partition only);
 * - a branch manager's branch KPIs for last month: the one KPI statement, which reads orders and contacts (target, for
 *   each: no partition outside the UTC months the Beijing month overlaps, and not the default partition);
 * - head office's customer 360 `orders` of one customer, all time (no target: what a query without a period costs).
 *
 * Writes tests/bench/partitions.md. Returns 0 when every target passes, else 1.
 */
export async function runPartitionsBench(): Promise<number> {
  const base = benchServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/test';
  const db = await createBenchDatabase(base);
  const pg = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const database = openCapturingDatabase(db.url);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: db.url, JOBS: 'off' });
    const host = await createHost({ config, logger: createLogger('silent'), installed: [], database, settingsSync: false });
    const started = Date.now();
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
    const monthStart = (m: number) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
    // Every month of the run gets its partition first: rows inserted before it exists would land in the default
    // partition, and a bench whose rows sit there would measure the wrong layout.
    for (const table of PARTITIONED) {
      await pg.unsafe(`select finmart_ensure_month_partitions($1, $2::date, $3)`, [table, first.toISOString().slice(0, 10), MONTHS + 3]);
    }

    // The trail of a bank that has run MONTHS months: customer reads spread over the months.
    for (let m = 0; m < MONTHS; m++) {
      await pg.unsafe(
        `insert into audit_events (occurred_at, actor, role, action, target_type, target_id)
         select $1::timestamptz + (i % 27) * interval '1 day' + (i % 86000) * interval '1 second', 'rm-' || (i % 300), 'RELATIONSHIP_MANAGER',
                'CUSTOMER_360_READ', 'Customer', 'c-' || (i % ${CUSTOMERS})
         from generate_series(1, $2::int) i`,
        [monthStart(m).toISOString(), ROWS_PER_MONTH],
      );
    }

    // The decision records, orders and contacts need what their foreign keys point at: branches, customers,
    // products. Plain SQL with only the required columns — the bench measures reads, not the app's writes.
    await pg.unsafe(
      `insert into branches (code, name_zh, name_en, city) select 'B' || n, '网点' || n, 'Branch ' || n, 'SH' from generate_series(1, ${BRANCHES}) n`,
    );
    await pg.unsafe(
      `insert into customers (name, id_type, id_number, phone, birth_date, gender, residency, nationality, occupation, employer_sector,
         personal_annual_income, household_annual_income, household_financial_assets, income_three_year_average, branch_id)
       select 'C' || n, 'RESIDENT_ID', 'B' || n, '138', '1980-01-01', 'F', 'RESIDENT', 'CN', 'X', 'X', 1, 1, 1, 1, 1 + (n - 1) % ${BRANCHES}
       from generate_series(1, ${CUSTOMERS}) n`,
    );
    await pg.unsafe(`insert into products (code, name_zh, name_en, line, issuer, risk_rating, liquidity, function)
      values ('P1', '基金', 'Fund', 'funds', 'I', 'R2', 'DAILY', 'GROWTH'), ('P2', '黄金', 'Gold', 'gold', 'I', 'R3', 'DAILY', 'GROWTH')`);
    // Row i is customer c = 1 + i % CUSTOMERS, recorded in c's branch (as the app records the customer's branch),
    // spread over the first 27 days of the UTC month like the audit rows.
    const customer = `1 + i % ${CUSTOMERS}`;
    const branch = `1 + (i % ${CUSTOMERS}) % ${BRANCHES}`;
    const at = `$1::timestamptz + (i % 27) * interval '1 day' + (i % 86000) * interval '1 second'`;
    const history: Record<Exclude<Partitioned, 'audit_events'>, string> = {
      suitability_decisions: `insert into suitability_decisions (customer_id, product_id, line, purpose, outcome, reasons, facts, rule_versions, actor,
          evaluated_at, initiator, branch_id)
        select ${customer}, 1 + i % 2, case when i % 2 = 0 then 'funds' else 'gold' end, 'ORDER', case when i % 10 = 0 then 'BLOCK' else 'ALLOW' end,
          '[]', '{}', '{}', 'bench', ${at}, 'STAFF', ${branch}
        from generate_series(1, $2::int) i`,
      orders: `insert into orders (customer_id, product_id, line, amount, currency, quantity, channel, initiator, status, decision_id, placed_by,
          seller_branch_id, placed_at)
        select ${customer}, 1 + i % 2, case when i % 2 = 0 then 'funds' else 'gold' end, 1000, 'CNY', 1, 'BRANCH', 'STAFF',
          case when i % 20 = 0 then 'CANCELLED' else 'SETTLED' end, i, 'bench', ${branch}, ${at}
        from generate_series(1, $2::int) i`,
      contacts: `insert into contacts (customer_id, channel, occurred_at, summary, outcome)
        select ${customer}, 'PHONE', ${at}, 'called', case when i % 3 = 0 then 'NO_ANSWER' else 'REACHED' end
        from generate_series(1, $2::int) i`,
    };
    for (const insert of Object.values(history)) {
      for (let m = 0; m < MONTHS; m++) await pg.unsafe(insert, [monthStart(m).toISOString(), HISTORY_ROWS_PER_MONTH]);
    }

    // Last month's KPIs compare the close before the period with the close of its last day: without them the end
    // book is empty, and the statement's per-customer look-ups of orders and contacts would never run. Tiers vary
    // within each branch (not with it), so branch 1 has high-value customers whose orders and contacts are looked up.
    const kpiPeriod = kpiPeriods(now)[1]!.period;
    const range = kpiPeriodRange('MONTH', kpiPeriod.date);
    const dayBeforePeriod = new Date(Date.parse(`${range.firstDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await pg.unsafe(
      `insert into customer_day_closes (day, customer_id, manager_id, branch_id, tier, assets_cny, lines_held, cadence_days, closed_at)
       select d::date, c.id, c.manager_id, c.branch_id, (array['STANDARD', 'GOLD', 'PLATINUM', 'DIAMOND'])[1 + (c.id / ${BRANCHES}) % 4], 100000, 1, ${CADENCE_DAYS}, now()
       from customers c, unnest($1::text[]) d`,
      [[dayBeforePeriod, range.lastDay]],
    );
    for (const table of [...PARTITIONED, 'customers', 'customer_day_closes']) await pg.unsafe(`analyze ${table}`);
    const growMs = Date.now() - started;
    const totals = {} as Record<Partitioned, number>;
    for (const table of PARTITIONED) {
      const [{ n }] = await pg.unsafe(`select count(*)::int as n from pg_inherits where inhparent = $1::regclass`, [table]);
      totals[table] = n;
    }
    // One full month's partition of each table, on disk: the capacity model (docs/scale.md) scales these per row.
    // The bench's rows are lean (a decision without its facts and reasons, a contact with a one-word summary): the
    // heap per row is the bench's, the indexes per row are what the app's rows cost too (they index no JSON).
    const sizeMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const sizes = [] as { table: Partitioned; partition: string; rows: number; heap: number; indexes: number }[];
    for (const table of PARTITIONED) {
      const partition = monthPartition(table, sizeMonth);
      const [r] = await pg.unsafe(
        `select (select count(*)::int from ${partition}) as rows, pg_table_size($1::regclass)::float8 as heap, pg_indexes_size($1::regclass)::float8 as indexes`,
        [partition],
      );
      sizes.push({ table, partition, rows: r.rows, heap: r.heap, indexes: r.indexes });
    }

    /** Runs `source` as `principal` and EXPLAINs the captured statement `pick` chooses. */
    const run = async (
      name: string,
      asked: string,
      principal: Principal,
      source: string,
      variableValues: Record<string, unknown>,
      pick: (s: CapturedStatement) => boolean,
      tables: Partitioned[],
    ): Promise<Case> => {
      // A context per case: its loaders must not answer from an earlier case's batch.
      const ctx = createRequestContext(host.runtime, principal, 'en', randomUUID());
      const { result, statements } = await captureStatements(() => graphql({ schema: host.schema, source, variableValues, contextValue: ctx }));
      if (result.errors?.length) throw new Error(`${name} failed: ${result.errors[0]!.message}`);
      const statement = statements.find(pick);
      if (!statement) throw new Error(`${name}: the statement to EXPLAIN was not captured`);
      const text = inline(statement);
      const plan = (await pg.unsafe(`explain (analyze, buffers) ${text}`)).map((r) => String(r['QUERY PLAN']));
      return {
        name,
        asked,
        sql: text,
        plan,
        ms: readOf(plan, tables[0]!).ms,
        reads: tables.map((table) => ({ table, partitions: readOf(plan, table).partitions })),
      };
    };

    const auditor: Principal = { subject: 'bench-auditor', role: 'AUDITOR' };
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const trailPage = (s: CapturedStatement) => /from "audit_events"/i.test(s.sql) && /limit/i.test(s.sql);
    const auditMonth = await run(
      'audit trail: one customer, one month',
      "an auditor's `auditEvents(filter: { targetType, targetId, from, to }, first: 20)`",
      auditor,
      TRAIL,
      { f: { targetType: 'Customer', targetId: 'c-42', from: month.toISOString(), to: next.toISOString() } },
      trailPage,
      ['audit_events'],
    );
    const auditAll = await run(
      'audit trail: one customer, all time',
      "an auditor's `auditEvents(filter: { targetType, targetId }, first: 20)`",
      auditor,
      TRAIL,
      { f: { targetType: 'Customer', targetId: 'c-42' } },
      trailPage,
      ['audit_events'],
    );
    const decisions = await run(
      'decision records: one month',
      "an auditor's `suitabilityDecisions(filter: { from, to }, first: 20)`",
      auditor,
      DECISIONS,
      { f: { from: month.toISOString(), to: next.toISOString() } },
      (s) => /from "suitability_decisions"/i.test(s.sql) && /limit/i.test(s.sql),
      ['suitability_decisions'],
    );
    const kpis = await run(
      `branch KPIs: last month (${kpiPeriod.date.slice(0, 7)}, Beijing)`,
      `branch 1's manager's \`branches { kpis(period: { granularity: MONTH, date: "${kpiPeriod.date}" }) { customersAtEnd salesByLine { count } contactPlanCoverage highValueCustomersServed } }\``,
      { subject: 'bench-branch-manager', role: 'BRANCH_MANAGER', branchId: 1 },
      BRANCH_KPIS,
      { period: kpiPeriod },
      (s) => /from orders o\b/i.test(s.sql) && /customer_day_closes/i.test(s.sql),
      ['orders', 'contacts'],
    );
    const customerOrders = await run(
      'customer 360 orders: one customer, all time',
      "head office's `customer(id) { orders(first: 20) }`",
      { subject: 'bench-head-office', role: 'HEAD_OFFICE' },
      CUSTOMER_ORDERS,
      { id: toGlobalId('Customer', 42) },
      (s) => /from "orders"/i.test(s.sql) && /row_number\(\)/i.test(s.sql),
      ['orders'],
    );
    await host.close();
    await database.close();
    const cases = [auditMonth, auditAll, decisions, kpis, customerOrders];

    // A Beijing month starts at 16:00 UTC on the UTC month's eve: its orders and contacts lie in two UTC months.
    // Contacts: the last reach before the period is looked up one cadence back (its next contact may fall due in
    // the period); older months must not be read.
    const periodMonths = (table: Partitioned) => {
      const months: string[] = [];
      const from = table === 'contacts' ? new Date(range.start.getTime() - CADENCE_DAYS * 86_400_000) : range.start;
      for (
        let m = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
        m < range.end;
        m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
      ) {
        months.push(monthPartition(table, m));
      }
      return months;
    };
    const onlyMonth = (c: Case, expected: string) => {
      const read = c.reads[0]!.partitions;
      return { measured: read.join(', '), pass: read.length === 1 && read[0] === expected };
    };
    const withinPeriod = (table: Partitioned) => {
      const read = kpis.reads.find((r) => r.table === table)!.partitions;
      const allowed = periodMonths(table);
      const outside = read.filter((p) => !allowed.includes(p));
      return {
        measured: `${read.join(', ')}${outside.length ? ` (outside: ${outside.join(', ')})` : ''}`,
        pass: read.length > 0 && outside.length === 0,
      };
    };
    const [ordersTarget, contactsTarget] = (['orders', 'contacts'] as const).map((table) => ({
      what: `branch KPIs for ${kpiPeriod.date.slice(0, 7)} read no ${table} partition outside the period's UTC months${table === 'contacts' ? ` and one cadence (${CADENCE_DAYS} d) before` : ''} (${periodMonths(table).join(', ')}), nor the default`,
      ...withinPeriod(table),
    }));
    const targets = [
      {
        what: `one customer's audit trail over one month reads that month's partition only (${monthPartition('audit_events', month)})`,
        ...onlyMonth(auditMonth, monthPartition('audit_events', month)),
      },
      {
        what: `decision records over one month read that month's partition only (${monthPartition('suitability_decisions', month)})`,
        ...onlyMonth(decisions, monthPartition('suitability_decisions', month)),
      },
      ordersTarget!,
      contactsTarget!,
    ];
    const pass = targets.every((t) => t.pass);
    const historyRows = 3 * MONTHS * HISTORY_ROWS_PER_MONTH;
    const md = [
      '# Partitioned history: the audit trail, decision records, orders and contacts by month (issue 18)',
      '',
      `Run ${new Date().toISOString()}. Rerun with \`npm run bench -- --partitions\` (PostgreSQL from \`BENCH_DATABASE_URL\`, \`DATABASE_URL\` or \`TEST_DATABASE_URL\`; a fresh database, dropped after).`,
      '',
      `Grown to ${MONTHS} months in ${(growMs / 1000).toFixed(1)} s: the audit trail ${ROWS_PER_MONTH.toLocaleString('en')} customer reads a month (${(MONTHS * ROWS_PER_MONTH).toLocaleString('en')} rows); decision records, orders and contacts ${HISTORY_ROWS_PER_MONTH.toLocaleString('en')} a month each (${historyRows.toLocaleString('en')} rows), for ${CUSTOMERS.toLocaleString('en')} customers in ${BRANCHES} branches; day closes before and at the end of ${kpiPeriod.date.slice(0, 7)}. Each table has ${MONTHS + 3} month partitions (3 ahead) and the default. Each statement is the one the app sends for the query named, captured with its parameters and run under EXPLAIN (ANALYZE, BUFFERS).`,
      '',
      '| target | measured | result |',
      '|---|---|---|',
      ...targets.map((t) => `| ${t.what} | ${t.measured} | **${t.pass ? 'PASS' : 'FAIL'}** |`),
      '',
      "Partitions read: those the plan scans — a partition pruned when planning is absent from the plan, one pruned at run time (for every outer row) is shown `(never executed)` and not counted. The KPI statement looks up each end-book customer's last reach before the period one contact cadence back (a reach older than that is due before the period): the months before that are pruned at run time.",
      '',
      '| query | table | partitions read | execution ms |',
      '|---|---|---:|---:|',
      ...cases.flatMap((c) => c.reads.map((r) => `| ${c.name} | ${r.table} | ${r.partitions.length} of ${totals[r.table]} | ${c.ms} |`)),
      '',
      "One month's partition on disk (`pg_table_size`, `pg_indexes_size`; the bench's rows are lean — a decision without its facts, a contact with a one-word summary — so the heap per row is a floor, the indexes per row are the app's):",
      '',
      '| partition | rows | heap MB | indexes MB | heap bytes/row | index bytes/row |',
      '|---|---:|---:|---:|---:|---:|',
      ...sizes.map(
        (z) =>
          `| ${z.partition} | ${z.rows.toLocaleString('en')} | ${(z.heap / 1048576).toFixed(1)} | ${(z.indexes / 1048576).toFixed(1)} | ${Math.round(z.heap / z.rows)} | ${Math.round(z.indexes / z.rows)} |`,
      ),
      '',
      ...cases.flatMap((c) => [`## ${c.name}`, '', `The statement the app sends for ${c.asked}.`, '', '```sql', c.sql, '```', '', '```', ...c.plan, '```', '']),
    ].join('\n');
    writeFileSync(OUT, md);
    // The summary: everything before the first case's SQL and plan.
    console.log(md.slice(0, md.indexOf('\n## ')));
    return pass ? 0 : 1;
  } finally {
    await pg.end({ timeout: 5 });
    await db.drop();
  }
}
