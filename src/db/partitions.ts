import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { resultRows } from './result-rows.js';

/**
 * The tables partitioned by month (migration 0018 and after): `<table>_YYYY_MM` holds the UTC month
 * [YYYY-MM-01, next month); `<table>_default` keeps rows of a month nobody made a partition for.
 */
export const MONTHLY_PARTITIONED = ['audit_events'] as const;
export type MonthlyPartitioned = (typeof MONTHLY_PARTITIONED)[number];

/** How far ahead months are made: a month's rows must never land in the default partition. */
export const MONTHS_AHEAD = 3;

/**
 * Makes this month's partition and the next `monthsAhead` of every partitioned table (idempotent: one
 * statement per table; run at boot and daily by the job queue). Returns how many were made.
 */
export async function ensurePartitionsAhead(db: Db, now: Date, monthsAhead = MONTHS_AHEAD): Promise<number> {
  let made = 0;
  for (const table of MONTHLY_PARTITIONED) {
    const [row] = resultRows<{ made: number }>(
      await db.execute(sql`select finmart_ensure_month_partitions(${table}, ${now.toISOString().slice(0, 10)}::date, ${monthsAhead + 1}) as made`),
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
export async function detachMonthsBefore(db: Db, table: MonthlyPartitioned, before: string): Promise<string[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(before)) throw new Error(`not a month (YYYY-MM): ${before}`);
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
