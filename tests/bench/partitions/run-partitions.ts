import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { graphql } from 'graphql';
import postgres from 'postgres';
import { createHost } from '../../../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { createRequestContext } from '../../../src/http/context.js';
import { createLogger } from '../../../src/logger.js';
import { benchServerUrl, createBenchDatabase } from '../bench-database.js';
import { captureStatements, openCapturingDatabase } from '../scale/database.js';
import { inline } from '../scale/explain.js';

const MONTHS = Number(process.env.BENCH_PARTITION_MONTHS ?? 12);
const ROWS_PER_MONTH = Number(process.env.BENCH_PARTITION_ROWS ?? 50_000);
const CUSTOMERS = 2_000;
const OUT = new URL('../partitions.md', import.meta.url);

const TRAIL = `query Trail($f: AuditEventFilter) { auditEvents(filter: $f, first: 20) { totalCount edges { node { action occurredAt } } } }`;

/** The partitions a plan reads (each named once), and its execution time. */
function readOf(plan: string[]): { partitions: string[]; ms: number } {
  const partitions = [...new Set(plan.flatMap((l) => [...l.matchAll(/ on (audit_events_(?:\d{4}_\d{2}|default))\b/g)].map((m) => m[1]!)))].sort();
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? NaN);
  return { partitions, ms };
}

/**
 * `npm run bench -- --partitions`: the audit trail partitioned by month (migration 0018) on a fresh PostgreSQL
 * database grown to MONTHS months × ROWS_PER_MONTH rows; the statements the app itself sends for an auditor's
 * `auditEvents` of one customer over one month, and over all time, are run under EXPLAIN (ANALYZE, BUFFERS):
 * the partitions each reads. Target: the month reads its own partition only. Writes tests/bench/partitions.md.
 */
export async function runPartitionsBench(): Promise<number> {
  const base = benchServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/test';
  const db = await createBenchDatabase(base);
  const pg = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const database = openCapturingDatabase(db.url);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: db.url, JOBS: 'off' });
    const host = await createHost({ config, logger: createLogger('silent'), installed: [], database, settingsSync: false });
    // The trail of a bank that has run MONTHS months: customer reads spread over the months, then statistics.
    const started = Date.now();
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
    await pg.unsafe(`select finmart_ensure_month_partitions('audit_events', $1::date, $2)`, [first.toISOString().slice(0, 10), MONTHS + 3]);
    for (let m = 0; m < MONTHS; m++) {
      const start = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
      await pg.unsafe(
        `insert into audit_events (occurred_at, actor, role, action, target_type, target_id)
         select $1::timestamptz + (i % 27) * interval '1 day' + (i % 86000) * interval '1 second', 'rm-' || (i % 300), 'RELATIONSHIP_MANAGER',
                'CUSTOMER_360_READ', 'Customer', 'c-' || (i % ${CUSTOMERS})
         from generate_series(1, $2::int) i`,
        [start.toISOString(), ROWS_PER_MONTH],
      );
    }
    await pg.unsafe('analyze audit_events');
    const growMs = Date.now() - started;
    const [{ partitions: total }] = await pg.unsafe(`select count(*)::int as partitions from pg_inherits where inhparent = 'audit_events'::regclass`);

    const ctx = createRequestContext(host.runtime, { subject: 'bench-auditor', role: 'AUDITOR' }, 'en', randomUUID());
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const cases = [
      { name: 'one customer, one month', filter: { targetType: 'Customer', targetId: 'c-42', from: month.toISOString(), to: next.toISOString() } },
      { name: 'one customer, all time', filter: { targetType: 'Customer', targetId: 'c-42' } },
    ];
    const results: { name: string; sql: string; partitions: string[]; ms: number; plan: string[] }[] = [];
    for (const c of cases) {
      const { result, statements } = await captureStatements(() =>
        graphql({ schema: host.schema, source: TRAIL, variableValues: { f: c.filter }, contextValue: ctx }),
      );
      if (result.errors?.length) throw new Error(`auditEvents failed: ${result.errors[0]!.message}`);
      const page = statements.find((s) => /from "audit_events"/i.test(s.sql) && /limit/i.test(s.sql));
      if (!page) throw new Error('the auditEvents page statement was not captured');
      const text = inline(page);
      const plan = (await pg.unsafe(`explain (analyze, buffers) ${text}`)).map((r) => String(r['QUERY PLAN']));
      results.push({ name: c.name, sql: text, ...readOf(plan), plan });
    }
    await host.close();
    await database.close();

    const monthCase = results[0]!;
    const expected = `audit_events_${month.toISOString().slice(0, 7).replace('-', '_')}`;
    const pass = monthCase.partitions.length === 1 && monthCase.partitions[0] === expected;
    const md = [
      '# Partitioned history: the audit trail by month (issue 18)',
      '',
      `Run ${new Date().toISOString()}. Rerun with \`npm run bench -- --partitions\` (PostgreSQL from \`BENCH_DATABASE_URL\`, \`DATABASE_URL\` or \`TEST_DATABASE_URL\`; a fresh database, dropped after).`,
      '',
      `The trail grown to ${MONTHS} months × ${ROWS_PER_MONTH.toLocaleString('en')} customer reads (${(MONTHS * ROWS_PER_MONTH).toLocaleString('en')} rows, ${total} partitions incl. months ahead and the default) in ${(growMs / 1000).toFixed(1)} s. The statement is the one the app sends for an auditor's \`auditEvents(filter: …, first: 20)\`, captured with its parameters and run under EXPLAIN (ANALYZE, BUFFERS).`,
      '',
      '| target | measured | result |',
      '|---|---|---|',
      `| one customer over one month reads that month's partition only (${expected}) | ${monthCase.partitions.join(', ')} | **${pass ? 'PASS' : 'FAIL'}** |`,
      '',
      '| query | partitions read | execution ms |',
      '|---|---:|---:|',
      ...results.map((r) => `| ${r.name} | ${r.partitions.length} of ${total} | ${r.ms} |`),
      '',
      ...results.flatMap((r) => [`## ${r.name}`, '', '```sql', r.sql, '```', '', '```', ...r.plan, '```', '']),
    ].join('\n');
    writeFileSync(OUT, md);
    console.log(md.split('\n').slice(0, 14).join('\n'));
    return pass ? 0 : 1;
  } finally {
    await pg.end({ timeout: 5 });
    await db.drop();
  }
}
