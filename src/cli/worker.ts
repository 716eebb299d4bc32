import 'reflect-metadata';
import { createHost, type Host } from '../app/host.js';
import { startJobs, type Jobs } from '../jobs/start.js';
import { serveWorkerProbes } from '../jobs/worker-http.js';
import { createLogger } from '../logger.js';
import { loadConfigOrExit, stopOnSignal } from '../process/stop-on-signal.js';

/**
 * `npm run worker`: a dedicated job node. It runs the job queue (cooling-off settlement, the day close,
 * points expiry, impact runs) and the schedule, and serves nothing. Start as many as the work needs, beside
 * API nodes started with `JOBS=enqueue` (or with the default `JOBS=run`, which run jobs too). PostgreSQL
 * only: an embedded database runs its jobs inside `npm start`. SIGTERM/SIGINT: running jobs get
 * SHUTDOWN_GRACE_MS less 5 s to finish, then go back to the queue for another node; exit 0. With WORKER_PORT it
 * serves /metrics, /healthz and /readyz there (src/jobs/worker-http.ts).
 */
const log = createLogger(process.env.LOG_LEVEL);

// Registered before the start (migrations, the queue's schema): a signal while booting stops the worker once it is up.
const signals = stopOnSignal(log, { stopping: 'job worker stopping: letting running jobs finish', stopped: 'job worker stopped' });

async function main() {
  const config = loadConfigOrExit(log);
  if (!config.DATABASE_URL) {
    log.fatal('npm run worker needs PostgreSQL (DATABASE_URL): with the embedded database, npm start runs the jobs itself');
    process.exit(78);
  }
  const host: Host = await createHost({ config, logger: log });
  let jobs: Jobs;
  try {
    jobs = await startJobs(host.runtime, 'run');
  } catch (e) {
    await host.close().catch(() => {});
    throw e;
  }
  let stopping = false;
  const probes =
    config.WORKER_PORT === undefined
      ? undefined
      : await serveWorkerProbes(host.runtime, { running: () => !stopping }, config.WORKER_PORT, config.HOST).catch(async (e: unknown) => {
          await jobs.stop().catch(() => {});
          await host.close().catch(() => {});
          throw e;
        });
  log.info({ concurrency: config.JOB_CONCURRENCY, ...(config.WORKER_PORT === undefined ? {} : { port: config.WORKER_PORT }) }, 'job worker running');
  // Running jobs get SHUTDOWN_GRACE_MS less 5 s (the queue's own stop), then go back to the queue. The probes keep
  // answering meanwhile (/readyz: 503) and close last, so a scrape sees the drain's final counts.
  signals.started(async () => {
    stopping = true;
    await jobs.stop();
    await host.close();
    if (probes) {
      probes.closeAllConnections();
      await new Promise<void>((r) => probes.close(() => r()));
    }
  }, config.SHUTDOWN_GRACE_MS);
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, 'job worker failed to start');
  process.exit(1);
});
