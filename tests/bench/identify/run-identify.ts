import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import postgres from 'postgres';
import { signDevelopmentToken } from '../../../src/auth/tokens.js';
import { createHost } from '../../../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/config/config.js';
import { identifyCustomer } from '../../../src/domain/branch-floor/identify.js';
import { toGlobalId } from '../../../src/graphql/relay/global-id.js';
import { createRequestContext } from '../../../src/http/context.js';
import { createLogger } from '../../../src/logger.js';
import { benchServerUrl, createBenchDatabase, seedBenchDatabase } from '../bench-database.js';
import { send } from '../load.js';
import { benchPlugins } from '../plugins.js';
import { captureStatements, openCapturingDatabase } from '../scale/database.js';
import { deployedEnv, startFinmart } from '../targets.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const OUT = new URL('../identify.md', import.meta.url);
const IDENTIFY = `mutation($i: IdentifyCustomerInput!) { identifyCustomer(input: $i) { identified tier manager { name } queuePriority alerts { kind message } } }`;

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * `npm run bench -- --identify`: identifyCustomer (issue 20) on the server as deployed (the compiled build,
 * NODE_ENV=production, audit and limits on) over the demo bank on a fresh PostgreSQL database — branch staff
 * at their own counters identifying random customers (and some unknown IDs) at the bench's concurrency for a
 * fixed time; latency percentiles, throughput and the statements one identification costs (counted in process).
 * Writes tests/bench/identify.md. Target: p99 under 50 ms.
 */
export async function runIdentifyBench(): Promise<number> {
  const base = benchServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/test';
  const db = await createBenchDatabase(base);
  const bp = await benchPlugins();
  const secret = randomBytes(32).toString('base64');
  const pg = postgres(db.url, { max: 1, onnotice: () => {} });
  let target: Awaited<ReturnType<typeof startFinmart>> | null = null;
  try {
    await seedBenchDatabase(db.url, CUSTOMERS, bp.plugins);
    // Each visitor comes to a counter of their own customer's branch, served by a manager of that branch.
    const rows =
      await pg.unsafe(`select c.id_type, c.id_number, c.branch_id, (select m.id from managers m where m.branch_id = c.branch_id order by m.id limit 1) as staff
      from customers c order by random() limit 500`);
    const visitors = rows.filter((r) => r.staff !== null);
    const tokens = new Map<number, string>();
    for (const v of visitors) {
      if (!tokens.has(v.staff))
        tokens.set(
          v.staff,
          await signDevelopmentToken(
            { subject: `rm-${v.staff}`, role: 'RELATIONSHIP_MANAGER', managerId: v.staff, branchId: v.branch_id },
            { secret, issuer: 'finmart', audience: 'finmart-api', expiresIn: '1h' },
          ),
        );
    }

    // Statements of one identification, counted in process on the same data.
    const database = openCapturingDatabase(db.url);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: db.url });
    const host = await createHost({ config, logger: createLogger('silent'), installed: bp.plugins, database });
    const v0 = visitors[0]!;
    const ctx = createRequestContext(
      host.runtime,
      { subject: 'bench', role: 'RELATIONSHIP_MANAGER', managerId: v0.staff, branchId: v0.branch_id },
      'en',
      randomUUID(),
    );
    const { statements } = await captureStatements(() => identifyCustomer(ctx, { idType: v0.id_type, idNumber: v0.id_number, branchId: v0.branch_id }));
    await host.close();
    await database.close();

    target = await startFinmart('finmart', deployedEnv({ url: db.url }, secret));
    const request = (i: number) => {
      const v = visitors[i % visitors.length]!;
      // One in ten presents an ID the bank does not know.
      const idNumber = i % 10 === 9 ? `11010119900101${String(1000 + (i % 9000)).slice(-4)}` : v.id_number;
      return send(target!.url, tokens.get(v.staff)!, {
        query: IDENTIFY,
        variables: { i: { idType: v.id_type, idNumber, branchId: toGlobalId('Branch', v.branch_id) } },
        key: 'identify',
      });
    };
    // Warm-up, then the measured run.
    for (let i = 0; i < 50; i++) await request(i);
    const latencies: number[] = [];
    let failed = 0;
    let next = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) {
          const s = await request(next++);
          if (!s.ok) failed++;
          latencies.push(s.ms);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const p = (q: number) => pct(latencies, q).toFixed(1);
    const rps = Math.round(latencies.length / SECONDS);
    const pass = pct(latencies, 99) < 50 && failed === 0;
    const version = String((await pg.unsafe('select version() v'))[0]!.v).split(',')[0];
    const table = [
      '| customers | concurrency | requests | failed | per second | p50 | p95 | p99 | statements per identification | target (p99 < 50 ms) |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${CUSTOMERS} | ${CONCURRENCY} | ${latencies.length} | ${failed} | ${rps} | ${p(50)} ms | ${p(95)} ms | ${p(99)} ms | ${statements.length} | ${pass ? 'PASS' : 'FAIL'} |`,
    ].join('\n');
    console.log(table);
    writeFileSync(
      OUT,
      [
        '# Customer identification at the branch (issue 20)',
        '',
        `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${version}, by \`npm run bench -- --identify\` (tests/bench/identify/).`,
        `The server as deployed (compiled, NODE_ENV=production, audit on) over the demo bank; relationship managers at their own branch's counter identify`,
        `random customers of the branch (one request in ten an unknown ID) for ${SECONDS} s at concurrency ${CONCURRENCY}, after a warm-up. Statements counted in`,
        "process for one identification: the caller's branch from the roster; the customer with tier and manager, what the alerts need (by the work",
        "queue's own predicates) and the bundles on offer in one statement; the visit with its audit entry in another.",
        '',
        table,
        '',
      ].join('\n'),
    );
    return pass ? 0 : 1;
  } finally {
    await target?.stop();
    await pg.end({ timeout: 5 });
    await db.drop();
  }
}
