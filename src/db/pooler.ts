import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { resultRows } from './result-rows.js';

/** What {@link checkPooledStatementTimeout} found on a connection through PgBouncer. */
export interface PooledStatementTimeout {
  /** The server applies the configured timeout (or a stricter one) to pooled connections. */
  enforced: boolean;
  /** `statement_timeout` of the server connection that answered, in ms (0 = none). */
  serverMs: number;
  /** DB_STATEMENT_TIMEOUT_MS (0 = none wanted). */
  configuredMs: number;
  /** One line for the start log: what holds the timeout, or what to configure. */
  message: string;
}

/**
 * Behind PgBouncer in transaction mode the serving `statement_timeout` cannot travel as a startup parameter
 * (PgBouncer 1.18 refuses it, and `options`, with "unsupported startup parameter") nor as a session `SET` (it
 * would stay on a server connection other clients share), and `SET LOCAL` covers only explicit transactions,
 * not the autocommit reads most requests are. The guarantee must come from the server's configuration:
 * `ALTER ROLE <role> [IN DATABASE <db>] SET statement_timeout = '<ms>ms'` (or PgBouncer's per-database
 * `connect_query`). This asks a pooled connection which timeout it runs under and says whether that holds
 * `configuredMs`; it cannot see every server connection, so the start log reports what one of them says.
 */
export async function checkPooledStatementTimeout(db: Db, configuredMs: number): Promise<PooledStatementTimeout> {
  // pg_settings gives the value in ms as an integer (current_setting would give '5s', '1min').
  const [row] = resultRows<{ ms: number }>(await db.execute(sql`select setting::int as ms from pg_settings where name = 'statement_timeout'`));
  const serverMs = Number(row?.ms ?? 0);
  if (configuredMs === 0) {
    return {
      enforced: true,
      serverMs,
      configuredMs,
      message:
        serverMs === 0
          ? 'behind PgBouncer: no statement timeout configured (DB_STATEMENT_TIMEOUT_MS=0) and the server sets none'
          : `behind PgBouncer: DB_STATEMENT_TIMEOUT_MS=0, but the server cancels statements after ${serverMs} ms (its own setting)`,
    };
  }
  const enforced = serverMs > 0 && serverMs <= configuredMs;
  return {
    enforced,
    serverMs,
    configuredMs,
    message: enforced
      ? `behind PgBouncer: statement timeout ${serverMs} ms enforced by the server's setting (DB_STATEMENT_TIMEOUT_MS=${configuredMs} cannot be sent through PgBouncer)`
      : `behind PgBouncer: DB_STATEMENT_TIMEOUT_MS=${configuredMs} is NOT enforced — PgBouncer cannot carry it and the server's statement_timeout is ` +
        `${serverMs === 0 ? 'off' : `${serverMs} ms`}; set it on the server: ALTER ROLE <role> IN DATABASE <db> SET statement_timeout = '${configuredMs}ms'` +
        ` (or connect_query in pgbouncer.ini)`,
  };
}
