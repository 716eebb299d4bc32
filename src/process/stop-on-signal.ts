import { ConfigError, loadConfig, type Config } from '../config/config.js';
import type { Logger } from '../logger.js';

/** What a process says as it stops (the server and the job worker say it in their own words). */
export interface StopWords {
  /** Logged when the stop begins. */
  stopping: string;
  /** Logged when it is done, before exit 0. */
  stopped: string;
}

/**
 * SIGTERM/SIGINT for a process whose start takes a while (the server seeding, a worker migrating): the handlers
 * are registered at once, so a signal during the start is not the default kill (exit 143) — the process stops as
 * soon as it is up; a second signal while starting exits now. `on`, not `once`: a second signal must never fall
 * back to the default either. Call `started` with how to stop once the process is up.
 */
export function stopOnSignal(log: Logger, words: StopWords): { started(stop: () => Promise<void>, graceMs: number): void } {
  let requested: ((signal: string) => void) | undefined;
  let pending: string | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (requested) requested(signal);
      else if (!pending) {
        pending = signal;
        log.info({ signal }, 'stop requested while starting; stopping once started (signal again to exit now)');
      } else {
        log.warn({ signal }, 'second stop signal while starting; exiting now');
        process.exit(1);
      }
    });
  }
  return {
    started(stop, graceMs) {
      let stopping = false;
      requested = (signal) => {
        if (stopping) {
          log.warn({ signal }, 'already shutting down');
          return;
        }
        stopping = true;
        log.info({ signal }, words.stopping);
        // The stop gets the grace period (requests, running jobs), closing the database a little more.
        const force = setTimeout(() => {
          log.error('shutdown took too long; exiting');
          process.exit(1);
        }, graceMs + 5000);
        force.unref();
        stop().then(
          () => {
            log.info({ signal }, words.stopped);
            process.exit(0);
          },
          (e: unknown) => {
            log.error({ err: e }, 'error while stopping');
            process.exit(1);
          },
        );
      };
      if (pending) requested(pending);
    },
  };
}

/** The configuration, or exit 78 (EX_CONFIG) with every problem logged. */
export function loadConfigOrExit(log: Logger): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      log.fatal({ problems: e.problems }, e.message);
      process.exit(78);
    }
    throw e;
  }
}
