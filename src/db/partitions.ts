import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { resultRows } from './result-rows.js';

/**
 * The history tables partitioned by month: `<table>_YYYY_MM` holds the UTC month [YYYY-MM-01, next month) of an
 * instant (`timestamptz`), or the calendar month of a date (the day close's `day`);
 * `<table>_default` keeps rows of a month nobody made a partition for, until the next maintenance moves them
 * to their month. These are the host's (migrations 0018–0020); a plugin's own history joins them by the same
 * convention — RANGE partitioned with a `<table>_default` partition (the forex line's usage entries) — and is
 * found in the catalog by {@link monthlyPartitionedTables}.
 */
export const MONTHLY_PARTITIONED = ['audit_events', 'suitability_decisions', 'orders', 'contacts', 'customer_day_closes'] as const;

/** How far ahead months are made: a month's rows must never land in the default partition. */
export const MONTHS_AHEAD = 3;

/** Every table partitioned by a range with a `<table>_default` partition (the host's and the plugins'), by name. */
export async function monthlyPartitionedTables(db: Db): Promise<string[]> {
  return resultRows<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
          where p.partstrat = 'r' and c.relnamespace = current_schema()::regnamespace
            and to_regclass(c.relname || '_default') is not null
          order by 1`,
    ),
  ).map((r) => r.name);
}

/**
 * Makes this month's partition and the next `monthsAhead` of every partitioned table, and gives every month
 * with rows waiting in a default partition its own (moving them): idempotent, two statements per table; run at
 * boot, daily by the job queue and after the demo seed. Returns how many partitions were made.
 */
export async function ensurePartitionsAhead(db: Db, now: Date, monthsAhead = MONTHS_AHEAD): Promise<number> {
  let made = 0;
  for (const table of await monthlyPartitionedTables(db)) {
    const [row] = resultRows<{ made: number }>(
      await db.execute(
        sql`select finmart_ensure_month_partitions(${table}, ${now.toISOString().slice(0, 10)}::date, ${monthsAhead + 1})
                 + finmart_drain_default_partition(${table}) as made`,
      ),
    );
    made += Number(row?.made ?? 0);
  }
  return made;
}

/**
 * Detaches the months of `table` before `before` (a month `YYYY-MM`, itself kept): their partitions leave the
 * table — queries no longer read them — and stay in the database as plain tables to archive (pg_dump) and drop.
 * The append-only trigger stays on a detached partition. Returns the names detached, oldest first.
 */
export async function detachMonthsBefore(db: Db, table: string, before: string): Promise<string[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(before)) throw new Error(`not a month (YYYY-MM): ${before}`);
  // The name goes into DDL: a plain identifier only (the CLI passes the catalog's names).
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const cutoff = `${table}_${before.replace('-', '_')}`;
  const parts = resultRows<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = ${table}::regclass and c.relname ~ ${`^${table}_[0-9]{4}_[0-9]{2}$`} order by 1`,
    ),
  )
    .map((r) => r.name)
    // Names sort as months do (YYYY_MM).
    .filter((name) => name < cutoff);
  for (const name of parts) await db.execute(sql.raw(`alter table "${table}" detach partition "${name}"`));
  return parts;
}
