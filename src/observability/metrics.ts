import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HostContext } from '../graphql/context.js';
import type { Config } from '../config/config.js';
import { currentStatementLog } from '../db/statement-counter.js';

/**
 * Prometheus metrics of one host, in a registry of its own (tests boot several
 * hosts in one process: prom-client's global registry would refuse the second
 * set of names). Labels are codes only — operation names, outcomes, product
 * lines, rule reason codes, order sides — never an identifier, a name or an
 * amount; every label a client can influence is capped (see {@link LabelCap}).
 */
export interface FinmartMetrics {
  readonly registry: Registry;
  /** One GraphQL request answered by Apollo: its operation, outcome ('ok' or the first error's code), duration and statements. */
  graphqlRequest(operation: string | null | undefined, outcome: string, seconds: number, statements: number | undefined): void;
  /** One decision of the suitability engine for a product of `line`. */
  suitabilityDecision(line: string, decision: { outcome: string; reasons: readonly { code: string }[] }): void;
  /** One placeOrder outcome: placed, blocked, steps_required, held_for_approval, replayed. */
  order(line: string, side: string, outcome: OrderOutcome): void;
  /** One request refused by a per-caller limit: rate (requests per minute), concurrency (in flight), cost (budget), cost_hold (waiting out a cost refusal). */
  rateLimitRefusal(reason: RateLimitReason): void;
  /**
   * One attempt at a background job on this node: its task, outcome (`done`; `failed`, to be retried; `gave_up`,
   * the last attempt failed) and duration.
   */
  jobAttempt(task: string, outcome: JobOutcome, seconds: number): void;
}

export type OrderOutcome = 'placed' | 'blocked' | 'steps_required' | 'held_for_approval' | 'replayed';
export type RateLimitReason = 'rate' | 'concurrency' | 'cost' | 'cost_hold';
export type JobOutcome = 'done' | 'failed' | 'gave_up';

/** Operation names longer than this, or past the distinct-value cap, are counted as `other`. */
export const MAX_OPERATION_NAME = 64;
/** Distinct operation names per host before new ones go to `other` (each one is a set of histogram series). */
export const MAX_OPERATIONS = 200;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const CODE = /^[A-Z][A-Z0-9_]*$/;
const LINE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Keeps a label's distinct values bounded: a value that is malformed, too long or new past the cap becomes `fallback`. */
export class LabelCap {
  private readonly seen = new Set<string>();
  constructor(
    private readonly pattern: RegExp,
    private readonly maxLength: number,
    private readonly maxValues: number,
    private readonly fallback: string,
  ) {}
  label(value: string | null | undefined, missing: string): string {
    if (value === null || value === undefined || value === '') return missing;
    if (this.seen.has(value)) return value;
    if (value.length > this.maxLength || !this.pattern.test(value) || this.seen.size >= this.maxValues) return this.fallback;
    this.seen.add(value);
    return value;
  }
}

export interface CreateMetricsOptions {
  /** The database the host serves from (pool gauges). */
  database?: { driver: 'pglite' | 'postgres'; maxConnections?: number };
  /** Process metrics (CPU, memory, event loop lag, GC); default true. */
  processMetrics?: boolean;
}

/** The registry and metrics of one host. */
export function createMetrics(opts: CreateMetricsOptions = {}): FinmartMetrics {
  const registry = new Registry();
  if (opts.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const operations = new LabelCap(GRAPHQL_NAME, MAX_OPERATION_NAME, MAX_OPERATIONS, 'other');
  const outcomes = new LabelCap(CODE, 64, 50, 'OTHER');
  const lines = new LabelCap(LINE, 32, 50, 'other');
  const reasonCodes = new LabelCap(CODE, 64, 1000, 'OTHER');

  const requests = new Counter({
    name: 'finmart_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name ("anonymous" when unnamed, "other" past the cap) and outcome ("ok" or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'finmart_graphql_request_duration_seconds',
    help: 'GraphQL request duration from Apollo receiving it to the response being sent, by operation',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'finmart_sql_statements_per_request',
    help: 'SQL statements one GraphQL request ran (what x-sql-statements reports), by operation',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144],
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'finmart_suitability_decisions_total',
    help: 'Suitability decisions the engine made (checks, eligibility listings, orders, applications), by product line and outcome',
    labelNames: ['line', 'outcome'] as const,
    registers: [registry],
  });
  const reasons = new Counter({
    name: 'finmart_suitability_reasons_total',
    help: 'Reasons given in suitability decisions, by product line and reason code',
    labelNames: ['line', 'code'] as const,
    registers: [registry],
  });
  const orders = new Counter({
    name: 'finmart_orders_total',
    help: 'placeOrder outcomes by product line and side: placed, blocked (suitability), steps_required, held_for_approval (maker-checker), replayed (idempotency key)',
    labelNames: ['line', 'side', 'outcome'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'finmart_rate_limit_refusals_total',
    help: 'Requests refused by a per-caller limit (429 RATE_LIMITED): rate (requests per minute), concurrency (in flight), cost (query-cost budget), cost_hold (waiting out a cost refusal)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  for (const reason of ['rate', 'concurrency', 'cost', 'cost_hold'] as const) refusals.inc({ reason }, 0);
  const tasks = new LabelCap(/^[a-z][a-z0-9_.-]*$/, 64, 50, 'other');
  const jobs = new Counter({
    name: 'finmart_job_attempts_total',
    help: 'Background job attempts this node ran, by task and outcome: done, failed (the queue retries it with backoff), gave_up (its last attempt failed)',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'finmart_job_duration_seconds',
    help: 'Duration of background job attempts on this node, by task',
    labelNames: ['task'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
    registers: [registry],
  });

  if (opts.database) {
    const pool = new Gauge({
      name: 'finmart_db_pool_max_connections',
      help:
        'Connections the database pool may open. postgres.js: its `max` (it opens them on demand and exposes no count of open ones); ' +
        'PGlite: 1 — the embedded database is one connection and runs one statement at a time',
      labelNames: ['driver'] as const,
      registers: [registry],
    });
    pool.set({ driver: opts.database.driver }, opts.database.maxConnections ?? (opts.database.driver === 'pglite' ? 1 : 10));
  }

  return {
    registry,
    graphqlRequest(operation, outcome, seconds, count) {
      const op = operations.label(operation, 'anonymous');
      requests.inc({ operation: op, outcome: outcome === 'ok' ? 'ok' : outcomes.label(outcome, 'ERROR') });
      duration.observe({ operation: op }, seconds);
      if (count !== undefined) statements.observe({ operation: op }, count);
    },
    suitabilityDecision(line, decision) {
      const l = lines.label(line, 'unknown');
      decisions.inc({ line: l, outcome: outcomes.label(decision.outcome, 'UNKNOWN') });
      for (const r of decision.reasons) reasons.inc({ line: l, code: reasonCodes.label(r.code, 'UNKNOWN') });
    },
    order(line, side, outcome) {
      orders.inc({ line: lines.label(line, 'unknown'), side: side === 'SELL' ? 'SELL' : 'BUY', outcome });
    },
    rateLimitRefusal(reason) {
      refusals.inc({ reason });
    },
    jobAttempt(task, outcome, seconds) {
      const t = tasks.label(task, 'other');
      jobs.inc({ task: t, outcome });
      jobDuration.observe({ task: t }, seconds);
    },
  };
}

/**
 * Counts each GraphQL request Apollo answers (parse and validation failures,
 * cost refusals and errors included) with its operation, outcome, duration and
 * SQL statements.
 */
export function metricsPlugin(metrics: FinmartMetrics): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let operation: string | null | undefined;
      return {
        async didResolveOperation({ operation: op }) {
          operation = op?.name?.value ?? request.operationName;
        },
        async willSendResponse({ response, document }) {
          // Not resolved (validation failed): the name the parsed document gives, if any.
          operation ??= (document ? getOperationAST(document, request.operationName)?.name?.value : undefined) ?? request.operationName;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const first = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof first === 'string' ? first : 'ERROR') : 'ok';
          metrics.graphqlRequest(operation, outcome, Number(process.hrtime.bigint() - started) / 1e9, currentStatementLog()?.count);
          if (errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')) metrics.rateLimitRefusal('cost');
        },
      };
    },
  };
}

/** Who may read /metrics: everyone, bearers of METRICS_TOKEN, or nobody (404). */
export type MetricsAccess = 'open' | 'token' | 'off';

/**
 * METRICS_ENABLED=false: off. METRICS_TOKEN set: the token is required.
 * METRICS_ENABLED=true: open (the network in front of the server restricts it).
 * Otherwise open outside production and off in production — an operator turns
 * it on with a token or explicitly.
 */
export function metricsAccess(config: Pick<Config, 'NODE_ENV' | 'METRICS_TOKEN' | 'METRICS_ENABLED'>): MetricsAccess {
  if (config.METRICS_ENABLED === false) return 'off';
  if (config.METRICS_TOKEN) return 'token';
  if (config.METRICS_ENABLED === true) return 'open';
  return config.NODE_ENV === 'production' ? 'off' : 'open';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The GET /metrics handler (Prometheus text format) under the configured access policy. */
export function metricsHandler(metrics: FinmartMetrics, config: Pick<Config, 'NODE_ENV' | 'METRICS_TOKEN' | 'METRICS_ENABLED'>) {
  const access = metricsAccess(config);
  const expected = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('cache-control', 'no-store');
    if (access === 'off') {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (access === 'token') {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
      if (!m || !timingSafeEqual(digest(m[1]!), expected!)) {
        res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized');
        return;
      }
    }
    const body = await metrics.registry.metrics();
    res.status(200).setHeader('content-type', metrics.registry.contentType).send(body);
  };
}
