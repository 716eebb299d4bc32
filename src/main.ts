import 'reflect-metadata';
import { createLogger } from './logger.js';
import { loadConfigOrExit, stopOnSignal } from './process/stop-on-signal.js';
import { startServer } from './server.js';

const log = createLogger(process.env.LOG_LEVEL);

// Registered before the (possibly long) start: a signal during seeding stops the server as soon as it is up.
const signals = stopOnSignal(log, { stopping: 'shutting down: finishing in-flight requests', stopped: 'stopped' });

async function main() {
  const config = loadConfigOrExit(log);
  const server = await startServer(config, log.child({}));
  log.info(
    { url: server.url, database: config.DATABASE_URL ? 'postgres' : `pglite:${config.DATA_DIR}`, plugins: server.host.runtime.plugins.map((p) => p.code) },
    'finmart is listening; GraphiQL at the url',
  );
  // Requests get SHUTDOWN_GRACE_MS (then their sockets are cut).
  signals.started(() => server.stop(), config.SHUTDOWN_GRACE_MS);
}

main().catch((e) => {
  log.fatal({ err: e }, 'finmart failed to start');
  process.exit(1);
});
