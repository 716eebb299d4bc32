import { EventEmitter } from 'node:events';
import pg from 'pg';
import { makeWorkerUtils, run, type ParsedCronItem, type Runner, type TaskList, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import type { HostRuntime } from '../app/runtime.js';
import { migrateQueue } from './migrate-queue.js';
import { deadWorkers, WorkerPresence } from './presence.js';
import { runTask, type JobTask } from './task.js';
import { workerLogger } from './worker-logger.js';

declare global {
  // graphile-config names its plugins in this interface.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileConfig {
    interface Plugins {
      FinmartWorkerPresence: true;
    }
  }
}

/** Options of {@link startQueueRunner}. */
export interface QueueRunnerOptions {
  /** A session-mode connection (LISTEN and advisory locks do not survive a transaction-mode pooler). */
  connectionString: string;
  /** Jobs run at once. */
  concurrency: number;
  connectTimeoutMs: number;
  /** How long `stop` lets running jobs finish before handing them back to the queue. */
  stopGraceMs: number;
  tasks: readonly JobTask<any>[];
  schedule: ParsedCronItem[];
  /** The sweep for dead workers' jobs runs at start and then every this long, plus up to half again (nodes spread out). */
  sweepEveryMs?: number;
}

/** A running queue runner. */
export interface QueueRunner {
  /** Runs the sweep for dead workers' jobs now; resolves with the workers whose jobs it released. */
  sweep(): Promise<string[]>;
  /** Stops taking jobs, lets running ones finish (up to the grace), hands the rest back to the queue; idempotent. */
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 5000;
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** One graphile-worker runner; replaced whole when it breaks. */
interface Run {
  runner: Runner;
  /** Being stopped by us: its workers' stopping is expected. */
  retiring: boolean;
}

/**
 * Runs the job queue in this process with graphile-worker: `concurrency` workers take jobs with
 * `FOR UPDATE SKIP LOCKED` (so each job runs on one node), woken by LISTEN/NOTIFY when one is added and
 * polling for retries that fall due; failures are retried with exponential backoff (graphile-worker:
 * exp(min(attempts, 10)) seconds) up to the task's attempts; the schedule is added once per slot however
 * many runners there are. What graphile-worker 0.16 lacks, it adds:
 * - **a killed node's jobs come back** within `sweepEveryMs` instead of after the 4-hour lock expiry: its
 *   workers' presence locks went with its session (`presence.ts`), and any node's sweep then releases their
 *   jobs with `forceUnlockWorkers`;
 * - **a worker that stopped on its own** (after failing to release a job) is replaced: graphile-worker
 *   0.16 does not respawn it, and a pool with none left stays idle (graphile/worker#592), so the runner is
 *   restarted;
 * - **stopping never hangs**: jobs still running after the grace are handed back to the queue for another
 *   node (their attempt counts).
 */
export async function startQueueRunner(runtime: HostRuntime, opts: QueueRunnerOptions): Promise<QueueRunner> {
  const log = runtime.log.child({ component: 'jobs' });
  const logger = workerLogger(log);
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    // One for LISTEN, one for the schedule and the sweep, the rest for taking and finishing jobs.
    max: opts.concurrency + 2,
    application_name: 'finmart-jobs',
    connectionTimeoutMillis: opts.connectTimeoutMs,
  });
  pool.on('error', (e) => log.warn({ err: e }, 'job queue connection failed'));
  const presence = new WorkerPresence(opts.connectionString, opts.connectTimeoutMs, log);
  let utils: WorkerUtils;
  try {
    await migrateQueue(pool, log);
    utils = await makeWorkerUtils({ pgPool: pool, logger });
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  const presencePlugin: GraphileConfig.Plugin = {
    name: 'FinmartWorkerPresence',
    version: '1.0.0',
    worker: {
      hooks: {
        // Before a worker's first job: its lock is held before it can lock a job.
        startWorker: (_ctx, { worker }) => presence.hold(worker.workerId),
        stopWorker: (_ctx, { worker }) => presence.release(worker.workerId),
      },
    },
  };
  const taskList: TaskList = Object.fromEntries(
    opts.tasks.map((task) => [
      task.name,
      async (payload: unknown, helpers) => {
        const { id, attempts, max_attempts } = helpers.job;
        await runTask(runtime, task, payload, { jobId: String(id), attempt: attempts, final: attempts >= max_attempts });
      },
    ]),
  );

  let stopping = false;
  let restarting: Promise<void> | null = null;
  const start = async (): Promise<Run> => {
    const events = new EventEmitter() as WorkerEvents;
    const runner = await run(
      { pgPool: pool, concurrency: opts.concurrency, noHandleSignals: true, logger, events, preset: { plugins: [presencePlugin] } },
      taskList,
      opts.schedule,
    );
    const current: Run = { runner, retiring: false };
    events.on('worker:stop', ({ error }) => {
      if (!current.retiring) restartSoon(error);
    });
    runner.promise.catch((e: unknown) => {
      if (!current.retiring) restartSoon(e);
    });
    return current;
  };
  let current: Run | undefined;
  current = await start().catch(async (e: unknown) => {
    await presence.close();
    await Promise.resolve(utils.release()).catch(() => {});
    await pool.end().catch(() => {});
    throw e;
  });

  /** Stops `r`; after `graceMs`, hands the jobs still running back to the queue (they go on here until the process ends). */
  async function retire(r: Run, graceMs: number): Promise<void> {
    r.retiring = true;
    const stopped = r.runner.stop().then(
      () => true,
      () => true,
    );
    if (await Promise.race([stopped, delay(graceMs).then(() => false)])) return;
    const ours = [...presence.workers()];
    log.warn({ workers: ours.length }, 'jobs still running at stop: handing them back to the queue');
    await utils.forceUnlockWorkers(ours).catch((e: unknown) => log.error({ err: e }, 'could not hand running jobs back; the sweep of another node will'));
  }

  function restartSoon(cause: unknown): void {
    const broken = current;
    if (stopping || restarting || !broken) return;
    log.error({ err: cause }, 'a job worker stopped on its own; restarting the job runner');
    restarting = (async () => {
      await retire(broken, opts.stopGraceMs);
      for (let attempt = 1; !stopping; attempt++) {
        await delay(RESTART_DELAY_MS);
        if (stopping) break;
        try {
          current = await start();
          log.info('job runner restarted');
          break;
        } catch (e) {
          log.error({ err: e, attempt }, 'job runner restart failed; trying again');
        }
      }
    })().finally(() => (restarting = null));
  }

  async function sweep(): Promise<string[]> {
    const dead = await deadWorkers(pool);
    if (dead.length > 0) {
      await utils.forceUnlockWorkers(dead);
      log.warn({ workers: dead.length }, 'released the jobs of job workers that are gone');
    }
    return dead;
  }
  const every = opts.sweepEveryMs ?? 10_000;
  let sweepTimer: NodeJS.Timeout | undefined;
  const sweepLater = () => {
    sweepTimer = setTimeout(
      () =>
        void sweep()
          .catch((e: unknown) => log.warn({ err: e }, 'job sweep failed'))
          .finally(() => !stopping && sweepLater()),
      every * (1 + Math.random() / 2),
    );
    sweepTimer.unref();
  };
  await sweep().catch((e: unknown) => log.warn({ err: e }, 'job sweep failed'));
  sweepLater();
  log.info({ concurrency: opts.concurrency, tasks: opts.tasks.map((t) => t.name) }, 'job runner started');

  let stopped: Promise<void> | undefined;
  return {
    sweep,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearTimeout(sweepTimer);
        await restarting;
        if (current) await retire(current, opts.stopGraceMs);
        await Promise.resolve(utils.release()).catch(() => {});
        // Our locks go with the session: jobs left locked by our workers are now any node's to release.
        await presence.close();
        await Promise.race([pool.end().catch(() => {}), delay(2000)]);
        log.info('job runner stopped');
      })();
      return stopped;
    },
  };
}
