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

/**
 * `npm run bench -- --impact`: the rule-change impact analysis (issue 17) over the demo bank — every customer ×
 * every product on sale, judged as the rules stand and as proposed (the gold account risk level raised to C4) —
 * on a fresh PostgreSQL database, timed in process; writes tests/bench/impact.md. Returns the exit code.
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
    const runs = [];
    for (let i = 0; i < (GROW > 0 ? 1 : 3); i++) {
      const ctx = createRequestContext(host.runtime, { subject: 'bench', role: 'HEAD_OFFICE' }, 'en', randomUUID());
      const checked = checkProposal({ settings: [{ key: 'gold.accountGoldRequiredRiskLevel', value: 'C4' }], disableRules: [], enableRules: [] }, host.runtime.settings, host.runtime.rules);
      const [row] = await host.runtime.database.db.insert(impactReports).values({ status: 'RUNNING', proposal: {}, settingsVersion: 0, asOf: ctx.now, requestedBy: 'bench', createdAt: ctx.now }).returning();
      await runImpact(ctx, row!.id, checked);
      const [done] = await host.runtime.database.db.select().from(impactReports).where(eq(impactReports.id, row!.id));
      const s = done!.summary as Record<string, any>;
      runs.push(s);
      console.log(`[impact] run ${i + 1}: ${s.customers} customers × ${s.products} products, ${s.evaluations} evaluations in ${s.elapsedMs} ms (facts ${s.loadMs} ms, rules ${s.evaluateMs} ms); loses ${s.byDirection.LOSES}`);
    }
    const best = runs.reduce((a, b) => (b.elapsedMs < a.elapsedMs ? b : a));
    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
    const version = String((await database.client.unsafe('select version() v'))[0]!.v).split(',')[0];
    if (GROW > 0) {
      // The grown book's figures go into their own section of the same file.
      const line = `| ${best.customers.toLocaleString('en')} | ${best.products} | ${best.evaluations.toLocaleString('en')} | ${(best.elapsedMs / 1000).toFixed(1)} s | ${(best.loadMs / 1000).toFixed(1)} s | ${(best.evaluateMs / 1000).toFixed(1)} s | ${rate(best.evaluations, best.evaluateMs)} | ${best.elapsedMs <= 60_000 ? 'PASS' : 'FAIL'} |`;
      const prior = readFileSync(OUT, 'utf8').split('\n## At scale')[0]!.trimEnd();
      writeFileSync(OUT, `${prior}\n\n## At scale\n\nRun ${new Date().toISOString()}: the demo bank grown to ${GROW.toLocaleString('en')} customers (\`BENCH_IMPACT_GROW=${GROW} npm run bench -- --impact\`), one run.\n\n| customers | products | evaluations | whole run | reading facts | judging | evaluations/s (judging) | under a minute |\n|---:|---:|---:|---:|---:|---:|---:|---|\n${line}\n`);
      return 0;
    }
    writeFileSync(
      OUT,
      [
        '# Rule-change impact analysis (issue 17)',
        '',
        `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${version}, by \`npm run bench -- --impact\` (tests/bench/impact/).`,
        `The demo bank (${CUSTOMERS} customers, every line), the proposal "gold account risk level C3 → C4"; three runs, the fastest shown.`,
        '',
        '| customers | products on sale | evaluations | whole run | reading facts | judging | evaluations/s (judging) | evaluations/s (whole run) | pairs that move |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        `| ${best.customers} | ${best.products} | ${best.evaluations.toLocaleString('en')} | ${best.elapsedMs} ms | ${best.loadMs} ms | ${best.evaluateMs} ms | ${rate(best.evaluations, best.evaluateMs)} | ${rate(best.evaluations, best.elapsedMs)} | ${best.byDirection.LOSES + best.byDirection.GAINS + best.byDirection.CHANGES} |`,
        '',
        `Target (issue 17): the demo book in seconds — ${best.elapsedMs < 10_000 ? 'PASS' : 'FAIL'}; 200,000 customers × 136 products under a minute needs ≥ 1,000,000 evaluations/s — ` +
          `${Number(best.evaluations / best.evaluateMs) * 1000 >= 1_000_000 ? 'PASS' : 'FAIL'} at ${rate(best.evaluations, best.evaluateMs)} (not run at 200,000 yet).`,
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
