import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ParseOptions } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type Response } from 'express';
import type { Host } from '../app/host.js';
import type { HostContext } from '../graphql/context.js';
import type { Principal } from '../auth/principal.js';
import { currentStatementLog } from '../db/statement-counter.js';
import { langFromHeader, text, type Lang } from '../i18n/localized.js';
import { authenticate } from './authenticate.js';
import { createRequestContext } from './context.js';
import { createFormatError } from './format-error.js';
import { graphiqlAsset, graphiqlCsp } from './graphiql.js';
import { currentRequestScope, runInRequestScope } from './request-scope.js';
import { databaseAnswers } from './database-answers.js';
import { metricsHandler, metricsPlugin } from '../observability/metrics.js';
import { requestTrace, traceHttpRequest, tracingPlugin, withOperationSpan } from '../observability/tracing.js';
import { trustedDocumentsMiddleware } from './trusted-documents.js';
import { nodesReadiness, readRoutingPlugin } from './read-routing.js';
import type { ConcurrencyLimiter } from '../security/concurrency.js';
import type { CostBudget } from '../security/cost-budget.js';
import type { RateLimiter } from '../security/rate-limit.js';

export interface HttpAppOptions {
  host: Host;
  httpServer: Server;
  verifyToken: (token: string) => Promise<Principal>;
  /** Token pre-filled in GraphiQL (development only). */
  graphiqlToken?: string;
  /** Extra Apollo plugins (abuse limits, audit…). */
  apolloPlugins?: ApolloServerPlugin<HostContext>[];
  /** Extra validation rules (depth, cost…). */
  validationRules?: ConstructorParameters<typeof ApolloServer<HostContext>>[0] extends infer O ? (O extends { validationRules?: infer V } ? V : never) : never;
  introspection?: boolean;
  /** Parser limits (e.g. `maxTokens`): a too-long document fails as GRAPHQL_PARSE_FAILED (400) before validation. */
  parseOptions?: ParseOptions;
  /** Per-caller limit, counted after authentication (by JWT subject); over it → 429 RATE_LIMITED. */
  rateLimiter?: RateLimiter;
  /** Per-caller requests in flight on this instance; over it → 429 RATE_LIMITED at once. */
  concurrencyLimiter?: ConcurrencyLimiter;
  /** Per-caller query-cost budget (spent by the cost plugin); a caller it refused waits out its Retry-After here. */
  costBudget?: CostBudget;
  /** Benchmark baseline only: per-request DataLoaders without batching or caching. */
  naive?: boolean;
}

/** Tests drive time (cooling-off, settlement) with `x-finmart-now`; honoured only when NODE_ENV=test. */
function testClock(env: string, header: string | undefined): Date | undefined {
  if (env !== 'test' || !header) return undefined;
  const at = new Date(header);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

const unauthenticatedBody = (lang: string, reason: string, requestId: string) => ({
  errors: [
    {
      message:
        lang === 'en'
          ? reason === 'expired'
            ? 'The bearer token has expired'
            : 'A valid bearer token is required'
          : reason === 'expired'
            ? '身份令牌已过期'
            : '需要有效的身份令牌',
      extensions: { code: 'UNAUTHENTICATED', requestId },
    },
  ],
});

const rateLimitedBody = (lang: string, retryAfter: number, requestId: string) => ({
  errors: [
    {
      message: lang === 'en' ? `Too many requests; retry in ${retryAfter} s` : `请求过于频繁，请 ${retryAfter} 秒后重试`,
      extensions: { code: 'RATE_LIMITED', retryAfter, requestId },
    },
  ],
});

const tooManyInFlightBody = (lang: string, limit: number, requestId: string) => ({
  errors: [
    {
      message:
        lang === 'en' ? `Too many requests in flight (at most ${limit} at a time); retry in 1 s` : `同时进行的请求过多（最多 ${limit} 个），请 1 秒后重试`,
      extensions: { code: 'RATE_LIMITED', retryAfter: 1, requestId },
    },
  ],
});

/** Counts SQL statements per operation into a response header (for benchmarks and debugging). */
const statementHeaderPlugin: ApolloServerPlugin<HostContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const log = currentStatementLog();
        if (log) response.http.headers.set('x-sql-statements', String(log.count));
      },
    };
  },
};

/** The operation's name (or `anonymous`) and type, into the request's scope: the request log line names it. */
const operationLogPlugin: ApolloServerPlugin<HostContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName }) {
        const logged = currentRequestScope()?.operation;
        if (logged && operation) {
          logged.name = (operation.name?.value ?? operationName ?? 'anonymous').slice(0, 100);
          logged.type = operation.operation;
        }
      },
    };
  },
};

/** Why the body could not be read (or a failure before GraphQL), in the request's language. */
const bodyErrorMessage = (status: number, lang: Lang = 'zh-CN') =>
  (status === 413
    ? text('请求体过大', 'Request body too large')
    : status === 500
      ? text('服务内部错误', 'Internal error')
      : text('请求体格式错误', 'Malformed request body'))[lang];

/** A request that met a database outage (SERVICE_UNAVAILABLE) answers 503 with Retry-After, not 200. */
const serviceUnavailablePlugin: ApolloServerPlugin<HostContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', '5');
      },
    };
  },
};

/**
 * The HTTP application: GraphiQL and GraphQL at /graphql, health at /healthz
 * and /readyz. Every GraphQL request carries a verified principal.
 */
export async function createHttpApp(opts: HttpAppOptions): Promise<{ app: Express; apollo: ApolloServer<HostContext> }> {
  const { host } = opts;
  const log = host.runtime.log;
  const { metrics, tracing } = host.runtime;
  const apollo = new ApolloServer<HostContext>({
    schema: host.schema,
    formatError: createFormatError(log, { suggestions: host.runtime.config.GRAPHQL_SUGGESTIONS }),
    introspection: opts.introspection ?? true,
    // "Did you mean …" names schema elements to whoever probes it: development only unless configured.
    hideSchemaDetailsFromClientErrors: !host.runtime.config.GRAPHQL_SUGGESTIONS,
    // The process owns SIGTERM/SIGINT (src/main.ts): Apollo's own handler would
    // re-raise the signal after draining and kill the process (exit 143) before
    // the database is closed.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: opts.validationRules as never,
    parseOptions: opts.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer, stopGracePeriodMillis: host.runtime.config.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin hooks every field of every request; nothing here is cacheable
      // anyway (personal data): responses say `no-store` (below) instead.
      ApolloServerPluginCacheControlDisabled(),
      // As a federation subgraph (FEDERATION_SUBGRAPH), no per-field timing goes back to the gateway: traces are OpenTelemetry's.
      ApolloServerPluginInlineTraceDisabled(),
      statementHeaderPlugin,
      operationLogPlugin,
      serviceUnavailablePlugin,
      ...(metrics ? [metricsPlugin(metrics)] : []),
      // DATABASE_REPLICA_URLS: a query's reads on a replica, a mutation's LSN for the caller's next reads.
      ...(host.runtime.replicas
        ? [
            readRoutingPlugin(host.runtime.replicas, {
              readYourWritesMs: host.runtime.config.REPLICA_READ_YOUR_WRITES_MS,
              secureCookie: host.runtime.config.NODE_ENV === 'production',
            }),
          ]
        : []),
      ...(tracing ? [tracingPlugin()] : []),
      ...(opts.apolloPlugins ?? []),
    ],
  });
  await apollo.start();
  if (opts.rateLimiter) {
    const limiter = opts.rateLimiter;
    opts.httpServer.once('close', () => void limiter.close());
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req: Request, res: Response, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    const lang = langFromHeader(req.header('accept-language'));
    res.locals.requestId = requestId;
    res.locals.lang = lang;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    const statements = { count: 0, statements: [] as string[] };
    // Filled in by the operation-log plugin once Apollo has resolved the operation.
    const operation: { name?: string; type?: string } = {};
    // Read now: by 'finish' a mounted router (app.use('/graphql', …)) has cut req.path to '/'.
    const path = req.path;
    res.on('finish', () => {
      log.info(
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          sqlStatements: statements.count,
          ...(operation.name ? { operation: operation.name, operationType: operation.type } : {}),
          role: res.locals.role,
          traceId: res.locals.traceId,
        },
        'request',
      );
    });
    // Statement log and request scope follow every async step of this request.
    if (!tracing) return runInRequestScope({ requestId, lang, statements, operation }, () => next());
    // Traced: the request's server span is the context of everything below (a probe or /metrics is not traced).
    const span = traceHttpRequest(tracing, req, res, requestId, (traced) =>
      runInRequestScope({ requestId, lang, statements, operation, ...(traced ? { trace: requestTrace(tracing) } : {}) }, () => next()),
    );
    res.locals.traceId = span?.spanContext().traceId;
  });

  // Prometheus text format; who may read it: METRICS_TOKEN / METRICS_ENABLED (see metricsAccess).
  if (metrics) app.get('/metrics', metricsHandler(metrics, host.runtime.config));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when the primary answers. With read replicas, `nodes` lists the primary and each replica as its last
  // health check found it (a replica down or lagging only sends reads to the primary: still ready).
  app.get('/readyz', async (_req, res) => {
    const replicas = host.runtime.replicas;
    const nodes = (up: boolean) => (replicas ? { nodes: nodesReadiness(replicas.statuses(), up) } : {});
    if (await databaseAnswers(host.runtime.database)) res.json({ status: 'ready', ...nodes(true) });
    else res.status(503).json({ status: 'unavailable', ...nodes(false) });
  });

  // GraphiQL for a browser (it prefers HTML; a GraphQL GET of a client asks for JSON), also on a `?query=` link;
  // off in production unless GRAPHIQL=true.
  app.get('/graphql', (req, res, next) => {
    if (!host.runtime.config.GRAPHIQL || !req.accepts('text/html') || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    const page = graphiqlAsset({
      endpoint: '/graphql',
      title: 'finmart GraphiQL',
      defaultHeaders: opts.graphiqlToken ? { Authorization: `Bearer ${opts.graphiqlToken}` } : undefined,
    });
    res.setHeader('content-security-policy', graphiqlCsp());
    // Revalidated on every visit (it may carry a development token: private), a 304 while it is unchanged.
    res.setHeader('cache-control', 'private, no-cache');
    res.setHeader('etag', page.etag);
    res.vary('accept-encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    // Brotli when the browser takes it (every current one does), whatever order it lists encodings in.
    const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
    res.type('html');
    if (encoding === 'br' || encoding === 'gzip') {
      res.setHeader('content-encoding', encoding);
      res.send(encoding === 'br' ? page.brotli : page.gzip);
      return;
    }
    res.send(page.html);
  });

  // The caller first (from the header alone), then the body: nobody unauthenticated
  // makes us read 256 kB, and a caller's slot covers the time its body takes to arrive.
  app.use(
    '/graphql',
    async (req, res, next) => {
      res.setHeader('cache-control', 'no-store');
      const auth = await authenticate(req.header('authorization'), opts.verifyToken);
      if (!auth.ok) {
        res
          .status(401)
          .setHeader('www-authenticate', 'Bearer')
          .json(unauthenticatedBody(res.locals.lang, auth.reason, res.locals.requestId));
        return;
      }
      res.locals.principal = auth.principal;
      res.locals.role = auth.principal.role;
      // Remote lines' subgraphs verify the caller themselves: the verified header travels with the request.
      const scope = currentRequestScope();
      if (scope) scope.authorization = req.header('authorization');
      if (opts.rateLimiter) {
        const d = await opts.rateLimiter.hit(auth.principal.subject);
        res.setHeader('ratelimit-limit', String(d.limit));
        res.setHeader('ratelimit-remaining', String(d.remaining));
        if (!d.allowed) {
          metrics?.rateLimitRefusal('rate');
          res
            .status(429)
            .setHeader('retry-after', String(d.retryAfterSeconds))
            .json(rateLimitedBody(res.locals.lang, d.retryAfterSeconds, res.locals.requestId));
          return;
        }
      }
      const held = opts.costBudget?.holdSeconds(auth.principal.subject) ?? 0;
      if (held > 0) {
        metrics?.rateLimitRefusal('cost_hold');
        res
          .status(429)
          .setHeader('retry-after', String(held))
          .json(rateLimitedBody(res.locals.lang, held, res.locals.requestId));
        return;
      }
      if (opts.concurrencyLimiter) {
        const release = opts.concurrencyLimiter.tryAcquire(auth.principal.subject);
        if (!release) {
          metrics?.rateLimitRefusal('concurrency');
          res
            .status(429)
            .setHeader('retry-after', '1')
            .json(tooManyInFlightBody(res.locals.lang, opts.concurrencyLimiter.limit, res.locals.requestId));
          return;
        }
        // Held until Apollo is done with the request (below), even if the client
        // hangs up first: the work goes on, and aborting must not free the slot.
        // A request that never reaches Apollo (a bad body) frees it when its response closes.
        res.locals.releaseSlot = release;
        res.once('close', () => {
          if (!res.locals.graphqlStarted) release();
        });
      }
      next();
    },
    express.json({ limit: '256kb' }),
  );

  // Trusted documents (TRUSTED_DOCUMENTS): ids resolved to the manifest's text, and in `enforce` mode
  // anything the manifest does not hold refused (400) before Apollo parses it.
  if (host.runtime.config.trustedDocuments) app.use('/graphql', trustedDocumentsMiddleware(host.runtime.config.trustedDocuments, log));

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createRequestContext(
        host.runtime,
        res.locals.principal as Principal,
        res.locals.lang,
        res.locals.requestId,
        testClock(host.runtime.config.NODE_ENV, req.header('x-finmart-now')) ?? new Date(),
        { naive: opts.naive },
      ),
  });
  app.use('/graphql', async (req, res, next) => {
    res.locals.graphqlStarted = true;
    try {
      if (tracing) await withOperationSpan(tracing, async () => void (await graphql(req, res, next)));
      else await graphql(req, res, next);
    } finally {
      (res.locals.releaseSlot as (() => void) | undefined)?.();
    }
  });

  // Malformed JSON and other body errors: a GraphQL-shaped error, not an HTML page.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ requestId: res.locals.requestId, err }, 'http error');
    res.status(status).json({
      errors: [
        {
          message: bodyErrorMessage(status, res.locals.lang),
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT', requestId: res.locals.requestId },
        },
      ],
    });
  });

  return { app, apollo };
}
