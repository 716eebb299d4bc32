import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { detachMonthsBefore, ensurePartitionsAhead } from '../../src/db/partitions.js';
import { freshDatabase, testDrivers } from '../support/databases.js';
import { coreMigrations, coreMigrationsBefore, rowsOf as rows } from '../support/migrations.js';

const partitions = async (d: Database) =>
  (
    await rows<{ name: string }>(
      d,
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_events'::regclass order by 1`,
    )
  ).map((r) => r.name);
const month = (at: Date) => `audit_events_${at.toISOString().slice(0, 7).replace('-', '_')}`;
const plan = async (d: Database, q: string) => (await rows<{ 'QUERY PLAN': string }>(d, sql.raw(`explain ${q}`))).map((r) => r['QUERY PLAN']).join('\n');

// The audit trail grows by a row per customer read: it is partitioned by month, so that a period reads only its
// months and old months leave for archive — on an existing bank too, and with the append-only guarantee on each.
describe.each(testDrivers())('the audit trail partitioned by month (%s)', (driver) => {
  let d: Database;
  let drop: () => Promise<void>;
  const before = coreMigrationsBefore('0018_');
  const now = new Date();
  beforeAll(async () => {
    ({ database: d, drop } = await freshDatabase(driver));
    // A bank that already has a trail: rows from two years ago, last month and now, written before 0018.
    await applyMigrations(d, before.folder, 'core');
    await d.db.execute(sql`insert into audit_events (occurred_at, actor, role, action, target_type, target_id)
      values (now() - interval '2 years', 'old', 'R', 'CUSTOMER_360_READ', 'Customer', 'c-1'),
             (now() - interval '1 month', 'last', 'R', 'CUSTOMER_360_READ', 'Customer', 'c-1'),
             (now(), 'now', 'R', 'CUSTOMER_360_READ', 'Customer', 'c-2')`);
    await applyMigrations(d, coreMigrations, 'core');
  }, 120_000);
  afterAll(async () => {
    await drop?.();
    before.remove();
  });

  it('keeps every row and its id, in the month partition it belongs to, from the oldest month to three ahead', async () => {
    const kept = await rows<{ id: number; actor: string; part: string }>(
      d,
      sql`select id::int as id, actor, tableoid::regclass::text as part from audit_events order by id`,
    );
    expect(kept.map((r) => [r.id, r.actor])).toEqual([
      [1, 'old'],
      [2, 'last'],
      [3, 'now'],
    ]);
    expect(kept.every((r) => r.part !== 'audit_events_default')).toBe(true);
    const names = await partitions(d);
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    expect(names).toContain(month(new Date(now.getTime() - 2 * 365 * 86_400_000)));
    expect(names).toContain(month(ahead));
    expect(names).toContain('audit_events_default');
    // The sequence moved with the table: the next row continues the numbering.
    const [next] = await rows<{ id: number }>(
      d,
      sql`insert into audit_events (actor, role, action, target_type, target_id) values ('x', 'R', 'A', 'T', 't') returning id::int as id`,
    );
    expect(next!.id).toBe(4);
  });

  it('a query by customer and period reads only that month (the plan prunes the others)', async () => {
    const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const n = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const p = await plan(
      d,
      `select * from audit_events where target_type = 'Customer' and target_id = 'c-2' and occurred_at >= '${m.toISOString()}' and occurred_at < '${n.toISOString()}'`,
    );
    expect(p).toContain(month(now));
    expect(p.match(/audit_events_\d{4}_\d{2}|audit_events_default/g)!.every((name) => name === month(now))).toBe(true);
    // Without a period every month is read: pruning is what the period buys.
    expect(new Set((await plan(d, `select * from audit_events where target_id = 'c-2'`)).match(/audit_events_\d{4}_\d{2}/g)).size).toBeGreaterThan(3);
  });

  it('every partition is append-only, addressed through the table or by its own name', async () => {
    for (const target of ['audit_events', month(now)]) {
      await expect(d.db.execute(sql.raw(`update ${target} set actor = 'rewritten'`))).rejects.toThrow();
      await expect(d.db.execute(sql.raw(`delete from ${target}`))).rejects.toThrow();
    }
    const err = await d.db.execute(sql.raw(`delete from ${month(now)}`)).catch((e: { cause?: { message?: string } }) => e.cause?.message ?? String(e));
    expect(String(err)).toMatch(/append-only/);
  });

  it('makes months ahead idempotently, and detaches old months for archive without losing them', async () => {
    const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 5, 15));
    expect(await ensurePartitionsAhead(d.db, later)).toBeGreaterThan(0);
    expect(await ensurePartitionsAhead(d.db, later)).toBe(0);
    expect(await partitions(d)).toContain(month(new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth() + 3, 1))));

    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const detached = await detachMonthsBefore(d.db, 'audit_events', lastMonth);
    expect(detached[0]).toBe(month(new Date(now.getTime() - 2 * 365 * 86_400_000)));
    expect(detached).not.toContain(month(now));
    // Gone from the trail's queries, kept as a table to archive.
    expect((await rows<{ actor: string }>(d, sql`select actor from audit_events order by id`)).map((r) => r.actor)).toEqual(['last', 'now', 'x']);
    expect(await rows<{ actor: string }>(d, sql.raw(`select actor from ${detached[0]}`))).toEqual([{ actor: 'old' }]);
    await expect(detachMonthsBefore(d.db, 'audit_events', '2026-13')).rejects.toThrow(/not a month/);
  });
});
