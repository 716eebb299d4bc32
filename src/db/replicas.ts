import { entityKind } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { PgDatabase, PgDialect, PgPreparedQuery, PgSession, type PgTransactionConfig, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Config } from '../config/config.js';
import type { Logger } from '../logger.js';
import { asyncScope } from '../observability/async-scope.js';
import { openDatabase, type Database, type Db } from './client.js';
import type { ReplicaConfig } from './replica-config.js';
import { ReplicationMonitor, type NodeStatus } from './replica-health.js';
import { statementCountingLogger } from './statement-counter.js';
import { databaseUnavailable } from './unavailable.js';

/**
 * Read replicas: the reads of a query request go to a streaming replica, everything else to the primary.
 *
 * The routing is done per statement, on its SQL text, below drizzle (a session that hands each statement to
 * a node's own session), so it holds however the code issues a statement — `db.select()`, `db.execute(sql`…`)`,
 * a DataLoader, a plugin's query:
 *
 * - a statement goes to a replica only when the request's scope names one (`readReplica` of the async scope,
 *   set for query operations by src/http/read-routing.ts) AND its text is a plain read
 *   ({@link isReadOnlyStatement}: `select`/`with`/`values` with no data-modifying keyword, no locking clause,
 *   no function that writes). Everything else — every insert, update and delete however written, `select … for
 *   update`, every statement of a transaction (`db.transaction` runs on the primary's session), migrations,
 *   seeding, scheduled commands, background work outside a request — runs on the primary;
 * - the first write of a request sends its remaining reads to the primary too, so a request reads what it wrote
 *   (the audit insert of a query is its last statement; a lazy write in a query path is followed by primary reads).
 *   Code that decides a write from a read does both in one transaction — on the primary, like any transaction;
 * - a read whose replica fails to connect, shuts down, or cancels it for a recovery conflict is run again on the
 *   primary (a read has no effect, so running it twice is safe), and the replica is marked down at once.
 *
 * Which replica a request may use, and whether the caller's recent writes allow one at all, is decided by
 * {@link ReplicaSet.chooseReplica}.
 */

/** Where a query request's reads went, and why (a metric label). */
export type RouteReason =
  /** A usable replica that has replayed whatever the caller must see. */
  | 'replica'
  /** Mutations (and everything outside a query) run on the primary. */
  | 'mutation'
  /** The caller wrote recently (on this node) or sent an LSN, and no usable replica has replayed it yet. */
  | 'not_replayed'
  /** No replica answers, is a standby and is within REPLICA_MAX_LAG_MS. */
  | 'no_usable_replica';

/** Receives routing events (the metrics of src/db/replica-metrics.ts). */
export interface ReplicaSetObserver {
  /** One statement ran on `node`. */
  statement(node: string): void;
  /** One GraphQL operation's reads were routed to `target`. */
  routed(target: 'primary' | 'replica', reason: RouteReason): void;
  /** A statement failed on replica `node` and ran again on the primary. */
  failover(node: string): void;
}

/** Options of {@link withReadReplicas}. */
export interface ReadReplicaOptions {
  replicas: readonly ReplicaConfig[];
  /** The primary, directly (DATABASE_DIRECT_URL, else DATABASE_URL): the monitor reads its WAL position there. */
  primaryUrl: string;
  /** REPLICA_READ_YOUR_WRITES_MS: after a mutation, its caller's reads on this node need a replica that has replayed it. */
  readYourWritesMs: number;
  /** REPLICA_MAX_LAG_MS. */
  maxLagMs: number;
  /** REPLICA_HEALTH_INTERVAL_MS. */
  healthIntervalMs: number;
  /** DB_CONNECT_TIMEOUT_MS and DB_STATEMENT_TIMEOUT_MS, as for the primary's pool. */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** Serving pool size per replica (default: openDatabase's). */
  maxConnections?: number;
  /** DATABASE_POOLER: the replicas' URLs are taken to lead where DATABASE_URL does (PostgreSQL, or PgBouncer in transaction mode). */
  pooler?: 'none' | 'pgbouncer';
  /** Whether `primaryUrl` leads through that pooler (no DATABASE_DIRECT_URL). */
  primaryPooled?: boolean;
  log: Logger;
}

/** The read-replica options of a configuration (no replica when DATABASE_REPLICA_URLS is unset). */
export function readReplicaOptions(config: Config, log: Logger): ReadReplicaOptions {
  const pooled = config.DATABASE_POOLER === 'pgbouncer';
  return {
    replicas: config.replicas ?? [],
    primaryUrl: config.DATABASE_DIRECT_URL ?? config.DATABASE_URL ?? '',
    primaryPooled: pooled && !config.DATABASE_DIRECT_URL,
    pooler: config.DATABASE_POOLER,
    readYourWritesMs: config.REPLICA_READ_YOUR_WRITES_MS,
    maxLagMs: config.REPLICA_MAX_LAG_MS,
    healthIntervalMs: config.REPLICA_HEALTH_INTERVAL_MS,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    log,
  };
}

/** A database whose query reads may go to replicas. */
export interface ReplicatedDatabase extends Database {
  replicas: ReplicaSet;
}

/** The replica set behind `database`, if it has one. */
export function replicaSetOf(database: Database): ReplicaSet | undefined {
  return (database as Partial<ReplicatedDatabase>).replicas;
}

/**
 * Wraps an open PostgreSQL primary (what `openDatabase` returned) with read replicas: opens a serving pool per
 * replica, starts the health monitor (its first round is awaited, so the first requests use the replicas that
 * answer) and returns a {@link ReplicatedDatabase} whose `db` routes statements. Without replicas, returns
 * `primary` itself. Closing it closes the replicas, the monitor and then the primary.
 */
export async function withReadReplicas(primary: Database, opts: ReadReplicaOptions): Promise<Database> {
  if (opts.replicas.length === 0) return primary;
  if (primary.driver !== 'postgres') throw new Error('Read replicas need PostgreSQL (DATABASE_URL)');
  const pools = await Promise.all(
    opts.replicas.map((r) =>
      openDatabase({
        url: r.url,
        maxConnections: opts.maxConnections,
        connectTimeoutMs: opts.connectTimeoutMs,
        statementTimeoutMs: opts.statementTimeoutMs,
        pooler: opts.pooler,
      }),
    ),
  );
  const monitor = new ReplicationMonitor({
    primaryUrl: opts.primaryUrl,
    replicas: opts.replicas,
    intervalMs: opts.healthIntervalMs,
    maxLagMs: opts.maxLagMs,
    connectTimeoutMs: opts.connectTimeoutMs ?? 2000,
    primaryPooled: opts.primaryPooled,
    replicasPooled: opts.pooler === 'pgbouncer',
    log: opts.log,
  });
  const set = new ReplicaSet(
    primary,
    opts.replicas.map((r, i) => ({ name: r.name, database: pools[i]! })),
    monitor,
    opts,
  );
  try {
    await monitor.start();
  } catch (e) {
    await set.close();
    throw e;
  }
  const replicated: ReplicatedDatabase = {
    db: set.db,
    driver: 'postgres',
    maxConnections: primary.maxConnections,
    ping: () => primary.ping(),
    // Migrations and seeding: the primary, as before.
    unbounded: (fn, o) => primary.unbounded(fn, o),
    replicas: set,
    async close() {
      await set.close();
      await primary.close();
    },
  };
  return replicated;
}

// ----------------------------------------------------------------------------------------------- statements

// Literals, quoted identifiers and comments are blanked first: a column named "update", a code 'DELETE' or a
// comment does not make a read a write. Dollar-quote tags cannot start with a digit ($1 is a parameter).
const NOT_CODE = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g;
const READ_START = /^[\s(]*(?:select|with|values|table)\b/i;
/**
 * What a read-only statement never contains: data-modifying statements (also inside a `with`), `select … into`,
 * locking clauses (`for update`, `for no key update`, `for share`, `for key share`), and functions that write,
 * take locks, need a primary or send notifications.
 */
const WRITE_MARK =
  /\b(?:insert|update|delete|merge|truncate|copy|into|lock|call|share|nextval|setval|set_config|pg_advisory\w*|pg_try_advisory\w*|pg_export_snapshot|pg_current_wal\w*|txid_current\w*|pg_current_xact_id\w*|pg_notify|pg_terminate_backend|pg_cancel_backend|lo_\w+|dblink\w*)\b/i;
const classified = new Map<string, boolean>();
const CLASSIFIED_CAP = 10_000;

/**
 * True when `text` is a statement a hot standby can run and that changes nothing: it starts as a read and
 * carries no write marker. Conservative: anything in doubt is a write (and runs on the primary).
 */
export function isReadOnlyStatement(text: string): boolean {
  let found = classified.get(text);
  if (found === undefined) {
    const code = text.replace(NOT_CODE, ' ');
    found = READ_START.test(code) && !WRITE_MARK.test(code);
    // Statement texts are few (parameters are separate): the cache stays small; a flood of distinct raw SQL resets it.
    if (classified.size >= CLASSIFIED_CAP) classified.clear();
    classified.set(text, found);
  }
  return found;
}

/** The SQLSTATE of `e` or of what it wraps (drizzle wraps the driver's error in `cause`). */
function sqlState(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== 'object' || depth > 4) return undefined;
  const x = e as { code?: unknown; name?: unknown; cause?: unknown };
  if (x.name === 'PostgresError' && typeof x.code === 'string') return x.code;
  return sqlState(x.cause, depth + 1);
}

/**
 * Whether a read that failed on a replica should run again on the primary: the replica cannot be reached or is
 * shutting down (not a statement timeout: the primary would only take as long), it cancelled the statement for
 * a conflict with recovery (40001, 40P01), or it refused the statement as a write (25006: the classification
 * let one through — the primary runs it, and the log says so).
 */
export function worthFailover(e: unknown): 'down' | 'conflict' | 'write' | undefined {
  const state = sqlState(e);
  if (state === '25006') return 'write';
  if (state === '40001' || state === '40P01') return 'conflict';
  const unavailable = databaseUnavailable(e);
  if (unavailable && unavailable.cause !== 'statement_timeout' && unavailable.cause !== 'lock_timeout') return 'down';
  return undefined;
}

// --------------------------------------------------------------------------------------------------- nodes

interface Node {
  name: string;
  role: 'primary' | 'replica';
  /** The node's own drizzle session (postgres.js), whose logger counts statements per node and per request. */
  session: PgSession;
  /** A replica's serving pool (closed with the set); the primary's belongs to its opener. */
  database?: Database;
  statements: number;
}

type PrepareArgs = Parameters<PgSession['prepareQuery']>;

/** The write window of one caller on this node. */
interface RecentWrite {
  /** `Date.now()` past which the caller's reads no longer need this write. */
  until: number;
  /** The primary's WAL position after the write; undefined when it could not be read (then: the primary). */
  lsn?: bigint;
}

/** What the set needs of the health monitor (a {@link ReplicationMonitor}; tests hand a fake). */
export type ReplicationHealth = Pick<ReplicationMonitor, 'status' | 'statuses' | 'check' | 'markDown' | 'primaryLsn' | 'close'>;

/** Callers remembered at most (each a few dozen bytes); the oldest are forgotten first. */
const MAX_RECENT_WRITERS = 100_000;

/**
 * The primary and its replicas: the routing handle (`db`), the health monitor, the callers' recent writes and
 * the choice of a replica for a request.
 */
export class ReplicaSet {
  /** The routing drizzle handle (what `runtime.database.db` is). */
  readonly db: Db;
  readonly #primary: Node;
  readonly #replicas: Map<string, Node>;
  readonly #monitor: ReplicationHealth;
  readonly #opts: Pick<ReadReplicaOptions, 'readYourWritesMs' | 'log'>;
  readonly #recent = new Map<string, RecentWrite>();
  #observer: ReplicaSetObserver | undefined;
  #next = 0;

  constructor(
    primary: Database,
    replicas: { name: string; database: Database }[],
    monitor: ReplicationHealth,
    opts: Pick<ReadReplicaOptions, 'readYourWritesMs' | 'log'>,
  ) {
    this.#opts = opts;
    this.#monitor = monitor;
    this.#primary = this.#node('primary', 'primary', primary);
    this.#replicas = new Map(replicas.map((r) => [r.name, this.#node(r.name, 'replica', r.database)]));
    this.db = new PgDatabase(new PgDialect(), new RoutingSession(this), undefined) as unknown as Db;
  }

  /** Node names, primary first (metric labels). */
  get nodeNames(): string[] {
    return [this.#primary.name, ...this.#replicas.keys()];
  }

  /** The last health check of every node (primary first). */
  statuses(): NodeStatus[] {
    return this.#monitor.statuses();
  }

  /** Statements each node ran since start (the same count x-sql-statements adds up per request). */
  statementCounts(): Record<string, number> {
    return Object.fromEntries([this.#primary, ...this.#replicas.values()].map((n) => [n.name, n.statements]));
  }

  /** Runs one health round now (tests; an operator's probe). */
  checkNow(): Promise<void> {
    return this.#monitor.check();
  }

  /** Routing events go to `observer` (one; the host's metrics). */
  observe(observer: ReplicaSetObserver): void {
    this.#observer = observer;
  }

  /**
   * The replica a query request of `subject` may read from, or undefined for the primary. A replica must be
   * usable (answering, a standby, within REPLICA_MAX_LAG_MS) and have replayed the newest of: the LSN the
   * request carries (`requiredLsn`, from the x-finmart-lsn header or cookie a mutation's response set — on
   * whichever node) and the caller's last mutation on this node within REPLICA_READ_YOUR_WRITES_MS. Replicas
   * that qualify take requests in turn.
   */
  chooseReplica(subject: string, requiredLsn?: bigint): string | undefined {
    const recent = this.#recentWrite(subject);
    const usable = [...this.#replicas.keys()].filter((name) => this.#monitor.status(name)?.usable);
    if (usable.length === 0) return this.#routed(undefined, 'no_usable_replica');
    // A recent write whose position is unknown can be seen only on the primary.
    if (recent && recent.lsn === undefined) return this.#routed(undefined, 'not_replayed');
    const needed = [requiredLsn, recent?.lsn].reduce<bigint | undefined>((a, b) => (b === undefined ? a : a === undefined || b > a ? b : a), undefined);
    const ready = needed === undefined ? usable : usable.filter((name) => (this.#monitor.status(name)?.lsn ?? -1n) >= needed);
    if (ready.length === 0) return this.#routed(undefined, 'not_replayed');
    return this.#routed(ready[this.#next++ % ready.length], 'replica');
  }

  /** A mutation's reads and writes: the primary (counted for the routing metric). */
  routedToPrimary(): void {
    this.#observer?.routed('primary', 'mutation');
  }

  /**
   * Records that `subject` just wrote, up to WAL position `lsn` (undefined: unknown): for the read-your-writes
   * window their next reads on this node need a replica that has replayed it, or the primary.
   */
  noteWrite(subject: string, lsn: bigint | undefined): void {
    if (this.#opts.readYourWritesMs <= 0) return;
    const now = Date.now();
    // Re-inserted at the end: the map stays ordered by time, so expired entries are at its front.
    this.#recent.delete(subject);
    this.#recent.set(subject, { until: now + this.#opts.readYourWritesMs, lsn });
    for (const [key, w] of this.#recent) {
      if (w.until > now && this.#recent.size <= MAX_RECENT_WRITERS) break;
      this.#recent.delete(key);
    }
  }

  /** The primary's current WAL position (for a mutation's response); undefined if it cannot be read. */
  primaryLsn(): Promise<bigint | undefined> {
    return this.#monitor.primaryLsn();
  }

  /** Stops the monitor and closes the replicas' pools (not the primary's: its opener closes it). */
  async close(): Promise<void> {
    await this.#monitor.close();
    await Promise.all([...this.#replicas.values()].map((n) => n.database?.close().catch(() => {})));
  }

  // Used by the routing session and its prepared queries.

  /** @internal The primary's node. */
  get primary(): Node {
    return this.#primary;
  }

  /** @internal The node a read of the current scope goes to. */
  readTarget(): Node {
    const scope = asyncScope.getStore();
    const name = scope?.readReplica;
    if (!scope || !name) return this.#primary;
    const node = this.#replicas.get(name);
    if (node && this.#monitor.status(name)?.usable) return node;
    // The replica fell out (down, lagging) since the request started: the rest of the request reads the primary.
    scope.readReplica = undefined;
    return this.#primary;
  }

  /** @internal A read failed on `node` (see {@link worthFailover}): it runs again on the primary. */
  failedOver(node: Node, why: 'down' | 'conflict' | 'write', error: unknown): void {
    this.#observer?.failover(node.name);
    if (why === 'down') this.#monitor.markDown(node.name, error);
    else if (why === 'write')
      this.#opts.log.warn({ node: node.name }, 'a statement classified as a read was refused by a replica as a write; ran it on the primary');
    const scope = asyncScope.getStore();
    if (scope?.readReplica === node.name) scope.readReplica = undefined;
  }

  #recentWrite(subject: string): RecentWrite | undefined {
    const w = this.#recent.get(subject);
    if (w && w.until <= Date.now()) {
      this.#recent.delete(subject);
      return undefined;
    }
    return w;
  }

  #routed(name: string | undefined, reason: RouteReason): string | undefined {
    this.#observer?.routed(name ? 'replica' : 'primary', reason);
    return name;
  }

  #node(name: string, role: 'primary' | 'replica', database: Database): Node {
    const client = (database.db as unknown as { $client?: unknown }).$client;
    if (!client) throw new Error(`Read replicas need a postgres.js database (${name})`);
    const node: Node = { name, role, session: undefined as unknown as PgSession, database: role === 'replica' ? database : undefined, statements: 0 };
    // The node's own drizzle over the same postgres.js pool: its logger counts the statement for the request
    // (x-sql-statements) and for the node.
    const logger: DrizzleLogger = {
      logQuery: (query, params) => {
        statementCountingLogger.logQuery(query, params);
        node.statements += 1;
        this.#observer?.statement(name);
      },
    };
    const db = drizzlePostgres(client as never, { logger });
    node.session = (db as unknown as { _: { session: PgSession } })._.session;
    return node;
  }
}

/** Hands each statement to the primary's or a replica's session; transactions to the primary's. */
class RoutingSession extends PgSession {
  static override readonly [entityKind]: string = 'FinmartRoutingSession';

  constructor(private readonly set: ReplicaSet) {
    super(new PgDialect());
  }

  override prepareQuery<T extends PreparedQueryConfig = PreparedQueryConfig>(...args: PrepareArgs): PgPreparedQuery<T> {
    if (!isReadOnlyStatement(args[0].sql)) {
      // A write: the primary, and the rest of this request's reads with it (it reads what it wrote).
      const scope = asyncScope.getStore();
      if (scope?.readReplica) scope.readReplica = undefined;
      return this.set.primary.session.prepareQuery(...args) as PgPreparedQuery<T>;
    }
    return new RoutedQuery<T>(this.set, args);
  }

  override transaction<T>(transaction: (tx: any) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
    // Every statement of a transaction, reads included, runs on the primary.
    return this.set.primary.session.transaction(transaction, config);
  }
}

/** A read: prepared on the node the scope reads from when it executes, again on the primary if that replica fails. */
class RoutedQuery<T extends PreparedQueryConfig> extends PgPreparedQuery<T> {
  static override readonly [entityKind]: string = 'FinmartRoutedQuery';

  constructor(
    private readonly set: ReplicaSet,
    private readonly args: PrepareArgs,
  ) {
    super(args[0], undefined, undefined, undefined);
  }

  override async execute(placeholderValues?: Record<string, unknown>): Promise<T['execute']> {
    return this.#run((q) => q.execute(placeholderValues) as Promise<T['execute']>);
  }

  all(placeholderValues?: Record<string, unknown>): Promise<T['all']> {
    return this.#run((q) => (q as unknown as { all(p?: Record<string, unknown>): Promise<T['all']> }).all(placeholderValues));
  }

  isResponseInArrayMode(): boolean {
    return this.args[3];
  }

  async #run<R>(run: (q: PgPreparedQuery<T>) => Promise<R>): Promise<R> {
    const node = this.set.readTarget();
    if (node.role === 'primary') return run(this.#on(node));
    try {
      return await run(this.#on(node));
    } catch (e) {
      const why = worthFailover(e);
      if (!why) throw e;
      this.set.failedOver(node, why, e);
      return run(this.#on(this.set.primary));
    }
  }

  /** The statement prepared on `node`'s session, with what the query builder set on this one after preparing it. */
  #on(node: Node): PgPreparedQuery<T> {
    const q = node.session.prepareQuery(...this.args) as PgPreparedQuery<T>;
    (q as unknown as { joinsNotNullableMap?: unknown }).joinsNotNullableMap = (this as unknown as { joinsNotNullableMap?: unknown }).joinsNotNullableMap;
    if (this.authToken !== undefined) (q as unknown as { setToken(t: unknown): void }).setToken(this.authToken);
    return q;
  }
}

export type { NodeStatus } from './replica-health.js';
