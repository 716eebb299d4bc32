import type { z } from 'zod';
import type { HostRuntime } from '../app/runtime.js';
import { JobFailure } from './job-failure.js';

/** What a task did, as figures for its log line: counts, ids, days — never personal data. */
export type JobFigures = Record<string, number | string | boolean>;

/** One attempt at a job. */
export interface JobAttempt {
  /** The queue's job id (`local:<task>` for the in-process schedule, `in-process` for a run started by a request). */
  jobId: string;
  /** 1 for the first attempt; a job taken again after its node died counts that node's attempt too. */
  attempt: number;
  /** Nothing retries this job if this attempt fails: a task with state to close (an impact report) closes it. */
  final: boolean;
}

/**
 * A background task. Every task is idempotent — run twice (a node thought dead that was not, a retry after
 * a failure that came after the commit), it changes nothing the first run did not.
 */
export interface JobTask<P = unknown> {
  /** The graphile-worker task identifier. */
  name: string;
  /** Attempts before the queue gives up on a job (graphile-worker `max_attempts`; retries back off exponentially). */
  maxAttempts: number;
  /** The payload, checked before the task runs (a job's payload is whatever JSON was queued). */
  payload: z.ZodType<P>;
  run(runtime: HostRuntime, payload: P, attempt: JobAttempt): Promise<JobFigures>;
  /** Logged at debug instead of info: a periodic run that found nothing to do. */
  quiet?(figures: JobFigures): boolean;
}

/**
 * Runs one attempt of a task, as the queue and the in-process schedule both do: checks the payload, logs the
 * outcome with the job's id and attempt (figures only), and on failure throws a {@link JobFailure}, which
 * carries nothing of the data the original error may quote.
 */
export async function runTask<P>(runtime: HostRuntime, task: JobTask<P>, payload: unknown, attempt: JobAttempt): Promise<JobFigures> {
  const log = runtime.log.child({ job: task.name, jobId: attempt.jobId, attempt: attempt.attempt });
  const started = performance.now();
  log.debug('job started');
  try {
    const result = await task.run(runtime, task.payload.parse(payload), attempt);
    const ms = Math.round(performance.now() - started);
    runtime.metrics?.jobAttempt(task.name, 'done', ms / 1000);
    if (task.quiet?.(result)) log.debug({ result, ms }, 'job done');
    else log.info({ result, ms }, 'job done');
    return result;
  } catch (e) {
    // `err` goes through errorSummary (logger.ts): class, SQLSTATE, frames — no message that may quote data.
    // `final`: no retry follows (the queue gave up, or there is no queue).
    const ms = Math.round(performance.now() - started);
    runtime.metrics?.jobAttempt(task.name, attempt.final ? 'gave_up' : 'failed', ms / 1000);
    log.warn({ err: e, ms, final: attempt.final }, 'job failed');
    throw new JobFailure(e);
  }
}
