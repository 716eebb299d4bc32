import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHost, type Host } from './app/host.js';
import { createTokenVerifier, signDevelopmentToken } from './auth/tokens.js';
import type { Config } from './config/config.js';
import { createHttpApp } from './http/app.js';
import { createSecurity } from './security/index.js';
import type { Logger } from './logger.js';
import { checkPooledStatementTimeout } from './db/pooler.js';
import { isEmpty, seedDemoBank } from './seed/demo-bank.js';
import { startJobs, type Jobs } from './jobs/start.js';
import type { PluginManifest } from './sdk/manifest.js';

/** A running server. */
export interface RunningServer {
  host: Host;
  httpServer: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the host (and its database). */
  stop(): Promise<void>;
}

/** Boots the host, seeds an empty database when configured, and listens. `naive`: the benchmark's no-DataLoader baseline only. */
export async function startServer(config: Config, log: Logger, installed?: PluginManifest[], opts: { naive?: boolean } = {}): Promise<RunningServer> {
  const host = await createHost({ config, logger: log, installed });
  let jobs: Jobs | undefined;
  try {
    if (config.DATABASE_URL && config.DATABASE_POOLER === 'pgbouncer') await reportPooler(host, config, log);
    if (config.SEED_ON_EMPTY && (await isEmpty(host))) {
      const started = Date.now();
      log.info({ customers: config.DEMO_CUSTOMERS }, 'empty database: seeding the demo bank');
      await seedDemoBank(host, { customers: config.DEMO_CUSTOMERS, misSellingCase: true, makerChecker: true });
      log.info({ ms: Date.now() - started }, 'demo bank seeded');
    } else {
      log.info({ database: config.DATABASE_URL ? 'postgres' : 'pglite' }, 'the database already holds a bank: reusing it (no seeding)');
    }
    // After seeding (no job meets a half-seeded bank), before serving (requests enqueue their jobs).
    jobs = await startJobs(host.runtime);
    const verifyToken = await createTokenVerifier({
      secret: config.jwtSecret,
      publicKeyPem: config.JWT_PUBLIC_KEY,
      jwksUrl: config.JWKS_URL,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
    });
    const graphiqlToken =
      config.NODE_ENV !== 'production' && config.jwtSecret
        ? await signDevelopmentToken(
            { role: 'HEAD_OFFICE', subject: 'dev:graphiql' },
            { secret: config.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, expiresIn: '30d' },
          )
        : undefined;
    const httpServer = createServer();
    // Introspection stays on in Apollo; the security policy refuses it per caller in production.
    const security = createSecurity(config, log);
    const { app, apollo } = await createHttpApp({ host, httpServer, verifyToken, graphiqlToken, introspection: true, naive: opts.naive, ...security });
    httpServer.on('request', app);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://localhost:${port}/graphql`;
    let stopping: Promise<void> | undefined;
    return {
      host,
      httpServer,
      url,
      stop() {
        stopping ??= (async () => {
          // Apollo's drain plugin stops accepting, ends idle keep-alive sockets and
          // waits for in-flight requests (up to SHUTDOWN_GRACE_MS), while running jobs get as long; then the database closes.
          await Promise.all([apollo.stop(), jobs!.stop()]);
          await host.close();
        })();
        return stopping;
      },
    };
  } catch (e) {
    await jobs?.stop();
    await host.close();
    throw e;
  }
}

/**
 * Behind PgBouncer the serving statement timeout is the server's setting, not the one finmart sends: say at start
 * whether it holds, and whether migrations had a direct connection (DATABASE_DIRECT_URL) to run unbounded on.
 */
async function reportPooler(host: Host, config: Config, log: Logger): Promise<void> {
  const timeout = await checkPooledStatementTimeout(host.runtime.database.db, config.DB_STATEMENT_TIMEOUT_MS);
  const fields = { pooler: 'pgbouncer', statementTimeoutMs: timeout.serverMs, configuredMs: timeout.configuredMs };
  if (timeout.enforced) log.info(fields, timeout.message);
  else log.warn(fields, timeout.message);
  if (!config.DATABASE_DIRECT_URL)
    log.warn(
      { pooler: 'pgbouncer' },
      'behind PgBouncer without DATABASE_DIRECT_URL: migrations and unbounded jobs (day close, points expiry) run through PgBouncer, under the server statement timeout; set DATABASE_DIRECT_URL to a direct connection',
    );
}
