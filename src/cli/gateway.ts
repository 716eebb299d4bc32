import { pino } from 'pino';
import { ConfigError } from '../config/config.js';
import { loadGatewayConfig } from '../gateway/config.js';
import { startGateway } from '../gateway/gateway.js';

/**
 * `npm run gateway`: the federation gateway in front of finmart (FEDERATION_SUBGRAPH=true) and the partners'
 * subgraphs, e.g. `GATEWAY_SUBGRAPHS=finmart=http://127.0.0.1:4000/graphql,insurance=http://127.0.0.1:4101/graphql`.
 * See docs/federation.md.
 */
async function main() {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'finmart-gateway' } });
  let config;
  try {
    config = loadGatewayConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      log.fatal({ problems: e.problems }, e.message);
      process.exit(78);
    }
    throw e;
  }
  const gateway = await startGateway(config, log);
  log.info({ url: gateway.url, subgraphs: config.subgraphs.map((s) => s.name) }, 'gateway listening');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping');
      gateway.stop().then(
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
