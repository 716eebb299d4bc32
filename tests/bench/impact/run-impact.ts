import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { eq } from 'drizzle-orm';
import { installedPlugins } from '../../../plugins/index.js';
import { createHost } from '../../../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { impactReports } from '../../../src/db/schema/index.js';
import { createRequestContext } from '../../../src/http/context.js';
import { runImpact } from '../../../src/impact/impact-run.js';
import { checkProposal } from '../../../src/impact/proposal.js';
import { createLogger } from '../../../src/logger.js';
import { seedDemoBank } from '../../../src/seed/demo-bank.js';
import { openCapturingDatabase, scaleDatabase } from '../scale/database.js';
import { growBank } from '../scale/grow.js';

const CUSTOMERS = Number(process.env.BENCH_IMPACT_CUSTOMERS ?? 2000);
/** Grow the book to this many customers (10 holdings each) after the demo bank, as `--scale` grows it (0: the demo bank only). */
const GROW = Number(process.env.BENCH_IMPACT_GROW ?? 0);
const OUT = new URL('../impact.md', import.meta.url);

/** The proposals the bench previews: one line's threshold, and two host settings every line's products read. */
const PROPOSALS: { name: string; key: string; value: unknown }[] = [
  { name: 'gold account risk level C3 → C4', key: 'gold.accountGoldRequiredRiskLevel', value: 'C4' },
  { name: 'senior-customer age 65 → 60', key: 'core.seniorCustomerAge', value: 60 },
  {
    name: 'professional investor: financial assets 5,000,000 → 3,000,000',
    key: 'core.professionalInvestor',
    value: { financialAssetsCny: '3000000', averageIncomeCny: '500000', experienceYears: 2 },
  },
];

/**
 * `npm run bench -- --impact`: the rule-change impact analysis (issue 17) over the demo bank — every customer ×
 * every product on sale, judged as the rules stand and as proposed, for each of {@link PROPOSALS} — on a fresh
 * PostgreSQL database, timed in process; writes tests/bench/impact.md. `BENCH_IMPACT_GROW=200000` grows the
 * book first (one run per proposal, in the file's "At scale" section). Returns the exit code.
 */
export async function runImpactBench(): Promise<number> {
  const target = await scaleDatabase();
  const database = openCapturingDatabase(target.url);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: target.url });
  const host = await createHost({ config, logger: createLogger('silent'), installed: installedPlugins, database });
  try {
    const t = Date.now();
    await seedDemoBank(host, { customers: CUSTOMERS });
    console.log(`[impact] demo bank of ${CUSTOMERS} customers seeded in ${Date.now() - t} ms`);
    if (GROW > 0) {
      const g = Date.now();
      await growBank(database.client, { customers: GROW, holdings: GROW * 10 }, (m) => console.log(`[impact] ${m}`));
      console.log(`[impact] grown to ${GROW} customers in ${Date.now() - g} ms`);
    }
    const rows: string[] = [];
    for (const proposal of PROPOSALS) {
      const runs = [];
      for (let i = 0; i < (GROW > 0 ? 1 : 3); i++) {
        const ctx = createRequestContext(host.runtime, { subject: 'bench', role: 'HEAD_OFFICE' }, 'en', randomUUID());
        const checked = checkProposal(
          { settings: [{ key: proposal.key, value: proposal.value }], disableRules: [], enableRules: [] },
          host.runtime.settings,
          host.runtime.rules,
        );
        const [row] = await host.runtime.database.db
          .insert(impactReports)
          .values({ status: 'RUNNING', proposal: {}, settingsVersion: 0, asOf: ctx.now, requestedBy: 'bench', createdAt: ctx.now })
          .returning();
        await runImpact(ctx, row!.id, checked);
        const [done] = await host.runtime.database.db.select().from(impactReports).where(eq(impactReports.id, row!.id));
        const s = done!.summary as Record<string, any>;
        runs.push(s);
        console.log(
          `[impact] ${proposal.name}, run ${i + 1}: ${s.customers} customers × ${s.products} products (${s.productsReached} reached) in ${s.elapsedMs} ms (facts ${s.loadMs} ms, rules ${s.evaluateMs} ms); entries ${s.byDirection.LOSES + s.byDirection.GAINS + s.byDirection.CHANGES}`,
        );
      }
      const b = runs.reduce((a, c) => (c.elapsedMs < a.elapsedMs ? c : a));
      const moved = b.byDirection.LOSES + b.byDirection.GAINS + b.byDirection.CHANGES;
      const ms = (v: number) => (GROW > 0 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);
      const verdict = GROW > 0 ? (b.elapsedMs <= 60_000 ? 'PASS' : 'FAIL') : b.elapsedMs < 10_000 ? 'PASS' : 'FAIL';
      rows.push(
        `| ${proposal.name} | ${b.customers.toLocaleString('en')} | ${b.products} | ${b.productsReached} | ${b.pairsJudged.toLocaleString('en')} | ${b.ruleRuns.toLocaleString('en')} (${Math.round((100 * b.sharedRuleRuns) / Math.max(1, b.ruleRuns))} % from memory) | ${moved.toLocaleString('en')} | ${b.workers + 1} | ${ms(b.elapsedMs)} | ${ms(b.loadMs)} | ${ms(b.evaluateMs)} | ${verdict} |`,
      );
    }
    const version = String((await database.client.unsafe('select version() v'))[0]!.v).split(',')[0];
    const header = [
      '| proposal | customers | products on sale | products reached | pairs judged | rule runs | pairs that move | threads | whole run | waiting for facts (all threads) | judging (all threads) | target |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ];
    if (GROW > 0) {
      // The grown book's figures go into their own section of the same file.
      const prior = readFileSync(OUT, 'utf8').split('\n## At scale')[0]!.trimEnd();
      writeFileSync(
        OUT,
        `${prior}\n\n## At scale\n\nRun ${new Date().toISOString()}: the demo bank grown to ${GROW.toLocaleString('en')} customers (\`BENCH_IMPACT_GROW=${GROW} npm run bench -- --impact\`), one run per proposal. Target: under a minute.\n\n${[...header, ...rows].join('\n')}\n`,
      );
      return 0;
    }
    writeFileSync(
      OUT,
      [
        '# Rule-change impact analysis (issue 17)',
        '',
        `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${version}, by \`npm run bench -- --impact\` (tests/bench/impact/).`,
        `The demo bank (${CUSTOMERS} customers, every line), three proposals, three runs each, the fastest shown. Target: the demo book in seconds (under 10 s).`,
        '',
        "A pair is one customer × one product on sale; the report covers every pair. Only products a proposal can reach are judged (a rule of theirs reads the changed setting — rules read only the settings they declare, or their own plugin's); of those pairs, only the rules the change reaches run first, and the whole plan only where they say something different. A rule that reads nothing of the customer for a product is answered from memory for the rest of the book. \"Waiting for facts\" is time the judging waited for the next batch of customers' facts; the report's entries are written while the run judges (PostgreSQL). On PostgreSQL a book of at least 50,000 customers (`IMPACT_WORKERS_FROM`) is cut into slices judged on `IMPACT_WORKERS` worker threads beside the run's own (default: one less than the cores), all in the run's exported snapshot; the time columns then add up the threads.",
        '',
        ...header,
        ...rows,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await host.close();
    await database.close();
    await target.release();
  }
}
