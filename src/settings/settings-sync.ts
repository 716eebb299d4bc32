import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { Database, Db, Tx } from '../db/client.js';
import { resultRows } from '../db/result-rows.js';
import type { Logger } from '../logger.js';
import { asyncScope } from '../observability/async-scope.js';
import { SettingValueError, type AppliedSettings, type SettingsRegistry, type StoredSetting } from './registry.js';

/** The PostgreSQL channel every settings write notifies and every API node listens on. */
export const SETTINGS_CHANNEL = 'finmart_settings';

/** The listener's `application_name`: operators (and tests) find its session in `pg_stat_activity` by it. */
export const SETTINGS_LISTENER_NAME = 'finmart-settings-listener';

/**
 * Tells every node that the stored settings changed. Call it inside the transaction that writes
 * `bank_settings`: PostgreSQL delivers a notification only when that transaction commits (a rolled-back
 * change wakes nobody) and after the write is visible, so a node that reloads on it reads the new rows.
 * The payload (the key) only helps whoever watches the channel (`LISTEN finmart_settings` in psql): nodes
 * reload from the tables, never from a message that anyone with a connection could send. On PGlite (one process) it is delivered to nobody and costs one statement.
 */
export async function notifySettingsChanged(tx: Db | Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, ${key})`);
}

/**
 * Every stored setting and the settings version (the number of `setting_changes`), read by one
 * statement, hence from one snapshot: the version always belongs to the values read with it.
 */
export async function readStoredSettings(db: Db): Promise<{ rows: StoredSetting[]; version: number }> {
  const [row] = resultRows<{ version: number | string; rows: [string, unknown][] | string }>(
    await db.execute(sql`select (select count(*)::int from setting_changes) as version,
      coalesce((select jsonb_agg(jsonb_build_array(key, value) order by key) from bank_settings), '[]'::jsonb) as rows`),
  );
  const pairs = (typeof row!.rows === 'string' ? JSON.parse(row!.rows) : row!.rows) as [string, unknown][];
  return { rows: pairs.map(([key, value]) => ({ key, value })), version: Number(row!.version) };
}

/**
 * Reads the stored settings and the version from the database and applies them to `settings` in one step
 * ({@link SettingsRegistry.applyStored}). Throws {@link SettingValueError} (nothing applied) when a stored
 * value does not fit its setting's schema.
 */
export async function reloadSettings(db: Db, settings: SettingsRegistry): Promise<AppliedSettings> {
  const { rows, version } = await readStoredSettings(db);
  return settings.applyStored(rows, version);
}

/** Why a node reloaded its settings (the `reason` of the `settings reloaded` log line). */
export type ReloadReason = 'notify' | 'reconnect' | 'poll' | 'retry';

/** A running settings listener. */
export interface SettingsSync {
  /** Reloads that completed, by reason (tests, diagnostics). */
  readonly reloads: Readonly<Record<ReloadReason, number>>;
  /** Stops listening and waits for a reload in progress; idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startSettingsSync}. */
export interface SettingsSyncOptions {
  /**
   * A session-mode connection to the primary (DATABASE_DIRECT_URL) to LISTEN on: a transaction-mode pooler
   * hands the session's server connection to others between transactions and LISTEN goes with it. Omitted:
   * no LISTEN, only the reload every `pollMs`.
   */
  url?: string;
  /** Where reloads read (the serving pool: two plain selects). */
  db: Db;
  settings: SettingsRegistry;
  log: Logger;
  connectTimeoutMs?: number;
  /** Reload this often whatever was heard (default 30 s; 0 = never): the safety net for a half-open connection. */
  pollMs?: number;
  /** Retry a reload that failed (the database did not answer) after this long (default 1 s). */
  retryMs?: number;
}

/**
 * Keeps this node's settings in step with the database across nodes. One dedicated session LISTENs on
 * {@link SETTINGS_CHANNEL}; each notification reloads the stored settings and the version from the
 * database ({@link reloadSettings}) and puts them in force at once. Notifications that arrive while a
 * reload runs are folded into one more reload after it.
 *
 * A notification sent while the session was down is lost, so each time postgres.js re-establishes the
 * LISTEN (it reconnects on its own, with backoff) everything is reloaded. A connection that died without
 * the socket noticing (half-open) would hear nothing: a reload every `pollMs` bounds how stale a node can
 * get. A reload the database refused is retried after `retryMs`.
 *
 * Resolves once the LISTEN is in place: boot starts it before loading the settings, so no change can fall
 * between the load and the listen. Throws (and leaves nothing running) when the session cannot be opened.
 */
export async function startSettingsSync(opts: SettingsSyncOptions): Promise<SettingsSync> {
  const { db, settings, log } = opts;
  const retryMs = opts.retryMs ?? 1000;
  const pollMs = opts.pollMs ?? 30_000;
  const client = opts.url
    ? postgres(opts.url, {
        max: 1,
        onnotice: () => {},
        ...(opts.connectTimeoutMs ? { connect_timeout: opts.connectTimeoutMs / 1000 } : {}),
        connection: { application_name: SETTINGS_LISTENER_NAME },
      })
    : undefined;
  const reloads: Record<ReloadReason, number> = { notify: 0, reconnect: 0, poll: 0, retry: 0 };
  let closed = false;
  let running: Promise<void> | null = null;
  let pending: ReloadReason | null = null;
  let retryTimer: NodeJS.Timeout | undefined;

  const reload = (reason: ReloadReason): void => {
    if (closed) return;
    if (running) {
      // One more reload after the one running: it may have read the tables before this change committed.
      pending ??= reason;
      return;
    }
    running = (async () => {
      for (let next: ReloadReason | null = reason; next !== null && !closed; next = pending) {
        pending = null;
        const started = performance.now();
        try {
          // Outside any request's scope, so on the primary: a lagging read replica could still hold the rows before the change.
          const applied = await asyncScope.exit(() => reloadSettings(db, settings));
          reloads[next] += 1;
          // A poll that found nothing new is not news.
          if (applied.changed.length > 0 || next !== 'poll')
            log.info({ reason: next, version: applied.version, changed: applied.changed, ms: Math.round(performance.now() - started) }, 'settings reloaded');
        } catch (e) {
          if (closed) return;
          if (e instanceof SettingValueError) {
            // This node's code refuses a value the bank stored (another node runs a different plugin version): it
            // keeps its whole previous state rather than a mix that matches no version. Retrying cannot help.
            log.error({ err: e, setting: e.message }, 'stored settings refused; this node keeps its previous settings');
          } else {
            log.warn({ err: e, reason: next }, 'settings reload failed; retrying');
            clearTimeout(retryTimer);
            retryTimer = setTimeout(() => reload('retry'), retryMs);
            retryTimer.unref();
          }
        }
      }
    })().finally(() => {
      running = null;
    });
  };

  let listened = false;
  try {
    await client?.listen(
      SETTINGS_CHANNEL,
      // The payload (the key) is not used: what is reloaded comes from the tables.
      () => reload('notify'),
      () => {
        // postgres.js calls this on the first LISTEN and again after each reconnect.
        if (listened) {
          log.warn({ channel: SETTINGS_CHANNEL }, 'settings listener reconnected; reloading all settings');
          reload('reconnect');
        }
        listened = true;
      },
    );
  } catch (e) {
    // postgres.js would otherwise keep trying to re-listen in the background.
    await client?.end({ timeout: 0 }).catch(() => {});
    throw e;
  }
  const poll = pollMs > 0 ? setInterval(() => reload('poll'), pollMs) : undefined;
  poll?.unref();

  return {
    reloads,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      clearTimeout(retryTimer);
      // Not UNLISTEN: with the server gone it would wait for a connection. Ending the client drops the session.
      await client?.end({ timeout: 0 }).catch(() => {});
      await running;
    },
  };
}

/**
 * The host's settings sync for its configuration: none on PGlite (one process: the node that changes a setting
 * is the only one). On PostgreSQL, LISTEN over DATABASE_DIRECT_URL, else over DATABASE_URL unless that is a
 * transaction-mode PgBouncer — then the periodic reload alone, with a warning.
 */
export async function syncSettingsAcrossNodes(opts: {
  config: Config;
  database: Database;
  settings: SettingsRegistry;
  log: Logger;
}): Promise<SettingsSync | undefined> {
  const { config, database, log } = opts;
  if (database.driver !== 'postgres' || !config.DATABASE_URL) return undefined;
  const url = config.DATABASE_DIRECT_URL ?? (config.DATABASE_POOLER === 'pgbouncer' ? undefined : config.DATABASE_URL);
  if (!url)
    log.warn(
      { pooler: config.DATABASE_POOLER },
      "behind PgBouncer without DATABASE_DIRECT_URL: no LISTEN for setting changes; other nodes' changes arrive by the reload every 30 s",
    );
  return startSettingsSync({ url, db: database.db, settings: opts.settings, log, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS });
}

/**
 * The settings' Prometheus metrics, in the host's registry: the version in force on this node (nodes that
 * agree show the same number; one behind for more than moments has stopped hearing changes) and the reloads
 * by reason. Read at scrape time.
 */
export function registerSettingsMetrics(registry: Registry, settings: SettingsRegistry, sync: SettingsSync | undefined): void {
  new Gauge({
    name: 'finmart_settings_version',
    help: 'The bank settings version in force on this node (the number of recorded setting changes; decision records cite it)',
    registers: [registry],
    collect() {
      this.set(settings.version);
    },
  });
  if (!sync) return;
  new Counter({
    name: 'finmart_settings_reloads_total',
    help: 'Reloads of the stored settings on this node, by reason: notify (another node changed one), reconnect (the LISTEN session came back), poll, retry',
    labelNames: ['reason'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(sync.reloads)) this.inc({ reason }, n);
    },
  });
}
