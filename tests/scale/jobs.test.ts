import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numericIdOf } from '../../src/graphql/relay/global-id.js';
import { impactAnalysisTask } from '../../src/jobs/impact-analysis.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { partitionsAheadTask, settleDueOrdersTask } from '../../src/jobs/scheduled-tasks.js';
import { startJobs, type Jobs } from '../../src/jobs/start.js';
import { settleDueOrders } from '../../src/orders/settle.js';
import { freePort, spawnServer, type SpawnedServer } from '../posture/spawned-server.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

type Line = Record<string, any>;

/**
 * Background jobs on PostgreSQL with two job nodes — real processes (`src/cli/worker.ts`), so that "killed"
 * is SIGKILL — on one database, beside an API node (this process) that only adds jobs (JOBS=enqueue). Each
 * job runs once across the nodes, a failing one is retried with backoff, a killed node's job is finished by
 * the other, and an impact analysis asked through the API is run by a job node.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('background jobs on two job nodes (PostgreSQL)', () => {
  let t: TestHost;
  let sql: postgres.Sql;
  let api: Jobs | undefined;
  const nodes: SpawnedServer[] = [];
  /** Positions a test has already used: each test settles an order of its own. */
  const used: number[] = [];

  const lines = (): Line[] => nodes.flatMap((n) => n.lines);
  const done = (jobId: string) => lines().filter((l) => l.msg === 'job done' && l.jobId === jobId);
  const jobRow = async (id: string) =>
    (await sql`select attempts, locked_by, last_error, extract(epoch from run_at - now())::float8 as wait from graphile_worker.jobs where id = ${id}`)[0];

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const gone = (id: string) => waitFor(`job ${id} to leave the queue`, async () => ((await jobRow(id)) ? undefined : true));

  /**
   * A purchase whose cooling-off period ended a minute ago, not yet settled: an order PENDING on an open
   * position of the demo bank, put back to PENDING (the demo seeds positions, not orders).
   */
  async function dueOrder(): Promise<{ id: number; holdingId: number }> {
    const [h] = await sql`update holdings set status = 'PENDING'
      where id = (select id from holdings where status = 'ACTIVE' and id <> all(${used}::int[]) order by id limit 1)
      returning id, customer_id, product_id`;
    const [o] = await sql`insert into orders (customer_id, product_id, line, side, amount, currency, quantity, channel, initiator, status,
        decision_id, holding_id, placed_by, placed_at, cooling_off_ends_at)
      select ${h!.customer_id}, p.id, p.line, 'BUY', 1000, p.currency, 1, 'COUNTER', 'STAFF', 'PENDING',
        0, ${h!.id}, 'test', now() - interval '2 days', now() - interval '1 minute'
      from products p where p.id = ${h!.product_id}
      returning id`;
    used.push(h!.id);
    return { id: o!.id, holdingId: h!.id };
  }
  async function expectSettled(order: { id: number; holdingId: number }) {
    const [o] = await sql`select status, settled_at = cooling_off_ends_at as on_time from orders where id = ${order.id}`;
    expect(o).toEqual({ status: 'SETTLED', on_time: true });
    expect((await sql`select status from holdings where id = ${order.holdingId}`)[0]!.status).toBe('ACTIVE');
  }
  const enqueueSettle = () => enqueueJob(t.host.runtime.database.db, settleDueOrdersTask, {});

  async function startNode(): Promise<SpawnedServer> {
    // A job node ignores PORT; WORKER_PORT is where it serves its probes and /metrics.
    const port = await freePort();
    return spawnServer(
      process.execPath,
      ['--import', 'tsx', 'src/cli/worker.ts'],
      {
        DATABASE_URL: t.config.DATABASE_URL!,
        // Behind PgBouncer (TEST_DATABASE_POOLER): the queue runs over the direct connection.
        DATABASE_POOLER: t.config.DATABASE_POOLER,
        ...(t.config.DATABASE_DIRECT_URL ? { DATABASE_DIRECT_URL: t.config.DATABASE_DIRECT_URL } : {}),
        LOG_LEVEL: 'debug',
        JOB_CONCURRENCY: '2',
        // A job blocked on a row lock stays blocked (test c) instead of timing out.
        DB_STATEMENT_TIMEOUT_MS: '0',
        IMPACT_WORKERS: '0',
        // Maintenance jobs give up a lock after a second (test e) instead of the default minute.
        JOB_LOCK_TIMEOUT_MS: '1000',
        WORKER_PORT: String(port),
      },
      port,
    );
  }

  beforeAll(async () => {
    t = await createTestHost({ driver: 'postgres', customers: 30 });
    // Direct to the server (a row lock held across statements, DDL): never through a transaction-mode pooler.
    sql = postgres(t.config.DATABASE_DIRECT_URL ?? t.config.DATABASE_URL!, { max: 4, onnotice: () => {} });
    // Whatever the seed left due is settled now: every settlement the nodes make below is a test's.
    await settleDueOrders(t.host.runtime, new Date());
    nodes.push(await startNode(), await startNode());
    // This process is an API node beside dedicated job nodes: it adds jobs and runs none.
    api = await startJobs(t.host.runtime, 'enqueue');
    await Promise.all(nodes.map((n) => n.waitForLog('job worker running', 90_000)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      nodes.map(async (n) => {
        if (n.child.exitCode !== null || n.child.signalCode !== null) return;
        n.child.kill('SIGTERM');
        const stopped = await Promise.race([n.exited, new Promise((r) => setTimeout(() => r(null), 15_000))]);
        if (!stopped) n.child.kill('SIGKILL');
      }),
    );
    await api?.stop();
    await sql?.end();
    // Drops the test database, graphile_worker schema and all.
    await t?.close();
  }, 60_000);

  it('(a) runs each job once across both nodes, and settles a due order once', async () => {
    const since = Date.now();
    const order = await dueOrder();
    // 20 jobs in one transaction: both nodes are woken (NOTIFY) and race for them.
    const ids = await t.host.runtime.database.db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 20; i++) out.push(await enqueueJob(tx, settleDueOrdersTask, {}));
      return out;
    });
    await waitFor('the jobs to be done', async () =>
      (await sql`select 1 from graphile_worker.jobs where id = any(${ids}::bigint[])`).length === 0 ? true : undefined,
    );
    for (const id of ids) expect(done(id), `job ${id}`).toHaveLength(1);
    const byNode = nodes.map((n) => n.lines.filter((l) => l.msg === 'job done' && ids.includes(l.jobId as string)).length);
    expect(byNode.reduce((a, b) => a + b, 0)).toBe(20);
    // Every settlement run since (ours, and a scheduled one if a minute turned): one order settled, once.
    const settled = lines()
      .filter((l) => l.msg === 'job done' && l.job === 'settle-due-orders' && l.time >= since)
      .reduce((n, l) => n + l.result.settled, 0);
    expect(settled).toBe(1);
    await expectSettled(order);
    // Each node's /metrics counts the attempts it ran — as many as its log says it finished — and it is ready.
    for (const n of nodes) {
      const url = `http://127.0.0.1:${n.port}`;
      const text = await (await fetch(`${url}/metrics`)).text();
      const m = /^finmart_job_attempts_total\{task="settle-due-orders",outcome="done"\} (\d+)$/m.exec(text);
      const logged = n.lines.filter((l) => l.msg === 'job done' && l.job === 'settle-due-orders').length;
      expect(Number(m?.[1] ?? 0), `node ${n.port}`).toBe(logged);
      expect(text).toContain('finmart_job_duration_seconds_bucket{');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect((await fetch(`${url}/graphql`)).status).toBe(404);
    }
    console.info(`(a) 20 jobs: ${byNode.join(' + ')} by node, ${Date.now() - since} ms`);
  }, 30_000);

  it('(b) retries a failing job with exponential backoff, then it succeeds; nothing of the error data is kept', async () => {
    const order = await dueOrder();
    // A real failure of the real task: the order's update is refused with a message quoting personal data.
    await sql.unsafe(`create function test_refuse_settlement() returns trigger language plpgsql as $$
      begin raise exception 'refused: customer 110101199003077777'; end $$`);
    await sql.unsafe(`create trigger test_refuse_settlement before update on orders for each row when (old.id = ${Number(order.id)})
      execute function test_refuse_settlement()`);
    let triggerDropped = false;
    const dropTrigger = async () => {
      if (triggerDropped) return;
      triggerDropped = true;
      await sql.unsafe(`drop trigger test_refuse_settlement on orders; drop function test_refuse_settlement()`);
    };
    try {
      const id = await enqueueSettle();
      const failed = await waitFor('the first attempt to fail', async () => {
        const j = await jobRow(id);
        return j && j.attempts === 1 && j.last_error && !j.locked_by ? j : undefined;
      });
      // Backoff: due again exp(1) ≈ 2.7 s after the failure (we look within a few hundred ms of it).
      expect(failed.wait).toBeGreaterThan(1.5);
      expect(failed.wait).toBeLessThan(3);
      expect(failed.last_error).toMatch(/^JobFailure: |DrizzleQueryError|SQLSTATE P0001/);
      expect(failed.last_error).toContain('SQLSTATE P0001');
      // The API node's /metrics shows the whole queue: this job backing off.
      const queue = await t.host.runtime.metrics!.registry.getSingleMetricAsString('finmart_job_queue_jobs');
      expect(queue).toContain('finmart_job_queue_jobs{task="settle-due-orders",state="waiting"} 1');
      const droppedAt = Date.now();
      await dropTrigger();
      await gone(id);
      const [success] = done(id);
      expect(success).toMatchObject({ attempt: 2 });
      // The order is settled once: by this retry, or by the every-minute scheduled run if a minute turned
      // between the trigger's drop and the retry (a run of the schedule would then find nothing left).
      const settled = lines()
        .filter((l) => l.msg === 'job done' && l.job === 'settle-due-orders' && l.time >= droppedAt)
        .reduce((n, l) => n + l.result.settled, 0);
      expect(settled).toBe(1);
      const failures = lines().filter((l) => l.msg === 'job failed' && l.jobId === id);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ attempt: 1, final: false, err: { code: 'P0001' } });
      await expectSettled(order);
      // Neither the queue's table, the logs nor stderr kept what the error quoted, nor the statement.
      const everything = JSON.stringify([failed, lines(), nodes.map((n) => n.stderr())]);
      expect(everything).not.toContain('110101199003077777');
      expect(everything).not.toMatch(/update "orders"|params:/);
    } finally {
      await dropTrigger();
    }
  }, 30_000);

  it('(c) a node killed (SIGKILL) while it holds a job: the other node finishes the job', async () => {
    const order = await dueOrder();
    // The settlement will wait on this row lock: the job is held by whichever node takes it, mid-run.
    const holder = await sql.reserve();
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await holder`rollback`;
      holder.release();
    };
    try {
      await holder`begin`;
      await holder`select id from orders where id = ${order.id} for update`;
      const id = await enqueueSettle();
      const victim = await waitFor('a node to take the job', () => nodes.find((n) => n.lines.some((l) => l.msg === 'job started' && l.jobId === id)));
      const survivor = nodes.find((n) => n !== victim)!;
      const lockedBy = (await waitFor('the job to be locked', async () => (await jobRow(id))?.locked_by ?? undefined)) as string;
      victim.child.kill('SIGKILL');
      expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const killedAt = Date.now();
      // The victim's presence locks went with its session; the survivor's sweep releases the job, and it takes it.
      const retaken = await waitFor(
        'the survivor to take the job',
        async () => {
          const j = await jobRow(id);
          return j?.locked_by && j.locked_by !== lockedBy ? j : undefined;
        },
        40_000,
      );
      const recoveredMs = Date.now() - killedAt;
      expect(retaken.attempts).toBe(2);
      expect(survivor.lines.some((l) => l.msg === 'released the jobs of job workers that are gone')).toBe(true);
      await release();
      await gone(id);
      expect(done(id)).toHaveLength(1);
      expect(survivor.lines.filter((l) => l.msg === 'job done' && l.jobId === id)).toMatchObject([{ attempt: 2 }]);
      // Settled once, whichever got the row first (the killed node's statement was still waiting in the server).
      await expectSettled(order);
      console.info(`(c) job ${id} back in the queue and taken by the other node ${recoveredMs} ms after the kill`);
    } finally {
      await release();
    }
  }, 60_000);

  it('(d) an impact analysis asked through the API is run by a job node, once', async () => {
    const started = Date.now();
    const r = await t.gql(`mutation($i: PreviewRuleChangeInput!) { previewRuleChange(input: $i) { id status } }`, {
      i: { settings: [{ key: 'gold.accountGoldRequiredRiskLevel', value: 'C4' }] },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.previewRuleChange.status).toBe('RUNNING');
    const gid = r.data.previewRuleChange.id;
    const reportId = numericIdOf(gid)!;
    const report = await waitFor('the report to finish', async () => {
      const n = await t.gql(`query($id: ID!) { node(id: $id) { ... on ImpactReport { status progress { done total } totals { loses gains changes } } } }`, {
        id: gid,
      });
      return n.data.node.status === 'RUNNING' ? undefined : n.data.node;
    });
    expect(report).toMatchObject({ status: 'DONE', progress: { done: 30, total: 30 } });
    // Run by a job node (this process has no runner), as the job committed with the report.
    const runs = lines().filter((l) => l.msg === 'job done' && l.job === 'impact-analysis' && l.result.reportId === reportId);
    expect(runs).toMatchObject([{ result: { outcome: 'DONE' } }]);
    const entries = async () => Number((await sql`select count(*) from impact_report_entries where report_id = ${reportId}`)[0]!.count);
    const before = await entries();
    expect(before).toBe(report.totals.loses + report.totals.gains + report.totals.changes);
    // Delivered again (a node thought dead that was not): nothing changes.
    const again = await enqueueJob(t.host.runtime.database.db, impactAnalysisTask, { reportId });
    await gone(again);
    expect(done(again)).toMatchObject([{ result: { reportId, outcome: 'already DONE' } }]);
    expect(await entries()).toBe(before);
    console.info(`(d) impact analysis DONE through the queue in ${Date.now() - started} ms`);
  }, 60_000);

  it('(e) a maintenance job kept waiting for a lock on a live database gives up after JOB_LOCK_TIMEOUT_MS and is retried', async () => {
    const started = Date.now();
    // Someone holds the contacts' default partition (which partition maintenance reads) and does not let go.
    const holder = await sql.reserve();
    try {
      await holder`begin`;
      await holder`lock table contacts_default in access exclusive mode`;
      const id = await enqueueJob(t.host.runtime.database.db, partitionsAheadTask, {});
      const failed = await waitFor('the attempt to give up the lock', async () => {
        const j = await jobRow(id);
        return j && j.attempts === 1 && j.last_error && !j.locked_by ? j : undefined;
      });
      // lock_timeout: SQLSTATE 55P03, about a second after it started waiting — not the 4-hour lock expiry.
      expect(failed.last_error).toContain('SQLSTATE 55P03');
      expect(Date.now() - started).toBeLessThan(10_000);
      await holder`rollback`;
      await gone(id);
      expect(done(id)).toMatchObject([{ attempt: 2 }]);
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }
    console.info(`(e) lock given up and the job retried: done in ${Date.now() - started} ms`);
  }, 30_000);
});
