import 'reflect-metadata';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';

/**
 * The bench's (b): finmart exactly as `src/main.ts` starts it, but with
 * per-request loaders that neither batch nor cache — what the customer 360
 * costs without DataLoader (one statement per parent object).
 */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const server = await startServer(config, log, undefined, { naive: true });
log.info({ url: server.url }, 'naive bench server listening');
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
