import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { resultRows } from '../db/result-rows.js';
import { JOB_SCHEMA } from './queue.js';

/**
 * The jobs that gave up — every attempt failed — and what an operator does with them: retry them once the cause
 * is fixed (a day close that could not run, a partition job that kept losing its lock), or drop them once handled
 * some other way. graphile-worker keeps such a job in its table for ever and never runs it again; the queue gauge
 * counts them (`finmart_job_queue_jobs{state="failed"}`) for an alert, and `npm run jobs` (src/cli/jobs.ts) acts.
 *
 * Through graphile-worker's own SQL API (`reschedule_jobs`, `complete_jobs`), which leave a job a worker holds
 * alone. Only a failed job is touched: a job still retrying or running is the queue's business, not an operator's.
 */

/** A job that gave up, as `npm run jobs -- failed` lists it. */
export interface FailedJob {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  /** Class and SQLSTATE of the last failure only: a failure's message may quote data and is never kept (job-failure.ts). */
  lastError: string | null;
  /** When the job was added and when it last failed. */
  createdAt: Date;
  failedAt: Date;
}

/** What a retry or a drop did: the jobs it changed, and the ids asked for that name no failed job. */
export interface FailedJobsOutcome {
  changed: string[];
  notFailed: string[];
}

/** Which jobs: these ids, or every failed job. */
export type FailedJobsSelection = { ids: readonly string[] } | 'all';

/** The condition of a failed job: not held by a worker, and no attempt left. */
const FAILED = sql`locked_at is null and attempts >= max_attempts`;

/** Tells whether this database has the job queue's schema (graphile-worker migrates it when a node first runs or adds jobs). */
export async function hasJobQueue(db: Db): Promise<boolean> {
  const rows = resultRows<{ present: boolean }>(await db.execute(sql`select to_regclass(${`${JOB_SCHEMA}.jobs`}) is not null as present`));
  return rows[0]!.present;
}

/** The failed jobs, oldest failure first. */
export async function listFailedJobs(db: Db): Promise<FailedJob[]> {
  const rows = resultRows<{
    id: string | number;
    task: string;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    created_at: string | Date;
    updated_at: string | Date;
  }>(
    await db.execute(sql`select id, task_identifier as task, attempts, max_attempts, last_error, created_at, updated_at
      from ${sql.identifier(JOB_SCHEMA)}.jobs where ${FAILED} order by updated_at, id`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    task: r.task,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    lastError: r.last_error,
    createdAt: new Date(r.created_at),
    failedAt: new Date(r.updated_at),
  }));
}

/** Job ids are bigints: anything else is refused before a statement runs. */
const JOB_ID = /^[1-9]\d{0,18}$/;

/**
 * The statement's selection of failed jobs (an id list, or all), as a subquery: the change and the check that a job
 * is failed are one statement, so a job is never changed on a view of it that another operator's change made stale.
 */
function selected(which: FailedJobsSelection) {
  const jobs = sql`${sql.identifier(JOB_SCHEMA)}.jobs`;
  if (which === 'all') return sql`array(select id from ${jobs} where ${FAILED})`;
  const bad = which.ids.find((id) => !JOB_ID.test(id));
  if (bad !== undefined) throw new RangeError(`not a job id: ${JSON.stringify(bad)}`);
  return sql`array(select id from ${jobs} where id = any(${`{${which.ids.join(',')}}`}::bigint[]) and ${FAILED})`;
}

/** The outcome of a change that returned `rows`: what changed, and the ids asked for that it did not change. */
function outcome(which: FailedJobsSelection, rows: { id: string | number }[]): FailedJobsOutcome {
  const changed = rows.map((r) => String(r.id));
  const asked = which === 'all' ? [] : [...new Set(which.ids)];
  return { changed, notFailed: asked.filter((id) => !changed.includes(id)) };
}

/**
 * Gives failed jobs their attempts back and makes them due now: a runner takes them at its next poll (seconds),
 * with the task's full number of attempts and its backoff, as a new job would.
 */
export async function retryFailedJobs(db: Db, which: FailedJobsSelection): Promise<FailedJobsOutcome> {
  const rows = resultRows<{ id: string | number }>(
    await db.execute(sql`select id from ${sql.identifier(JOB_SCHEMA)}.reschedule_jobs(${selected(which)}, run_at => now(), attempts => 0)`),
  );
  return outcome(which, rows);
}

/** Removes failed jobs from the queue for good (their failures stay in the nodes' logs). */
export async function dropFailedJobs(db: Db, which: FailedJobsSelection): Promise<FailedJobsOutcome> {
  const rows = resultRows<{ id: string | number }>(await db.execute(sql`select id from ${sql.identifier(JOB_SCHEMA)}.complete_jobs(${selected(which)})`));
  return outcome(which, rows);
}
