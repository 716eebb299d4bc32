import postgres from 'postgres';
import type { Logger } from '../logger.js';
import type { ReplicaConfig } from './replica-config.js';

/**
 * Health and lag of the primary and its read replicas, polled every few seconds on connections of their
 * own (one per replica, two to the primary — never the serving pools, so a check is not queued behind
 * requests and a saturated pool does not look like a dead node). Routing (src/db/replicas.ts) reads the
 * last poll: it never waits for a check.
 */

/** Why a replica receives no reads. */
export type SkipReason = 'unchecked' | 'down' | 'not_standby' | 'lagging';

/** What the last check of one node found. */
export interface NodeStatus {
  /** The node's label (`primary`, or the replica's configured name). */
  name: string;
  role: 'primary' | 'replica';
  /** The last check answered. */
  up: boolean;
  /** Reads may be routed here: a replica that answered, is a standby and is within REPLICA_MAX_LAG_MS. */
  usable: boolean;
  /** Why a replica is not usable. */
  reason?: SkipReason;
  /** When the node was last checked (or marked down by a failed statement). */
  checkedAt?: Date;
  /** Replica: how stale its data may be, in ms (an upper bound, see {@link estimateLagMs}); undefined while unknown. */
  lagMs?: number;
  /** Replica: WAL bytes between the primary's position at the same poll and the replica's replay position. */
  lagBytes?: number;
  /** Primary: its WAL position (`pg_current_wal_lsn`); replica: the position it has replayed (`pg_last_wal_replay_lsn`). */
  lsn?: bigint;
  /** The last failure's code (SQLSTATE, socket code or `timeout`), never its message. */
  error?: string;
}

/** One observation of the primary's WAL position. */
export interface LsnObservation {
  /** `Date.now()` when it was read. */
  at: number;
  lsn: bigint;
}

/** Parses a PostgreSQL LSN (`16/B374D848`) into a number; undefined unless well formed. */
export function parseLsn(text: string | null | undefined): bigint | undefined {
  if (!text) return undefined;
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : undefined;
}

/** Formats an LSN the way PostgreSQL prints it (`16/B374D848`). */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * How stale a replica's data may be, in ms: an upper bound, the smaller of two.
 *
 * - `now() - pg_last_xact_replay_timestamp()` (`sinceReplayMs`): the replica holds every commit up to the last
 *   one it replayed. On a primary that commits nothing for a while this grows although the replica lacks
 *   nothing, so alone it would skip healthy replicas of a quiet bank.
 * - The age of the newest primary position the replica has replayed past (`history`, the primary's position
 *   read at each poll, just before the replicas): the replica holds everything the primary had then. A few
 *   milliseconds for a replica that keeps up, exact to the poll interval otherwise, and needing only this
 *   process's clock. It grows, too, while the monitor cannot read the primary's position.
 *
 * Undefined when neither bound is known (the replica has replayed nothing yet): the caller treats that as too
 * far behind.
 */
export function estimateLagMs(input: {
  now: number;
  replayLsn?: bigint;
  sinceReplayMs?: number | null;
  history: readonly LsnObservation[];
}): number | undefined {
  const { now, replayLsn, sinceReplayMs, history } = input;
  if (replayLsn === undefined) return undefined;
  let bound: number | undefined = typeof sinceReplayMs === 'number' && Number.isFinite(sinceReplayMs) ? Math.max(0, sinceReplayMs) : undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.lsn <= replayLsn) {
      const age = Math.max(0, now - h.at);
      bound = bound === undefined ? age : Math.min(bound, age);
      break;
    }
  }
  return bound;
}

/** Options of {@link ReplicationMonitor}. */
export interface ReplicationMonitorOptions {
  /** The primary, directly (not through a transaction pooler): the monitor reads `pg_current_wal_lsn()`. */
  primaryUrl: string;
  replicas: readonly ReplicaConfig[];
  /** Poll period (REPLICA_HEALTH_INTERVAL_MS). */
  intervalMs: number;
  /** A replica staler than this is skipped (REPLICA_MAX_LAG_MS). */
  maxLagMs: number;
  /** Gives up connecting after this long (DB_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs: number;
  /** Whether `primaryUrl` / the replicas' URLs lead through PgBouncer (DATABASE_POOLER): it refuses a `statement_timeout` startup parameter. */
  primaryPooled?: boolean;
  replicasPooled?: boolean;
  log: Logger;
}

const errorCode = (e: unknown): string => {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code) ? code : 'error';
};

/**
 * Polls the primary's WAL position and each replica's state, replay position and lag; keeps the last
 * {@link NodeStatus} of each node. A statement that fails on a replica marks it down at once
 * ({@link markDown}) until the next poll finds it answering.
 */
export class ReplicationMonitor {
  readonly #opts: ReplicationMonitorOptions;
  readonly #primary: postgres.Sql;
  readonly #replicas: Map<string, postgres.Sql>;
  readonly #status = new Map<string, NodeStatus>();
  readonly #history: LsnObservation[] = [];
  readonly #historyCap: number;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #closed = false;

  constructor(opts: ReplicationMonitorOptions) {
    this.#opts = opts;
    const client = (url: string, max: number, pooled: boolean | undefined) =>
      postgres(url, {
        max,
        // Unnamed statements only: the monitor may go through a pooler, and a prepared statement buys nothing here.
        prepare: false,
        onnotice: () => {},
        connect_timeout: Math.max(1, Math.ceil(opts.connectTimeoutMs / 1000)),
        idle_timeout: 0,
        // Named so that a DBA (and the replica test) can tell the monitor's statements from the serving pools'.
        connection: { application_name: 'finmart-replica-monitor', ...(pooled ? {} : { statement_timeout: Math.max(1000, opts.intervalMs) }) },
      });
    this.#primary = client(opts.primaryUrl, 2, opts.primaryPooled);
    this.#replicas = new Map(opts.replicas.map((r) => [r.name, client(r.url, 1, opts.replicasPooled)]));
    this.#status.set('primary', { name: 'primary', role: 'primary', up: false, usable: false });
    for (const r of opts.replicas) this.#status.set(r.name, { name: r.name, role: 'replica', up: false, usable: false, reason: 'unchecked' });
    // Enough positions to measure a lag a little past the limit to the poll interval's precision.
    this.#historyCap = Math.min(1000, Math.max(8, Math.ceil((2 * opts.maxLagMs) / opts.intervalMs) + 2));
  }

  /** Runs the first check (so that the first requests already use the replicas that answer), then polls. */
  async start(): Promise<void> {
    await this.check();
    if (this.#closed) return;
    this.#timer = setInterval(() => void this.check(), this.#opts.intervalMs);
    this.#timer.unref();
  }

  /** One round: the primary's position first, then every replica at once. A round still running is joined, not doubled. */
  check(): Promise<void> {
    this.#round ??= this.#checkAll().finally(() => (this.#round = undefined));
    return this.#round;
  }

  /** The last known status of every node, primary first. */
  statuses(): NodeStatus[] {
    return [...this.#status.values()].map((s) => ({ ...s }));
  }

  /** The last known status of one node. */
  status(name: string): NodeStatus | undefined {
    return this.#status.get(name);
  }

  /**
   * Marks a replica down at once (a statement routed to it failed to connect): no further reads go
   * there until a poll finds it answering again.
   */
  markDown(name: string, error: unknown): void {
    const s = this.#status.get(name);
    if (!s || s.role !== 'replica') return;
    const was = s.usable;
    Object.assign(s, {
      up: false,
      usable: false,
      reason: 'down' as const,
      error: errorCode(error),
      checkedAt: new Date(),
      lagMs: undefined,
      lagBytes: undefined,
    });
    if (was) this.#opts.log.warn({ node: name, code: s.error }, 'read replica failed a statement: reads go to the primary until it answers again');
  }

  /** The primary's current WAL position, read now (a mutation's response carries it); undefined if it cannot be read. */
  async primaryLsn(): Promise<bigint | undefined> {
    try {
      const [row] = await this.#primary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
      return parseLsn(row?.lsn);
    } catch (e) {
      this.#opts.log.warn({ code: errorCode(e) }, 'could not read the primary WAL position');
      return undefined;
    }
  }

  /** Stops polling and closes the monitor's connections. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#round?.catch(() => {});
    await Promise.all([this.#primary, ...this.#replicas.values()].map((c) => c.end({ timeout: 2 }).catch(() => {})));
  }

  async #checkAll(): Promise<void> {
    if (this.#closed) return;
    await this.#checkPrimary();
    await Promise.all([...this.#replicas].map(([name, client]) => this.#checkReplica(name, client)));
  }

  /** Bounded: a node that neither answers nor refuses must not hold the round past the next one. */
  #bounded<T>(p: Promise<T>): Promise<T> {
    const ms = Math.max(1000, this.#opts.intervalMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('health check timed out'), { code: 'timeout' })), ms);
      timer.unref();
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  async #checkPrimary(): Promise<void> {
    const s = this.#status.get('primary')!;
    try {
      const [row] = await this.#bounded(this.#primary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`);
      const lsn = parseLsn(row?.lsn);
      Object.assign(s, { up: true, usable: true, error: undefined, checkedAt: new Date(), lsn });
      if (lsn !== undefined) {
        this.#history.push({ at: Date.now(), lsn });
        if (this.#history.length > this.#historyCap) this.#history.splice(0, this.#history.length - this.#historyCap);
      }
    } catch (e) {
      Object.assign(s, { up: false, usable: false, error: errorCode(e), checkedAt: new Date() });
    }
  }

  async #checkReplica(name: string, client: postgres.Sql): Promise<void> {
    const s = this.#status.get(name)!;
    const wasUsable = s.usable;
    const before = s.reason;
    try {
      const [row] = await this.#bounded(
        client<{ standby: boolean; replay_lsn: string | null; since_replay_ms: number | null }[]>`select pg_is_in_recovery() as standby,
          pg_last_wal_replay_lsn()::text as replay_lsn,
          (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as since_replay_ms`,
      );
      const replayLsn = parseLsn(row?.replay_lsn);
      const newest = this.#history[this.#history.length - 1];
      const lagMs = row?.standby ? estimateLagMs({ now: Date.now(), replayLsn, sinceReplayMs: row.since_replay_ms, history: this.#history }) : undefined;
      const lagBytes = replayLsn !== undefined && newest ? Number(newest.lsn > replayLsn ? newest.lsn - replayLsn : 0n) : undefined;
      // A promoted replica is a primary of its own (its writes are not ours): never read from it.
      const reason: SkipReason | undefined = !row?.standby ? 'not_standby' : lagMs === undefined || lagMs > this.#opts.maxLagMs ? 'lagging' : undefined;
      Object.assign(s, { up: true, usable: reason === undefined, reason, error: undefined, checkedAt: new Date(), lagMs, lagBytes, lsn: replayLsn });
    } catch (e) {
      Object.assign(s, {
        up: false,
        usable: false,
        reason: 'down' as const,
        error: errorCode(e),
        checkedAt: new Date(),
        lagMs: undefined,
        lagBytes: undefined,
      });
    }
    if (wasUsable && !s.usable) this.#opts.log.warn({ node: name, reason: s.reason, code: s.error, lagMs: s.lagMs }, 'read replica skipped');
    else if (!wasUsable && s.usable && before !== 'unchecked') this.#opts.log.info({ node: name, lagMs: s.lagMs }, 'read replica back in use');
  }
}
