import { Logger as WorkerLogger } from 'graphile-worker';
import type { Logger } from '../logger.js';

/**
 * graphile-worker's log lines, into ours. Its messages name jobs, workers and its own SQL's failures; a
 * task's error reaches it only as a `JobFailure` (no data). Its metadata is dropped but for the error, which
 * our logger reduces to its summary: the metadata holds whole jobs (payloads) and pg clients. Its `info`
 * lines ("Completed task …", one per job) go to debug: our own `job done` line says what a job did.
 */
export function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields: Record<string, unknown> = { source: 'graphile-worker' };
    if (scope.workerId) fields.worker = scope.workerId;
    if (scope.taskIdentifier) fields.job = scope.taskIdentifier;
    if (scope.jobId) fields.jobId = scope.jobId;
    const err = meta?.error ?? meta?.fatalError;
    if (err !== undefined) fields.err = err;
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else log.debug(fields, message);
  });
}
