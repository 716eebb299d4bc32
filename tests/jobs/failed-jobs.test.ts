import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../../src/db/result-rows.js';
import { dropFailedJobs, listFailedJobs, retryFailedJobs } from '../../src/jobs/failed-jobs.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { closeDayTask, partitionsAheadTask, settleDueOrdersTask } from '../../src/jobs/scheduled-tasks.js';
import { startJobs } from '../../src/jobs/start.js';
import { ROOT } from '../posture/spawned-server.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const run = promisify(execFile);

/**
 * A job that gave up stays in graphile-worker's table and never runs again: the operator lists it, retries it once
 * the cause is fixed, or drops it (`npm run jobs`). Only failed jobs are touched — a job still retrying is left to
 * the queue. PostgreSQL only: the embedded database has no queue.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('failed jobs: list, retry, drop (npm run jobs)', () => {
  let t: TestHost;
  const db = () => t.host.runtime.database.db;
  const job = async (id: string) =>
    resultRows<{ attempts: number; max_attempts: number; due: boolean; last_error: string | null }>(
      await db().execute(sql`select attempts, max_attempts, run_at <= now() as due, last_error from graphile_worker.jobs where id = ${id}`),
    )[0];
  /** A job as it is after its last attempt failed: graphile-worker's own `permanently_fail_jobs`, as a runner leaves it. */
  const failedJob = async (task: typeof closeDayTask | typeof partitionsAheadTask) => {
    const id = await enqueueJob(db(), task, {}, { runAt: new Date(Date.now() + 3_600_000) });
    await db().execute(sql`select graphile_worker.permanently_fail_jobs(array[${id}::bigint], 'DrizzleQueryError SQLSTATE 55P03')`);
    return id;
  };
  const cli = async (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.config.DATABASE_URL!, DATABASE_POOLER: t.config.DATABASE_POOLER };
    if (t.config.DATABASE_DIRECT_URL) env.DATABASE_DIRECT_URL = t.config.DATABASE_DIRECT_URL;
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/jobs.ts', ...args], { cwd: ROOT, env });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  beforeAll(async () => {
    t = await createTestHost({ driver: 'postgres', customers: 5 });
    // Migrates the queue's schema; no runner here, so nothing below is taken while the test looks at it.
    await (await startJobs(t.host.runtime, 'enqueue')).stop();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists only the failed jobs; retry gives one its attempts back and makes it due; drop removes one; others are left alone', async () => {
    const close = await failedJob(closeDayTask);
    const parts = await failedJob(partitionsAheadTask);
    // Still retrying (attempts left): not the operator's.
    const retrying = await enqueueJob(db(), settleDueOrdersTask, {}, { runAt: new Date(Date.now() + 3_600_000) });
    await db().execute(sql`update graphile_worker._private_jobs set attempts = 1, last_error = 'JobFailure' where id = ${retrying}`);

    const failed = await listFailedJobs(db());
    expect(failed.map((j) => [j.id, j.task, j.attempts, j.maxAttempts, j.lastError])).toEqual([
      [close, 'close-day', 8, 8, 'DrizzleQueryError SQLSTATE 55P03'],
      [parts, 'partitions-ahead', 8, 8, 'DrizzleQueryError SQLSTATE 55P03'],
    ]);

    expect(await retryFailedJobs(db(), { ids: [close, retrying, '999999999'] })).toEqual({ changed: [close], notFailed: [retrying, '999999999'] });
    expect(await job(close)).toMatchObject({ attempts: 0, max_attempts: 8, due: true });
    expect(await job(retrying)).toMatchObject({ attempts: 1, due: false });

    expect(await dropFailedJobs(db(), { ids: [retrying, parts] })).toEqual({ changed: [parts], notFailed: [retrying] });
    expect(await job(parts)).toBeUndefined();
    expect(await job(retrying)).toBeDefined();
    expect(await listFailedJobs(db())).toEqual([]);
    await expect(retryFailedJobs(db(), { ids: ['1,2'] })).rejects.toThrow(RangeError);
    // Leave the queue empty for the next test.
    await db().execute(sql`delete from graphile_worker._private_jobs`);
  });

  it('npm run jobs: failed, retry --all, drop; a wrong id exits 1 and a bad argument 2, before touching the queue', async () => {
    const a = await failedJob(closeDayTask);
    const b = await failedJob(partitionsAheadTask);
    const listed = await cli('failed');
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.split('\t').slice(0, 3)).toEqual([a, 'close-day', '8/8 attempts']);
    expect(rows[0]).toContain('DrizzleQueryError SQLSTATE 55P03');

    expect(await cli('drop', b, '424242')).toMatchObject({ code: 1, stdout: `dropped: ${b}\n`, stderr: 'not failed jobs (left alone): 424242\n' });
    expect(await cli('retry', '--all')).toMatchObject({ code: 0, stdout: `retried: ${a}\n` });
    expect(await job(a)).toMatchObject({ attempts: 0, due: true });
    expect(await cli('failed')).toMatchObject({ code: 0, stdout: 'no failed jobs\n' });

    const bad = await cli('retry', 'x; drop table customers');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('retry needs job ids (digits) or --all');
  }, 60_000);
});
