import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const log = createLogger(process.env.LOG_LEVEL);

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
  log.info({ url: server.url, database: config.DATABASE_URL ? 'postgres' : `pglite:${config.DATA_DIR}`, plugins: server.host.runtime.plugins.map((p) => p.code) }, 'finmart is listening; GraphiQL at the url');
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    server.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (e) => {
        log.error({ err: e }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e) => {
  log.fatal({ err: e }, 'finmart failed to start');
  process.exit(1);
});
