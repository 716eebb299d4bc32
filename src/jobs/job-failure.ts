import { errorSummary, LoggableError } from '../error-summary.js';

/**
 * What the queue is told when a task fails. graphile-worker writes the message of the error a task throws
 * to `graphile_worker._private_jobs.last_error` and to its log line, and a failing statement's error
 * carries the data (drizzle's "Failed query: … params: …", the driver's detail). So a task never lets
 * its own error through: it throws this instead, built from {@link errorSummary} — the error's class,
 * SQLSTATE, constraint and the frames of where it was thrown, never a message that could quote data —
 * and without a `cause` that something printing the error could follow back to the original.
 */
export class JobFailure extends LoggableError {
  constructor(error: unknown) {
    const s = errorSummary(error);
    super(
      [
        s.name,
        s.causes?.length ? `(caused by ${s.causes.join(' < ')})` : undefined,
        s.code && `SQLSTATE ${s.code}`,
        s.constraint && `constraint ${s.constraint}`,
        s.message,
      ]
        .filter(Boolean)
        .join(' '),
    );
    this.name = 'JobFailure';
    // Where the original was thrown, not where it was wrapped (the frames carry no data).
    if (s.stack) this.stack = `${this.name}: ${this.message}\n    ${s.stack.join('\n    ')}`;
  }
}
