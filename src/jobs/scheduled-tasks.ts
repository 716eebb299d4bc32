import { z } from 'zod';
import { beijingDay } from '../domain/common/beijing-time.js';
import { ensurePartitionsAhead } from '../db/partitions.js';
import { closeDay, dayBefore } from '../domain/kpis/day-close.js';
import { settleDueOrders } from '../orders/settle.js';
import { expireDuePoints } from '../points/expire.js';
import type { JobTask } from './task.js';

/** What graphile-worker adds to the payload of a job its schedule made: the minute it was due (ISO). */
const cronPayload = z.object({ _cron: z.object({ ts: z.string() }).optional() }).loose();

/**
 * Settles the cooling-off orders whose period has ended (`settleDueOrders`). Idempotent by construction: the
 * statement settles only rows still PENDING, under their row lock, so a second run — or a request settling
 * lazily at the same moment — finds nothing left.
 */
export const settleDueOrdersTask: JobTask<z.infer<typeof cronPayload>> = {
  name: 'settle-due-orders',
  // It runs every minute anyway; a failing run is retried briefly, then the next minute's run takes over.
  maxAttempts: 3,
  payload: cronPayload,
  async run(runtime) {
    return { settled: await settleDueOrders(runtime, new Date()) };
  },
  quiet: (f) => f.settled === 0,
};

/**
 * Books the lapse of points past their day (`expireDuePoints`, as `npm run expire-points`). Idempotent: a second
 * run finds no points left to lapse. Batches may take longer than a request's statement timeout: it runs unbounded.
 */
export const expirePointsTask: JobTask<z.infer<typeof cronPayload>> = {
  name: 'expire-points',
  maxAttempts: 8,
  payload: cronPayload,
  async run(runtime) {
    const run = await runtime.database.unbounded((db) => expireDuePoints(db, new Date()), { lockTimeoutMs: runtime.config.JOB_LOCK_TIMEOUT_MS });
    return { customers: run.customers, points: run.points };
  },
};

const dayClosePayload = cronPayload.extend({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/**
 * The end-of-day close (日终, `closeDay`, as `npm run close-day`) of the Beijing day that ended before the job
 * was due — a T+1 batch after midnight. The day comes from the schedule's timestamp, not from the clock at the
 * attempt, so a retry closes the same day. Idempotent: re-running a day replaces its rows. One statement over
 * the whole book: it runs unbounded.
 */
export const closeDayTask: JobTask<z.infer<typeof dayClosePayload>> = {
  name: 'close-day',
  maxAttempts: 8,
  payload: dayClosePayload,
  async run(runtime, payload) {
    const now = new Date();
    const day = payload.day ?? dayBefore(beijingDay(payload._cron ? new Date(payload._cron.ts) : now));
    const rows = await runtime.database.unbounded((db) => closeDay({ ...runtime, database: { ...runtime.database, db } }, now, day), {
      lockTimeoutMs: runtime.config.JOB_LOCK_TIMEOUT_MS,
    });
    return { day, customers: rows };
  },
};

/**
 * Partition maintenance: this month's and the next three months' partitions of the history tables
 * (`ensurePartitionsAhead`, as at boot), so that no month's rows land in a default partition. Idempotent:
 * months that exist are left alone. Detaching old months for archive is an operator's decision
 * (`npm run partitions -- --detach-before YYYY-MM`), not a schedule's.
 */
export const partitionsAheadTask: JobTask<z.infer<typeof cronPayload>> = {
  name: 'partitions-ahead',
  maxAttempts: 8,
  payload: cronPayload,
  async run(runtime) {
    // DDL may wait for locks longer than a request's statement timeout: it runs unbounded.
    return { made: await runtime.database.unbounded((db) => ensurePartitionsAhead(db, new Date()), { lockTimeoutMs: runtime.config.JOB_LOCK_TIMEOUT_MS }) };
  },
  quiet: (f) => f.made === 0,
};
