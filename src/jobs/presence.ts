import pg from 'pg';
import type { Logger } from '../logger.js';
import { JOB_SCHEMA } from './queue.js';

/**
 * First key of the advisory locks the job nodes take (`pg_advisory_lock(int, int)`): a name space of their
 * own, the second key being a worker id's hash. Any constant no other code uses.
 */
export const PRESENCE_LOCK_SPACE = 0x6a6f6273; // "jobs"

const RECONNECT_MS = 1000;

/**
 * Proof, kept in PostgreSQL, that a job worker is alive. graphile-worker 0.16 records which worker locked
 * a job (`locked_by`) but keeps no heartbeat: the job of a node that was killed stays locked until the lock
 * is 4 hours old. Here each worker holds a session advisory lock keyed by its id, on one connection of its
 * node, from before it takes its first job (the `startWorker` hook) until it stops (`stopWorker`). The
 * server ends a dead node's session — a killed process's socket closes at once — and with it the locks, so
 * "the lock is free" means "that worker is gone" ({@link deadWorkers}).
 */
export class WorkerPresence {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** Workers of this node that must hold their lock. */
  private readonly held = new Set<string>();
  /** The locks taken on each session (pending or held), by worker id. */
  private readonly locks = new WeakMap<pg.Client, Map<string, Promise<void>>>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly connectTimeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** Holds `workerId`'s lock; resolves once it is held (after a reconnect if need be), rejects once closed. */
  async hold(workerId: string): Promise<void> {
    this.held.add(workerId);
    await this.lock(await this.connection(), workerId);
  }

  /** Lets `workerId`'s lock go: a worker that stopped, even with a job still locked, is gone for the sweep. */
  async release(workerId: string): Promise<void> {
    this.held.delete(workerId);
    const client = this.client;
    if (!client || !this.locks.get(client)?.delete(workerId)) return;
    await client.query('select pg_advisory_unlock($1, hashtext($2))', [PRESENCE_LOCK_SPACE, workerId]).catch(() => {});
  }

  /** Takes a worker's lock on `client` once: session advisory locks stack, and one unlock must free it. */
  private lock(client: pg.Client, workerId: string): Promise<void> {
    let mine = this.locks.get(client);
    if (!mine) this.locks.set(client, (mine = new Map()));
    let taken = mine.get(workerId);
    if (!taken) {
      taken = client.query('select pg_advisory_lock($1, hashtext($2))', [PRESENCE_LOCK_SPACE, workerId]).then(() => {});
      mine.set(workerId, taken);
    }
    return taken;
  }

  /** This node's workers (those holding, or to hold, their lock). */
  workers(): ReadonlySet<string> {
    return this.held;
  }

  /** Ends the session: every lock of this node goes with it. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('worker presence closed'));
    if (this.client) return Promise.resolve(this.client);
    return (this.connecting ??= this.connect().finally(() => (this.connecting = null)));
  }

  private async connect(): Promise<pg.Client> {
    for (;;) {
      if (this.closed) throw new Error('worker presence closed');
      const client = new pg.Client({
        connectionString: this.connectionString,
        application_name: 'finmart-jobs-presence',
        connectionTimeoutMillis: this.connectTimeoutMs,
      });
      client.on('error', (e) => this.log.warn({ err: e }, 'job worker presence connection failed'));
      try {
        await client.connect();
        // The locks of workers that started while the session was down (or of all of them, after a reconnect).
        for (const id of this.held) await this.lock(client, id);
        client.on('end', () => {
          if (this.client !== client || this.closed) return;
          // Our locks went with the session: until they are back, other nodes may take this node's jobs for a dead
          // node's and run them again (every task is idempotent). Take them back at once.
          this.client = null;
          this.log.error('job worker presence connection lost; reconnecting');
          void this.connection().catch(() => {});
        });
        this.client = client;
        return client;
      } catch (e) {
        await client.end().catch(() => {});
        this.log.warn({ err: e }, 'job worker presence: cannot connect; retrying');
        await new Promise((r) => setTimeout(r, RECONNECT_MS).unref());
      }
    }
  }
}

/**
 * Workers holding a job whose presence lock no session holds: killed, or stopped without releasing it. Each
 * lock is tried for the length of the statement only (`pg_try_advisory_xact_lock`), from a session that holds
 * no presence lock, so a live worker's — this node's included — is never taken for a dead one's.
 */
export async function deadWorkers(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ worker: string }>(
    `select w.worker from (select distinct locked_by as worker from ${pg.escapeIdentifier(JOB_SCHEMA)}.jobs where locked_by is not null) w
     where pg_try_advisory_xact_lock($1, hashtext(w.worker))`,
    [PRESENCE_LOCK_SPACE],
  );
  return rows.map((r) => r.worker);
}
