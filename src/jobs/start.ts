import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { HostRuntime } from '../app/runtime.js';
import type { Config } from '../config/config.js';
import { impactReports } from '../db/schema/index.js';
import { resultRows } from '../db/result-rows.js';
import { LoggableError } from '../error-summary.js';
import { IMPACT_JOB_KEY_PREFIX, impactAnalysisTask, impactJobKey, runImpactInProcess } from './impact-analysis.js';
import { startLocalSchedule } from './local-schedule.js';
import { migrateQueue } from './migrate-queue.js';
import { exportQueueGauge } from './queue-metrics.js';
import { JOB_SCHEMA, jobQueue } from './queue.js';
import { startQueueRunner } from './runner.js';
import { parsedSchedule } from './schedule.js';
import { JOB_TASKS } from './tasks.js';

/** What a node does with background jobs (`JOBS`). */
export type JobsMode = Config['JOBS'];

/** This node's part in background jobs, started by {@link startJobs}. */
export interface Jobs {
  /** What runs here: the queue's runner, the queue for adding only, the in-process schedule (PGlite), or nothing. */
  readonly kind: 'queue-runner' | 'queue-enqueue' | 'local-schedule' | 'off';
  /** Stops running jobs (running ones get SHUTDOWN_GRACE_MS less 5 s, at least 0.5 s, then go back to the queue); idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts this node's part in background jobs, by `JOBS` (or `mode`) and the database:
 * - PostgreSQL, `run`: migrates the queue, starts the runner (tasks and schedule) and sets `runtime.jobs`,
 *   so that requests add their jobs (impact runs) to the queue;
 * - PostgreSQL, `enqueue`: migrates the queue and sets `runtime.jobs`; `npm run worker` nodes run the jobs;
 * - PGlite, `run`: the schedule in-process, and any impact report a previous run of this process left
 *   RUNNING is run again (nothing else can have been running it);
 * - `off`: nothing (impact runs run in the requesting process; the scheduled commands are run from outside).
 * Call it once the database is ready (after seeding), before serving.
 */
export async function startJobs(runtime: HostRuntime, mode: JobsMode = runtime.config.JOBS): Promise<Jobs> {
  const { config, database } = runtime;
  if (mode === 'off') return { kind: 'off', stop: async () => {} };
  if (database.driver === 'pglite') {
    if (mode === 'enqueue') throw new LoggableError('JOBS=enqueue needs PostgreSQL (DATABASE_URL): no other process can run the jobs of an embedded database');
    const schedule = startLocalSchedule(runtime);
    await resumeReportsInProcess(runtime);
    return { kind: 'local-schedule', stop: () => schedule.stop() };
  }
  // LISTEN and session advisory locks need a session of their own: never a transaction-mode pooler.
  if (config.DATABASE_POOLER === 'pgbouncer' && !config.DATABASE_DIRECT_URL)
    throw new LoggableError(
      `JOBS=${mode} behind PgBouncer needs DATABASE_DIRECT_URL: the job queue holds LISTEN and session locks, which a transaction-mode pooler cannot carry (or set JOBS=off)`,
    );
  const connectionString = config.DATABASE_DIRECT_URL ?? config.DATABASE_URL!;
  if (mode === 'enqueue') {
    const pool = new pg.Pool({ connectionString, max: 2, application_name: 'finmart-jobs', connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS });
    try {
      await migrateQueue(pool, runtime.log);
    } finally {
      await pool.end();
    }
    runtime.jobs = jobQueue;
    await adoptOrphanedReports(runtime);
    const unexport = exportQueueGauge(runtime);
    return {
      kind: 'queue-enqueue',
      async stop() {
        unexport();
        delete runtime.jobs;
      },
    };
  }
  const runner = await startQueueRunner(runtime, {
    connectionString,
    concurrency: config.JOB_CONCURRENCY,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    // Handing back early enough that closing the database — postgres.js waits up to 5 s for a statement still
    // running — fits in the SHUTDOWN_GRACE_MS + 5 s a stopping process has before it is forced out (main.ts).
    stopGraceMs: Math.max(500, config.SHUTDOWN_GRACE_MS - 5000),
    tasks: JOB_TASKS,
    schedule: parsedSchedule(),
  });
  runtime.jobs = jobQueue;
  await adoptOrphanedReports(runtime);
  const unexport = exportQueueGauge(runtime);
  return {
    kind: 'queue-runner',
    async stop() {
      unexport();
      delete runtime.jobs;
      await runner.stop();
    },
  };
}

/**
 * Queues a run for every RUNNING report without a job: reports of in-process runs a stopped node took with
 * it (before the queue, or with `JOBS=off`). A report with a job (queued, running or given up) is left to
 * it: the job key is the report's, and a key already present adds nothing (`unsafe_dedupe`).
 */
async function adoptOrphanedReports(runtime: HostRuntime): Promise<void> {
  const db = runtime.database.db;
  const orphans = resultRows<{ id: number }>(
    await db.execute(sql`select r.id from ${impactReports} r where r.status = 'RUNNING'
      and not exists (select 1 from ${sql.identifier(JOB_SCHEMA)}.jobs j where j.key = ${IMPACT_JOB_KEY_PREFIX} || r.id)`),
  );
  for (const { id } of orphans) {
    await db.execute(sql`select ${sql.identifier(JOB_SCHEMA)}.add_job(${impactAnalysisTask.name}::text, ${JSON.stringify({ reportId: Number(id) })}::json,
      max_attempts => ${impactAnalysisTask.maxAttempts}::int, job_key => ${impactJobKey(Number(id))}::text, job_key_mode => 'unsafe_dedupe')`);
  }
  if (orphans.length > 0) runtime.log.warn({ reports: orphans.length }, 'queued the impact reports left RUNNING without a job');
}

/** PGlite: reports left RUNNING when this process last stopped are run again (there is only ever this process). */
async function resumeReportsInProcess(runtime: HostRuntime): Promise<void> {
  const left = await runtime.database.db.select({ id: impactReports.id }).from(impactReports).where(eq(impactReports.status, 'RUNNING'));
  for (const { id } of left) runImpactInProcess(runtime, id, `resume-${id}`);
  if (left.length > 0) runtime.log.info({ reports: left.length }, 'running again the impact reports the last stop interrupted');
}
