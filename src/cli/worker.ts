import 'reflect-metadata';
import { createHost, type Host } from '../app/host.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { startJobs, type Jobs } from '../jobs/start.js';
import { createLogger } from '../logger.js';

/**
 * `npm run worker`: a dedicated job node. It runs the job queue (cooling-off settlement, the day close,
 * points expiry, impact runs) and the schedule, and serves nothing. Start as many as the work needs, beside
 * API nodes started with `JOBS=enqueue` (or with the default `JOBS=run`, which run jobs too). PostgreSQL
 * only: an embedded database runs its jobs inside `npm start`. SIGTERM/SIGINT: running jobs get
 * SHUTDOWN_GRACE_MS less 5 s to finish, then go back to the queue for another node; exit 0.
 */
const log = createLogger(process.env.LOG_LEVEL);

let stop: ((signal: string) => void) | undefined;
let pending: string | undefined;
// Registered before the start so that a signal while booting stops the worker once it is up.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stop) stop(signal);
    else if (!pending) pending = signal;
    else process.exit(1);
  });
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      log.fatal({ problems: e.problems }, e.message);
      process.exit(78);
    }
    throw e;
  }
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
  log.info({ concurrency: config.JOB_CONCURRENCY }, 'job worker running');
  let stopping = false;
  stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'job worker stopping: letting running jobs finish');
    const force = setTimeout(() => {
      log.error('job worker stop took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 5000);
    force.unref();
    jobs
      .stop()
      .then(() => host.close())
      .then(
        () => {
          log.info({ signal }, 'job worker stopped');
          process.exit(0);
        },
        (e: unknown) => {
          log.error({ err: e }, 'error while stopping the job worker');
          process.exit(1);
        },
      );
  };
  if (pending) stop(pending);
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, 'job worker failed to start');
  process.exit(1);
});
