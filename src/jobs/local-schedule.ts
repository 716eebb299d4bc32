import type { HostRuntime } from '../app/runtime.js';
import { parsedSchedule, SCHEDULE } from './schedule.js';
import { runTask } from './task.js';

/** A running in-process schedule. */
export interface LocalSchedule {
  /** Stops the clock and waits for the tasks of the current minute; idempotent. */
  stop(): Promise<void>;
}

/**
 * The schedule of `schedule.ts`, run by this process alone: for PGlite, which no other process can open, so
 * there is nobody to share the work with and no queue to keep it in. At the start of each minute the items
 * due then run one after another, with the very task functions the queue runs. A failure is logged and
 * waits for the item's next slot (the next minute for settlement; a daily task's run may be repeated by
 * `npm run close-day` / `npm run expire-points`); slots missed while the process was down are not made up.
 */
export function startLocalSchedule(runtime: HostRuntime): LocalSchedule {
  const items = parsedSchedule();
  const tasks = new Map(SCHEDULE.map((s) => [s.task.name, s.task]));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // Minutes run in order: a slow minute delays the next instead of overlapping it.
  let running = Promise.resolve();
  const runMinute = async (at: Date) => {
    const digest = { min: at.getUTCMinutes(), hour: at.getUTCHours(), date: at.getUTCDate(), month: at.getUTCMonth() + 1, dow: at.getUTCDay() };
    for (const item of items) {
      if (stopped || !item.match(digest)) continue;
      // runTask logs the outcome, failures included.
      await runTask(
        runtime,
        tasks.get(item.task)!,
        { ...item.payload, _cron: { ts: at.toISOString() } },
        { jobId: `local:${item.task}`, attempt: 1, final: true },
      ).catch(() => {});
    }
  };
  const next = () => {
    if (stopped) return;
    const now = Date.now();
    const minute = new Date(now - (now % 60_000) + 60_000);
    timer = setTimeout(() => {
      running = running.then(() => runMinute(minute));
      next();
    }, minute.getTime() - now);
    // The schedule never keeps a process alive by itself (tests, a server that stopped listening).
    timer.unref();
  };
  next();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
