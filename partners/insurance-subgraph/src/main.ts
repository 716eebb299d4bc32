import 'reflect-metadata';
import { pino } from 'pino';
import { loadPartnerConfig } from './config.js';
import { startInsuranceSubgraph } from './server.js';

/** `tsx partners/insurance-subgraph/src/main.ts`: the insurer's own GraphQL service, one JSON log line per event. */
async function main() {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'insurance-subgraph' } });
  let config;
  try {
    config = loadPartnerConfig();
  } catch (e) {
    log.fatal((e as Error).message);
    process.exit(78);
  }
  const server = await startInsuranceSubgraph(config, log);
  log.info({ url: server.url }, 'insurance subgraph listening');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal, batches: server.stats.batches, requests: server.stats.requests }, 'stopping');
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
