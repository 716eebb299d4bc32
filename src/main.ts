import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const log = createLogger(process.env.LOG_LEVEL);

/** Set when a stop signal arrives; the running server (once there is one) then stops. */
let stopRequested: ((signal: string) => void) | undefined;
let pendingSignal: string | undefined;
// Registered before the (possibly long) start so that a signal during seeding
// is not the default kill either: the server stops as soon as it is up.
// `on`, not `once`: a second signal must not fall back to the default (exit 143).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopRequested) stopRequested(signal);
    else if (!pendingSignal) {
      pendingSignal = signal;
      log.info({ signal }, 'stop requested while starting; stopping once started (signal again to exit now)');
    } else {
      log.warn({ signal }, 'second stop signal while starting; exiting now');
      process.exit(1);
    }
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
  const server = await startServer(config, log.child({}));
  log.info(
    { url: server.url, database: config.DATABASE_URL ? 'postgres' : `pglite:${config.DATA_DIR}`, plugins: server.host.runtime.plugins.map((p) => p.code) },
    'finmart is listening; GraphiQL at the url',
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Requests get SHUTDOWN_GRACE_MS (then their sockets are cut); closing the database gets a little more.
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 5000);
    force.unref();
    server.stop().then(
      () => {
        log.info({ signal }, 'stopped');
        process.exit(0);
      },
      (e) => {
        log.error({ err: e }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  stopRequested = shutdown;
  if (pendingSignal) shutdown(pendingSignal);
}

main().catch((e) => {
  log.fatal({ err: e }, 'finmart failed to start');
  process.exit(1);
});
