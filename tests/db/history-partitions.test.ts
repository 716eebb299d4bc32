import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { detachMonthsBefore, ensurePartitionsAhead, monthlyPartitionedTables } from '../../src/db/partitions.js';
import { orders } from '../../src/db/schema/index.js';
import { freshDatabase, testDrivers } from '../support/databases.js';
import { coreMigrations, coreMigrationsBefore, rowsOf as rows } from '../support/migrations.js';

const plan = async (d: Database, q: string, params: unknown[]) => {
  // The statement drizzle builds, with its parameters inlined as literals, EXPLAINed.
  const inlined = q.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
  return (await rows<{ 'QUERY PLAN': string }>(d, sql.raw(`explain ${inlined}`))).map((r) => r['QUERY PLAN']).join('\n');
};
const failure = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    // drizzle wraps the driver's error: the SQLSTATE is on the cause.
    const err = e as { code?: string; cause?: { code?: string } };
    return err.code ?? err.cause?.code ?? String(e);
  }
};
const monthName = (table: string, at: Date) => `${table}_${at.toISOString().slice(0, 7).replace('-', '_')}`;

// Decision records, orders and contacts grow without bound: partitioned by month like the audit trail — on an
// existing bank too — and keyed by customer first, so that a cluster distributed by customer keeps them on one
// shard. What pointed at an order or a decision is checked by a trigger, for the same customer.
describe.each(testDrivers())('decision records, orders and contacts partitioned by month (%s)', (driver) => {
  let d: Database;
  let drop: () => Promise<void>;
  const before = coreMigrationsBefore('0019_');
  const now = new Date();
  const twoYearsAgo = new Date(now.getTime() - 2 * 365 * 86_400_000);
  beforeAll(async () => {
    ({ database: d, drop } = await freshDatabase(driver));
    // A bank with history from two years ago and from now, written before 0019.
    await applyMigrations(d, before.folder, 'core');
    await d.db.execute(sql`insert into branches (code, name_zh, name_en, city) values ('B1', '一', 'One', 'SH')`);
    await d.db.execute(sql`insert into customers (name, id_type, id_number, phone, birth_date, gender, residency, nationality, occupation,
        employer_sector, personal_annual_income, household_annual_income, household_financial_assets, income_three_year_average, branch_id)
      select 'C' || n, 'RESIDENT_ID', 'X' || n, '138', '1980-01-01', 'F', 'RESIDENT', 'CN', 'X', 'X', 1, 1, 1, 1, 1 from generate_series(1, 2) n`);
    await d.db.execute(sql`insert into products (code, name_zh, name_en, line, issuer, risk_rating, liquidity, function)
      values ('P1', '产品', 'Product', 'funds', 'I', 'R2', 'DAILY', 'GROWTH')`);
    for (const [customer, at] of [
      [1, twoYearsAgo],
      [1, now],
      [2, now],
    ] as const) {
      await d.db
        .execute(sql`insert into suitability_decisions (customer_id, product_id, line, purpose, outcome, reasons, facts, rule_versions, actor, evaluated_at)
        values (${customer}, 1, 'funds', 'ORDER', 'ALLOW', '[]', '{}', '{}', 'test', ${at.toISOString()})`);
      await d.db
        .execute(sql`insert into orders (customer_id, product_id, line, amount, currency, quantity, channel, initiator, status, decision_id, placed_by, placed_at)
        values (${customer}, 1, 'funds', 100, 'CNY', 1, 'BRANCH', 'STAFF', 'SETTLED', 1, 'test', ${at.toISOString()})`);
      await d.db.execute(sql`insert into contacts (customer_id, channel, occurred_at, summary, outcome)
        values (${customer}, 'PHONE', ${at.toISOString()}, 'called', 'REACHED')`);
    }
    await d.db.execute(sql`insert into customer_cards (customer_id, pan_hash, last4, issued_at) values (1, 'h1', '1234', now())`);
    await d.db.execute(sql`insert into complaints (customer_id, branch_id, category, respond_by, description, recorded_at, order_id, decision_id)
      values (1, 1, 'MIS_SELLING', now(), 'old sale', now(), 1, 1)`);
    await applyMigrations(d, coreMigrations, 'core');
  }, 180_000);
  afterAll(async () => {
    await drop?.();
    before.remove();
  });

  it('keeps every row and id in its month (none in a default partition); the sequences continue', async () => {
    for (const [table, column] of [
      ['suitability_decisions', 'evaluated_at'],
      ['orders', 'placed_at'],
      ['contacts', 'occurred_at'],
    ] as const) {
      const kept = await rows<{ id: number; part: string }>(d, sql.raw(`select id::int as id, tableoid::regclass::text as part from ${table} order by id`));
      expect(
        kept.map((r) => r.id),
        table,
      ).toEqual([1, 2, 3]);
      expect(
        kept.map((r) => r.part),
        table,
      ).toEqual([monthName(table, twoYearsAgo), monthName(table, now), monthName(table, now)]);
      const [keyDef] = await rows<{ def: string }>(d, sql.raw(`select pg_get_partkeydef('${table}'::regclass) as def`));
      expect(keyDef!.def).toBe(`RANGE (${column})`);
    }
    const [next] = await rows<{ id: number }>(
      d,
      sql`insert into orders (customer_id, product_id, line, amount, currency, quantity, channel, initiator, status, decision_id, placed_by, placed_at)
          values (2, 1, 'funds', 1, 'CNY', 1, 'BRANCH', 'STAFF', 'SETTLED', 3, 'test', now()) returning id::int as id`,
    );
    expect(next!.id).toBe(4);
    expect(await monthlyPartitionedTables(d.db)).toEqual(['audit_events', 'contacts', 'customer_day_closes', 'orders', 'suitability_decisions']);
  });

  it('keys every customer-owned row by customer first (the distribution column), and moved the card numbers to their owners', async () => {
    const keys = await rows<{ table: string; def: string }>(
      d,
      sql`select conrelid::regclass::text as table, pg_get_constraintdef(oid) as def from pg_constraint
          where contype = 'p' and conrelid::regclass::text in ('orders', 'suitability_decisions', 'contacts', 'holdings', 'complaints', 'points_ledger', 'lead_events')
          order by 1`,
    );
    expect(Object.fromEntries(keys.map((k) => [k.table, k.def]))).toEqual({
      complaints: 'PRIMARY KEY (customer_id, id)',
      contacts: 'PRIMARY KEY (customer_id, id, occurred_at)',
      holdings: 'PRIMARY KEY (customer_id, id)',
      lead_events: 'PRIMARY KEY (lead_id, id)',
      orders: 'PRIMARY KEY (customer_id, id, placed_at)',
      points_ledger: 'PRIMARY KEY (customer_id, id)',
      suitability_decisions: 'PRIMARY KEY (customer_id, id, evaluated_at)',
    });
    expect(await rows(d, sql`select pan_hash, customer_id from card_number_owners`)).toEqual([{ pan_hash: 'h1', customer_id: 1 }]);
    // The number stays unique bank-wide: another customer cannot be given it.
    expect(await failure(d.db.execute(sql`insert into card_number_owners (pan_hash, customer_id, recorded_at) values ('h1', 2, now())`))).toBe('23505');
  });

  it('refuses a reference to an order or a decision that is not the same customer’s, as the foreign keys did (and more)', async () => {
    const complaint = (customer: number, order: number | null, decision: number | null) =>
      d.db.execute(sql`insert into complaints (customer_id, branch_id, category, respond_by, description, recorded_at, order_id, decision_id)
        values (${customer}, 1, 'MIS_SELLING', now(), 'x', now(), ${order}, ${decision})`);
    expect(await failure(complaint(1, 2, null))).toBe('no error');
    expect(await failure(complaint(1, null, 2))).toBe('no error');
    // Order 3 and decision 3 are customer 2's; 99 is nobody's.
    expect(await failure(complaint(1, 3, null))).toBe('23503');
    expect(await failure(complaint(1, null, 3))).toBe('23503');
    expect(await failure(complaint(1, 99, null))).toBe('23503');
    expect(await failure(d.db.execute(sql`update complaints set order_id = 3 where customer_id = 1 and id = 1`))).toBe('23503');
    const points = (customer: number, order: number) =>
      d.db.execute(sql`insert into points_ledger (customer_id, kind, points, actor, at, order_id) values (${customer}, 'EARNED', 1, 'test', now(), ${order})`);
    expect(await failure(points(2, 1))).toBe('23503');
    expect(await failure(points(1, 1))).toBe('no error');
    // One earning per order and customer, whatever retries happen.
    expect(await failure(points(1, 1))).toBe('23505');
  });

  it("prunes a query by customer and period to that period's months (the statement drizzle builds)", async () => {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const q = d.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.customerId, 1), gte(orders.placedAt, from), lt(orders.placedAt, to)))
      .toSQL();
    const explained = await plan(d, q.sql, q.params);
    expect(explained).toContain(monthName('orders', now));
    expect(explained).not.toContain(monthName('orders', twoYearsAgo));
    expect(explained).not.toContain('orders_default');
  });

  it('moves rows waiting in a default partition to their month when it is made, append-only decisions too', async () => {
    const far = new Date(Date.UTC(now.getUTCFullYear() + 5, 4, 15));
    await d.db
      .execute(sql`insert into suitability_decisions (customer_id, product_id, line, purpose, outcome, reasons, facts, rule_versions, actor, evaluated_at)
      values (1, 1, 'funds', 'ORDER', 'ALLOW', '[]', '{}', '{}', 'far', ${far.toISOString()})`);
    const where = async () =>
      (await rows<{ part: string }>(d, sql`select tableoid::regclass::text as part from suitability_decisions where actor = 'far'`))[0]!.part;
    expect(await where()).toBe('suitability_decisions_default');
    expect(await ensurePartitionsAhead(d.db, now)).toBeGreaterThan(0);
    expect(await where()).toBe(monthName('suitability_decisions', far));
    // Moved, not changed: the record is still append-only, in its new month and in the default partition alike.
    expect(await failure(d.db.execute(sql`update suitability_decisions set actor = 'x' where actor = 'far'`))).not.toBe('no error');
    expect(await failure(d.db.execute(sql.raw(`delete from ${monthName('suitability_decisions', far)}`)))).not.toBe('no error');
    // The triggers switched off for the move are on again.
    expect(await rows(d, sql`select tgenabled from pg_trigger where tgrelid = 'suitability_decisions_default'::regclass and not tgisinternal`)).toEqual([
      { tgenabled: 'O' },
    ]);
    expect(await ensurePartitionsAhead(d.db, now)).toBe(0);
  });

  it('detaches old months of orders for archive; the rows pointing at them stay valid', async () => {
    const detached = await detachMonthsBefore(d.db, 'orders', now.toISOString().slice(0, 7));
    expect(detached).toContain(monthName('orders', twoYearsAgo));
    expect((await rows<{ n: number }>(d, sql`select count(*)::int as n from orders where id = 1`))[0]!.n).toBe(0);
    expect((await rows<{ n: number }>(d, sql`select count(*)::int as n from complaints where order_id = 1`))[0]!.n).toBe(1);
    await expect(detachMonthsBefore(d.db, 'orders; drop table x', '2026-01')).rejects.toThrow(/not a table name/);
  });
});
