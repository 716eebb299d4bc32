import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Evidence is never rewritten: the database itself refuses to change or remove a line of the audit trail, the
// suitability decision records or the points ledger, whoever asks.
describe.each(testDrivers())('append-only evidence (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 20 });
    // An audit entry to try on (a customer read); the decision record is written in the test.
    const c = await t.gql(`{ customers(first: 1) { edges { node { id } } } }`);
    expect(c.errors).toBeUndefined();
  }, 180_000);
  afterAll(() => t?.close());

  it.each(['audit_events', 'suitability_decisions', 'points_ledger'])('%s refuses UPDATE and DELETE', async (table) => {
    const db = t.host.runtime.database.db;
    if (table === 'suitability_decisions') {
      await db.execute(
        sql.raw(`insert into suitability_decisions (customer_id, product_id, line, purpose, outcome, reasons, rule_versions, facts, actor, evaluated_at)
        select c.id, p.id, p.line, 'ORDER', 'ALLOW', '[]'::jsonb, '{}'::jsonb, '{}'::jsonb, 'test', now() from customers c, products p limit 1`),
      );
    }
    const rows = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as any;
    expect(Number((rows.rows ?? rows)[0].n)).toBeGreaterThan(0);
    await expect(db.execute(sql.raw(`update ${table} set id = id`))).rejects.toThrow();
    await expect(db.execute(sql.raw(`delete from ${table}`))).rejects.toThrow();
  });
});
