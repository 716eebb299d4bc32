import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { resultRows } from '../db/result-rows.js';
import type { JobTask } from './task.js';

/** The schema graphile-worker keeps its queue in (its default), migrated by the queue itself, never by drizzle. */
export const JOB_SCHEMA = 'graphile_worker';

/** How a job is queued. */
export interface JobSpec {
  /** One job per key: adding a key whose job has not started replaces it; graphile-worker `job_key`. */
  jobKey?: string;
  /** Not before this instant (default: now). */
  runAt?: Date;
}

/** The job queue, on a node whose database holds one (PostgreSQL with JOBS=run or enqueue). */
export interface JobQueue {
  /**
   * Adds a job through `db` — pass the transaction of the business write that calls for it: the job exists
   * exactly when that write commits (PostgreSQL notifies the runners on commit), never for a rolled-back one.
   * Returns the job id.
   */
  enqueue<P>(db: Db | Tx, task: JobTask<P>, payload: P, spec?: JobSpec): Promise<string>;
}

/**
 * Adds a job with graphile-worker's own SQL API (`graphile_worker.add_job`), on our connection and in the
 * caller's transaction; its attempts are the task's.
 */
export async function enqueueJob<P>(db: Db | Tx, task: JobTask<P>, payload: P, spec: JobSpec = {}): Promise<string> {
  const rows = resultRows<{ id: string | number }>(
    await db.execute(sql`select id from ${sql.identifier(JOB_SCHEMA)}.add_job(
      identifier => ${task.name}::text,
      payload => ${JSON.stringify(payload)}::json,
      max_attempts => ${task.maxAttempts}::int,
      job_key => ${spec.jobKey ?? null}::text,
      run_at => ${spec.runAt?.toISOString() ?? null}::timestamptz)`),
  );
  return String(rows[0]!.id);
}

/** The {@link JobQueue} of a node whose queue schema is migrated. */
export const jobQueue: JobQueue = { enqueue: enqueueJob };
