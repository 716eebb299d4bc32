import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { ensurePartitionsAhead, monthlyPartitionedTables } from '../../src/db/partitions.js';
import { freshDatabase, testDrivers } from '../support/databases.js';
import { coreMigrations, coreMigrationsBefore, rowsOf as rows } from '../support/migrations.js';

const partitionOf = (day: string) => `customer_day_closes_${day.slice(0, 7).replace('-', '_')}`;
const close = (day: string, customer: number) =>
  sql`insert into customer_day_closes (day, customer_id, manager_id, branch_id, tier, assets_cny, lines_held, cadence_days, closed_at)
      values (${day}::date, ${customer}, null, 1, 'STANDARD', 1000, 1, 30, now())`;
/** Partition maintenance as a session in the bank's own time zone runs it (east of UTC: a date's midnight is the day before in UTC). */
const maintainInBeijingSession = (d: Database) =>
  d.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'Asia/Shanghai'`);
    for (const table of ['customer_day_closes', 'contacts']) {
      await tx.execute(sql`select finmart_drain_default_partition(${table})`);
    }
  });

// The day close (日终) takes one row per customer per day — the fastest-growing history (docs/scale.md) — and is
// partitioned by month of its `day`, a date: the months are the calendar's, whatever the session's time zone.
describe.each(testDrivers())('the day close partitioned by month of its day (%s)', (driver) => {
  let d: Database;
  let drop: () => Promise<void>;
  const before = coreMigrationsBefore('0020_');
  const today = new Date().toISOString().slice(0, 10);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  const future = `${Number(today.slice(0, 4)) + 5}-05-01`;
  beforeAll(async () => {
    ({ database: d, drop } = await freshDatabase(driver));
    await applyMigrations(d, before.folder, 'core');
    await d.db.execute(sql`insert into branches (code, name_zh, name_en, city) values ('B1', '一', 'One', 'SH')`);
    await d.db.execute(sql`insert into customers (name, id_type, id_number, phone, birth_date, gender, residency, nationality, occupation,
        employer_sector, personal_annual_income, household_annual_income, household_financial_assets, income_three_year_average, branch_id)
      select 'C' || n, 'RESIDENT_ID', 'X' || n, '138', '1980-01-01', 'F', 'RESIDENT', 'CN', 'X', 'X', 1, 1, 1, 1, 1 from generate_series(1, 2) n`);
    for (const [day, customer] of [
      [twoYearsAgo, 1],
      [firstOfMonth, 1],
      [firstOfMonth, 2],
      [today, 1],
    ] as const) {
      await d.db.execute(close(day, customer));
    }
    await applyMigrations(d, coreMigrations, 'core');
  }, 180_000);
  afterAll(async () => {
    await drop?.();
    before.remove();
  });

  it('keeps every close of an existing bank, each in its calendar month, under the same key and indexes', async () => {
    const kept = await rows<{ day: string; part: string }>(
      d,
      sql`select day::text as day, tableoid::regclass::text as part from customer_day_closes order by day, customer_id`,
    );
    expect(kept.map((r) => r.day)).toEqual([twoYearsAgo, firstOfMonth, firstOfMonth, today].sort());
    for (const r of kept) expect(r.part, r.day).toBe(partitionOf(r.day));
    const [key] = await rows<{ def: string }>(
      d,
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'customer_day_closes'::regclass and contype = 'p'`,
    );
    expect(key!.def).toBe('PRIMARY KEY (day, customer_id)');
    const indexes = await rows<{ name: string }>(d, sql`select indexname as name from pg_indexes where tablename = 'customer_day_closes' order by 1`);
    expect(indexes.map((i) => i.name)).toEqual(['customer_day_closes_branch_idx', 'customer_day_closes_day_customer_id_pk', 'customer_day_closes_manager_idx']);
    // A re-run close of the same day still collides with the key, as the close's replace relies on.
    await expect(d.db.execute(close(today, 1))).rejects.toThrow();
    expect(await monthlyPartitionedTables(d.db)).toContain('customer_day_closes');
  });

  it('bounds each month by calendar dates, not by instants', async () => {
    const [bound] = await rows<{ b: string }>(
      d,
      sql.raw(`select pg_get_expr(c.relpartbound, c.oid) as b from pg_class c where c.relname = '${partitionOf(firstOfMonth)}'`),
    );
    const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
    expect(bound!.b).toBe(`FOR VALUES FROM ('${firstOfMonth}') TO ('${next}')`);
  });

  it('moves a close waiting in the default partition to its own month in a session east of UTC; instants keep their UTC month', async () => {
    await d.db.execute(close(future, 1));
    // 00:30 on the 1st in Beijing is still the previous day in UTC: a contact belongs to the UTC month, as before.
    await d.db.execute(sql`insert into contacts (customer_id, channel, occurred_at, summary, outcome)
      values (1, 'PHONE', ${`${future}T00:30:00+08:00`}::timestamptz, 'called', 'REACHED')`);
    const where = async () =>
      (await rows<{ part: string }>(d, sql`select tableoid::regclass::text as part from customer_day_closes where day = ${future}::date`))[0]!.part;
    expect(await where()).toBe('customer_day_closes_default');
    await maintainInBeijingSession(d);
    expect(await where()).toBe(partitionOf(future));
    expect((await rows<{ n: number }>(d, sql`select count(*)::int as n from customer_day_closes_default`))[0]!.n).toBe(0);
    const [contact] = await rows<{ part: string }>(d, sql`select tableoid::regclass::text as part from contacts where occurred_at > now() + interval '1 year'`);
    expect(contact!.part).toBe(`contacts_${future.slice(0, 4)}_04`);
    // Maintenance from the app (UTC session) finds nothing more to do for the day close.
    await ensurePartitionsAhead(d.db, new Date());
    expect(await where()).toBe(partitionOf(future));
  });

  it("reads one month's partition for a day's book (the KPI's look-up)", async () => {
    const explained = (
      await rows<{ 'QUERY PLAN': string }>(
        d,
        sql.raw(`explain select customer_id, tier from customer_day_closes where day = '${firstOfMonth}' and branch_id = 1`),
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(explained).toContain(partitionOf(firstOfMonth));
    expect(explained).not.toContain(partitionOf(twoYearsAgo));
    expect(explained).not.toContain('customer_day_closes_default');
  });
});
