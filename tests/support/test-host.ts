import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHost, type Host } from '../../src/app/host.js';
import type { Principal } from '../../src/auth/principal.js';
import { createTokenVerifier, signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig, type Config } from '../../src/config/config.js';
import { createHttpApp } from '../../src/http/app.js';
import { createSecurity } from '../../src/security/index.js';
import type { SpanExporter } from '../../src/observability/tracing.js';
import { createLogger } from '../../src/logger.js';
import type { PluginManifest } from '../../src/sdk/manifest.js';
import { seedDemoBank } from '../../src/seed/demo-bank.js';
import { freshDatabase } from './databases.js';

/** A GraphQL response as the client sees it. */
export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
  headers: Headers;
  /** SQL statements the request ran (x-sql-statements). */
  statements: number;
}

export interface TestHostOptions {
  /** Plugins to install (default: every installed plugin). */
  plugins?: PluginManifest[];
  /** Demo customers to seed (default 120; 0 = no seed). */
  customers?: number;
  driver?: 'pglite' | 'postgres';
  env?: Record<string, string>;
  /** When given, every log line (JSON) is appended here; set `env.LOG_LEVEL` for the level (default silent). */
  logLines?: string[];
  /** When given, the host traces and hands every finished span here (e.g. an InMemorySpanExporter). */
  spanExporter?: SpanExporter | { exporter: SpanExporter; batch: true };
  /**
   * PostgreSQL with read replicas (tests/support/pg-cluster.ts starts them): the per-file database is created on
   * `primaryUrl` instead of TEST_DATABASE_URL, and each replica's URL, with that database's name, goes into
   * DATABASE_REPLICA_URLS as `<name>=<url>` (replication copies the database there).
   */
  replication?: { primaryUrl: string; replicas: { name: string; url: string }[] };
}

export interface TestHost {
  host: Host;
  url: string;
  config: Config;
  driver: 'pglite' | 'postgres';
  /** Signs a token for a principal (development secret). */
  token(p: Omit<Principal, 'subject'> & { subject?: string }): Promise<string>;
  /** POSTs a GraphQL request as `as` (a principal or a raw Authorization header value; null = none). */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { as?: Omit<Principal, 'subject'> | string | null; lang?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export const HEAD_OFFICE = { role: 'HEAD_OFFICE' } as const;

/**
 * Boots the real host (migrations, plugins, seed) with only the plugins given,
 * behind the real HTTP app on an ephemeral port. One per test file: PGlite
 * takes seconds to boot.
 */
export async function createTestHost(opts: TestHostOptions = {}): Promise<TestHost> {
  const driver = opts.driver ?? 'pglite';
  const fresh = await freshDatabase(driver, { serverUrl: opts.replication?.primaryUrl });
  const replicaUrls = opts.replication?.replicas.map((r) => {
    const url = new URL(r.url);
    url.pathname = new URL(fresh.url!).pathname;
    return `${r.name}=${url.toString()}`;
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    // Suites fire many requests as one caller; tests of the limit itself lower it.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_COST_PER_MINUTE: '1000000000000',
    RATE_LIMIT_CONCURRENCY: '1000',
    ...(fresh.url ? { DATABASE_URL: fresh.url } : {}),
    // Behind PgBouncer (TEST_DATABASE_POOLER): what anything opening its own connections from the config (impact workers) needs.
    ...(fresh.pooler ? { DATABASE_POOLER: fresh.pooler } : {}),
    ...(fresh.directUrl ? { DATABASE_DIRECT_URL: fresh.directUrl } : {}),
    ...(replicaUrls?.length ? { DATABASE_REPLICA_URLS: replicaUrls.join(',') } : {}),
    ...opts.env,
  });
  const sink = opts.logLines;
  const log = createLogger(config.LOG_LEVEL, sink ? { write: (line: string) => void sink.push(line) } : undefined);
  const installed = opts.plugins ?? (await import('../../plugins/index.js')).installedPlugins;
  let host: Host;
  try {
    host = await createHost({ config, logger: log, installed, database: fresh.database, spanExporter: opts.spanExporter });
  } catch (e) {
    await fresh.drop();
    throw e;
  }
  if ((opts.customers ?? 120) > 0) await seedDemoBank(host, { customers: opts.customers ?? 120 });
  const verifyToken = await createTokenVerifier({
    secret: config.jwtSecret,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
  });
  const httpServer = createServer();
  const { app } = await createHttpApp({ host, httpServer, verifyToken, ...createSecurity(config, log) });
  httpServer.on('request', app);
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  const token = (p: Omit<Principal, 'subject'> & { subject?: string }) =>
    signDevelopmentToken(p, { secret: config.jwtSecret!, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  const tokenCache = new Map<string, string>();
  return {
    host,
    url,
    config,
    driver,
    token,
    async gql(query, variables, o = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(o.lang ? { 'accept-language': o.lang } : {}),
        ...o.headers,
      };
      const as = o.as === undefined ? HEAD_OFFICE : o.as;
      if (typeof as === 'string') headers.authorization = as;
      else if (as) {
        const key = JSON.stringify(as);
        if (!tokenCache.has(key)) tokenCache.set(key, await token(as));
        headers.authorization = `Bearer ${tokenCache.get(key)}`;
      }
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
      return {
        status: res.status,
        data: body.data as never,
        errors: body.errors,
        headers: res.headers,
        statements: Number(res.headers.get('x-sql-statements') ?? NaN),
      };
    },
    async close() {
      await new Promise<void>((r) => {
        httpServer.close(() => r());
        httpServer.closeAllConnections();
      });
      await host.close();
      await fresh.drop();
    },
  };
}
