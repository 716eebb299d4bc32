import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { createHost } from '../../../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logger.js';
import { openCapturingDatabase, scaleDatabase } from '../scale/database.js';
import { buildLeadBank, renderDistribution, runDistributionBench, type LeadBenchSize } from './distribution-bench.js';

const SIZE: LeadBenchSize = { branches: 20, managersPerBranch: 10, leads: Number(process.env.BENCH_LEADS ?? 10_000) };
/** 10,000 leads over 200 managers is 50 each: a capacity of 60 leaves room to prefer the nearest. */
const CAPACITY = Number(process.env.BENCH_LEAD_CAPACITY ?? 60);
const OUT = new URL('../leads.md', import.meta.url);

/**
 * `npm run bench -- --leads`: distributeLeads over 10,000 leads and 200
 * managers on a fresh PostgreSQL database (the core only), each strategy timed
 * with its statements counted, the assignment's quality measured in SQL;
 * writes tests/bench/leads.md. Returns the exit code.
 */
export async function runLeads(): Promise<number> {
  const target = await scaleDatabase();
  const database = openCapturingDatabase(target.url);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: target.url });
  const host = await createHost({ config, logger: createLogger('silent'), installed: [], database });
  try {
    const t = Date.now();
    const ids = await buildLeadBank(host, SIZE);
    console.log(`[leads] ${ids.length} leads, ${SIZE.branches * SIZE.managersPerBranch} managers in ${Date.now() - t} ms`);
    const runs = await runDistributionBench(host, ids, CAPACITY);
    const table = renderDistribution(SIZE, runs);
    console.log(table);
    const version = String((await database.client.unsafe('select version() v'))[0]!.v).split(',')[0];
    writeFileSync(
      OUT,
      [
        '# Lead distribution (issue 12)',
        '',
        `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${version}, by \`npm run bench -- --leads\` (tests/bench/leads/).`,
        'Branches on a grid about 30 km apart, managers covering two industries each in rotation, leads scattered around a random branch (σ ≈ 10 km)',
        'with one of ten industries. Each strategy starts from the same state (every lead in its pool) and runs in process through the GraphQL',
        'mutation as head office; its statements are those of the whole request (idempotency key, two reads, three writes, the response). The same run',
        'repeated from the same state must give the same assignments.',
        '',
        table,
        '',
        'Reading it: NEAREST is as close as the capacity allows (compare with the nearest possible); INDUSTRY matches every lead whose industry some',
        'manager covers, at the cost of distance; COMBINED takes the nearest branch with room and, within it, a manager covering the industry when one',
        "has room — most of the industry match at NEAREST's distances. No manager ends above the capacity.",
        '',
      ].join('\n'),
    );
    return runs.every((r) => r.deterministic && r.load.max <= CAPACITY) ? 0 : 1;
  } finally {
    await host.close();
    await database.close();
    await target.release();
  }
}
