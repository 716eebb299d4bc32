import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { secretWeakness } from './secret-strength.js';
import { trustedDocumentsSetting, type TrustedDocuments } from '../security/trusted-documents.js';
import { parseRemoteLines, type RemoteLineConfig } from '../remote-lines/config.js';
import { parseReplicaUrls, type ReplicaConfig } from '../db/replica-config.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Environment variables finmart reads, with their defaults. README documents each. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /**
   * A direct (session-mode) connection to the primary, for what a transaction-mode pooler cannot carry:
   * LISTEN/NOTIFY, the job queue and migrations. Unset: DATABASE_URL.
   */
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** What DATABASE_URL points at: PostgreSQL itself (`none`) or PgBouncer in transaction mode (`pgbouncer`: no prepared statements, no session state). */
  DATABASE_POOLER: z.enum(['none', 'pgbouncer']).default('none'),
  // Read replicas (src/db/replicas.ts, docs/scale.md).
  /**
   * Streaming replicas of the primary for the reads of query requests: `[name=]postgres://…`, comma-separated (names
   * label metrics and /readyz; default replica-1, replica-2…). Unset: every statement on DATABASE_URL. PostgreSQL only.
   */
  DATABASE_REPLICA_URLS: z.string().optional(),
  /** After a mutation, its caller's reads on this node need a replica that has replayed it (else the primary) for this long; 0: only the x-finmart-lsn header/cookie. */
  REPLICA_READ_YOUR_WRITES_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** A replica further behind than this (its lag estimate at the last check) receives no reads. */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(5000),
  /** How often each replica's health, replay position and lag are checked. */
  REPLICA_HEALTH_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  DATA_DIR: z.string().min(1).default('./.data'),
  PLUGINS: z.string().optional(),
  ALLOW_INCOMPATIBLE_PLUGINS: z.string().optional(),
  /** Unset: true outside production, false in production (the demo bank never lands in a real one by default). */
  SEED_ON_EMPTY: bool.optional(),
  /** The GraphiQL page at GET /graphql. Unset: served outside production, not in production. */
  GRAPHIQL: bool.optional(),
  /** "Did you mean …" hints in validation errors. Unset: on outside production, off in production (they describe the schema to whoever probes it). */
  GRAPHQL_SUGGESTIONS: bool.optional(),
  DEMO_CUSTOMERS: z.coerce.number().int().min(10).max(500_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Key of the HMAC card numbers are stored under (customer identification by card). Unset in production: card look-up off. */
  CARD_NUMBER_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().default('finmart'),
  JWT_AUDIENCE: z.string().default('finmart-api'),
  /** Clock skew tolerated on `exp`, `nbf` and `iat` (seconds). */
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** Requests per caller (JWT subject) per fixed one-minute window; Redis-backed when REDIS_URL is set. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** graphql-armor cost units per caller per minute (token bucket, refilled continuously); at least GRAPHQL_MAX_COST. */
  // Values per caller per minute (the cost model of src/security/operation-cost.ts): about 27 pages of 50
  // customers with their holdings, or 100 customer 360s — a person's pace, not a batch job's.
  RATE_LIMIT_COST_PER_MINUTE: z.coerce.number().int().min(100).default(250_000),
  /** Requests one caller may have in flight on one instance; beyond: 429 at once. */
  RATE_LIMIT_CONCURRENCY: z.coerce.number().int().min(1).default(4),
  // Abuse limits (graphql-armor). Defaults admit the full customer-360 query
  // (depth 9, armor cost ≈ 17k: objects 2, scalars 1, ×1.5 per level, × first/last
  // of lists — given as literals or, since src/security/operation-cost.ts, as
  // variables) and a 100-customer page with 10 holdings each (≈ 180k); see
  // tests/security/customer-360.query.ts) with room to spare.
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(250_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(20),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(3000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** PostgreSQL: give up connecting after this long (postgres.js connect_timeout covers TCP and the startup handshake). */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  /** PostgreSQL: statement_timeout of serving connections (0 = none); migrations run without it. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  /**
   * Impact analysis on PostgreSQL: worker threads judging slices of the book beside the run's own thread, all
   * in one exported snapshot (0 = none; the default, one less than the cores, at most 3).
   */
  IMPACT_WORKERS: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .default(Math.min(3, Math.max(0, availableParallelism() - 1))),
  /** …and only for books of at least this many customers (a worker boots the host's runtime first: at 20,000 customers one worker does not pay for itself yet). */
  IMPACT_WORKERS_FROM: z.coerce.number().int().min(1).default(50_000),
  /**
   * Background jobs (src/jobs: cooling-off settlement, the day close, points expiry, impact runs). `run`: on PostgreSQL
   * this node runs the job queue (graphile-worker over DATABASE_DIRECT_URL ?? DATABASE_URL) and its schedule; on PGlite
   * it runs the schedule in-process. `enqueue`: PostgreSQL only — this node adds jobs but runs none (`npm run worker`
   * nodes run them). `off`: no queue and no schedule; impact runs run in the requesting process, the scheduled commands
   * are started by an outside scheduler.
   */
  JOBS: z.enum(['run', 'enqueue', 'off']).default('run'),
  /** Jobs one node runs at once (its queue pool holds this many connections plus two, and one more for presence). */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * Background jobs that run without the statement timeout (the day close, points expiry, partition maintenance)
   * give up a lock they waited this long for (SQLSTATE 55P03): the job fails and is retried with backoff, instead
   * of holding its worker while a lock holder on a live node keeps it waiting. 0: wait for ever.
   */
  JOB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * `npm run worker` serves /metrics, /healthz and /readyz on this port (at HOST); unset: a job node listens on
   * nothing. Its own variable, not PORT: a job node and an API node often share a machine (and an environment).
   */
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Trusted documents: path of the manifest (hash → document) the typed client's codegen produces; unset: off (development). */
  TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  /** `enforce`: only the manifest's operations run; `allow-unknown`: others run too, logged (the step before enforcing). */
  TRUSTED_DOCUMENTS_MODE: z.enum(['enforce', 'allow-unknown']).default('enforce'),
  /** OTLP/HTTP collector base URL (e.g. http://otel-collector:4318): traces are exported to `<url>/v1/traces`; unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** `service.name` of the exported traces. */
  OTEL_SERVICE_NAME: z.string().min(1).default('finmart'),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Unset: /metrics is served outside production, and in production only with METRICS_TOKEN; `true`: always; `false`: never. */
  METRICS_ENABLED: bool.optional(),
  /** Serve the schema as an Apollo Federation 2 subgraph (`_service`, `_entities`), for a gateway to compose; off: the plain schema. */
  FEDERATION_SUBGRAPH: bool.default(false),
  /** Lines partners run as their own subgraphs: `<code>=<LINE>:<TypeName>[/<QUALIFICATION>]@<url>`, comma-separated (src/remote-lines/config.ts). */
  REMOTE_LINES: z.string().optional(),
  /** How long the host waits for a remote line's suitability verdicts (one batched call); past it: BLOCK RULE_ERROR for that line's products. */
  REMOTE_LINES_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1000),
});

export type RawConfig = z.infer<typeof configSchema>;

/** Validated configuration. */
export interface Config extends Omit<RawConfig, 'SEED_ON_EMPTY' | 'GRAPHQL_SUGGESTIONS' | 'GRAPHIQL'> {
  /** Resolved: the variable when set, otherwise true except in production. */
  GRAPHIQL: boolean;
  /** Resolved: the variable when set, otherwise true except in production. */
  SEED_ON_EMPTY: boolean;
  /** Resolved: the variable when set, otherwise true except in production. */
  GRAPHQL_SUGGESTIONS: boolean;
  /** Plugin codes to load; undefined = every installed plugin. */
  pluginCodes?: string[];
  /** Plugin codes whose host-version range the operator chose to ignore. */
  incompatibleOverrides: string[];
  /** The development HS256 secret; set in every environment but production. */
  jwtSecret?: string;
  /** The key card numbers are hashed under; undefined (production without CARD_NUMBER_HASH_KEY): card look-up off. */
  cardNumberKey?: string;
  /** The manifest of TRUSTED_DOCUMENTS, read and checked at start; undefined: any operation runs. */
  trustedDocuments?: TrustedDocuments;
  /** REMOTE_LINES, parsed: lines served by partners' subgraphs (none when unset). */
  remoteLines: RemoteLineConfig[];
  /** DATABASE_REPLICA_URLS, parsed: the read replicas (none when unset). */
  replicas: ReplicaConfig[];
}

/** A configuration problem, naming every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Fixed development secret: tokens printed by `npm run token` work against `npm start`. */
/** The development key card numbers are hashed under: published, so production sets CARD_NUMBER_HASH_KEY of its own. */
export const DEVELOPMENT_CARD_NUMBER_KEY = 'finmart-development-card-number-key-do-not-use';

export const DEVELOPMENT_JWT_SECRET = 'finmart-development-secret-do-not-use-in-production';

const splitList = (v?: string) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** Reads and validates the environment; throws {@link ConfigError} naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !raw.JWT_SECRET && !raw.JWT_PUBLIC_KEY && !raw.JWKS_URL) {
    problems.push('JWT_SECRET / JWT_PUBLIC_KEY / JWKS_URL: one is required in production');
  }
  // Outside production the published secret is the point (npm run token); in
  // production anyone could mint a head-office token with it.
  const weakness = production && raw.JWT_SECRET ? secretWeakness(raw.JWT_SECRET, { developmentSecret: DEVELOPMENT_JWT_SECRET }) : undefined;
  if (weakness) problems.push(`JWT_SECRET: ${weakness}; production needs a secret of its own`);
  if (production && raw.CARD_NUMBER_HASH_KEY === DEVELOPMENT_CARD_NUMBER_KEY)
    problems.push('CARD_NUMBER_HASH_KEY: the development key is published; production needs a key of its own');
  if (raw.RATE_LIMIT_COST_PER_MINUTE < raw.GRAPHQL_MAX_COST) {
    problems.push(`RATE_LIMIT_COST_PER_MINUTE: must be at least GRAPHQL_MAX_COST (${raw.GRAPHQL_MAX_COST}), or the costliest allowed query could never run`);
  }
  const trustedDocuments = trustedDocumentsSetting(raw.TRUSTED_DOCUMENTS, raw.TRUSTED_DOCUMENTS_MODE, problems);
  const remote = parseRemoteLines(raw.REMOTE_LINES);
  problems.push(...remote.problems);
  const pluginCodes = splitList(raw.PLUGINS);
  for (const l of remote.lines) {
    if (pluginCodes?.includes(l.code))
      problems.push(`REMOTE_LINES: ${l.code} is also in PLUGINS; a line is served either by a local plugin or remotely, not both`);
  }
  const replicaUrls = parseReplicaUrls(raw.DATABASE_REPLICA_URLS);
  problems.push(...replicaUrls.problems);
  if (replicaUrls.replicas.length > 0 && !raw.DATABASE_URL)
    problems.push('DATABASE_REPLICA_URLS: read replicas need DATABASE_URL (a PostgreSQL primary); embedded PGlite has none');
  if (problems.length) throw new ConfigError(problems);
  return {
    ...raw,
    SEED_ON_EMPTY: raw.SEED_ON_EMPTY ?? !production,
    GRAPHQL_SUGGESTIONS: raw.GRAPHQL_SUGGESTIONS ?? !production,
    GRAPHIQL: raw.GRAPHIQL ?? !production,
    pluginCodes,
    incompatibleOverrides: splitList(raw.ALLOW_INCOMPATIBLE_PLUGINS) ?? [],
    jwtSecret: raw.JWT_SECRET ?? (raw.NODE_ENV === 'production' ? undefined : DEVELOPMENT_JWT_SECRET),
    cardNumberKey: raw.CARD_NUMBER_HASH_KEY ?? (production ? undefined : DEVELOPMENT_CARD_NUMBER_KEY),
    trustedDocuments,
    remoteLines: remote.lines,
    replicas: replicaUrls.replicas,
  };
}
