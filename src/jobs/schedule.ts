import { parseCronItems, type CronItem, type ParsedCronItem } from 'graphile-worker';
import { closeDayTask, expirePointsTask, partitionsAheadTask, settleDueOrdersTask } from './scheduled-tasks.js';
import type { JobTask } from './task.js';

const HOUR_MS = 3_600_000;

/** A scheduled task: when (a cron pattern in UTC, as graphile-worker reads it), and how far back a missed run is made up. */
interface Scheduled {
  task: JobTask<any>;
  /** Minute hour day-of-month month day-of-week, UTC. Beijing is UTC+8 all year (no daylight saving). */
  utc: string;
  /** A run missed while no job node was up is still made up within this long (0: never). */
  backfillMs: number;
  /** One queued job at a time: a run not yet started is replaced by the next rather than piling up behind it. */
  jobKey?: string;
}

/** The bank's schedule. */
export const SCHEDULE: readonly Scheduled[] = [
  // Every minute: cooling-off periods end at any time. Requests settle lazily too; this settles an idle book.
  { task: settleDueOrdersTask, utc: '* * * * *', backfillMs: 0, jobKey: settleDueOrdersTask.name },
  // 00:30 Beijing: the close of the day that just ended (T+1 batch; a retry or a catch-up closes the same day).
  { task: closeDayTask, utc: '30 16 * * *', backfillMs: 12 * HOUR_MS },
  // 01:00 Beijing, after the close: points past their day lapse.
  { task: expirePointsTask, utc: '0 17 * * *', backfillMs: 12 * HOUR_MS },
  // 02:00 Beijing: next months' partitions of the history tables, three months ahead (a missed day is harmless).
  { task: partitionsAheadTask, utc: '0 18 * * *', backfillMs: 24 * HOUR_MS },
];

/**
 * The schedule as graphile-worker cron items. With several runners on one database each item still fires
 * once a minute-slot: the runners record each slot in `graphile_worker._private_known_crontabs`, and only
 * the one whose update advances `last_execution` adds the job.
 */
export function parsedSchedule(): ParsedCronItem[] {
  return parseCronItems(
    SCHEDULE.map((s): CronItem => ({
      task: s.task.name,
      match: s.utc,
      identifier: s.task.name,
      options: { backfillPeriod: s.backfillMs, maxAttempts: s.task.maxAttempts, ...(s.jobKey ? { jobKey: s.jobKey } : {}) },
    })),
  );
}
