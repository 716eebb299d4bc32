import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { freshDatabase, testDrivers } from '../support/databases.js';
import { coreMigrations, coreMigrationsBefore } from '../support/migrations.js';

// 0004_complaint_management adds NOT NULL columns to tables that already hold
// rows: it fills them first. A bank upgrading keeps its complaints and records.

describe.each(testDrivers())('migration 0004_complaint_management on existing rows (%s)', (driver) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let old: ReturnType<typeof coreMigrationsBefore> | undefined;
  const rows = async (q: ReturnType<typeof sql>) => {
    const r = (await fresh.database.db.execute(q)) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
  };

  beforeAll(async () => {
    fresh = await freshDatabase(driver);
    old = coreMigrationsBefore('0004_');
    await applyMigrations(fresh.database, old.folder, 'core');
    const db = fresh.database.db;
    await db.execute(sql`insert into branches (id, code, name_zh, name_en, city) values (7, 'B7', '七', 'Seven', 'Hangzhou')`);
    await db.execute(sql`insert into managers (id, code, name, grade, branch_id, phone) values (3, 'M3', '王', 'SENIOR', 7, '13800000000')`);
    await db.execute(sql`insert into customers (id, name, id_type, id_number, phone, birth_date, gender, residency, nationality, occupation, employer_sector,
        personal_annual_income, household_annual_income, household_financial_assets, income_three_year_average, manager_id, branch_id)
      values (11, '李', 'PASSPORT', 'E1', '13900000000', '1980-01-01', 'MALE', 'ONSHORE', 'CN', 'ENGINEER', 'IT', 1, 1, 1, 1, 3, 7)`);
    await db.execute(sql`insert into products (id, code, name_zh, name_en, line, issuer, risk_rating, liquidity, function)
      values (5, 'P5', '基金', 'Fund', 'FUNDS', 'X', 'R2', 'HIGH', 'INVESTMENT')`);
    await db.execute(
      sql`insert into complaints (customer_id, manager_id, category, description, recorded_at) values (11, 3, 'SERVICE', 'x', '2025-01-01T00:00:00Z')`,
    );
    await db.execute(sql`insert into suitability_decisions (customer_id, product_id, line, purpose, outcome, reasons, facts, rule_versions, actor, evaluated_at)
      values (11, 5, 'FUNDS', 'ORDER', 'ALLOW', '[]', ${JSON.stringify({ sale: { initiator: 'STAFF' } })}::jsonb, '{}', 'HEAD_OFFICE:x', '2025-01-01T00:00:00Z')`);
    await applyMigrations(fresh.database, coreMigrations, 'core');
  }, 180_000);
  afterAll(async () => {
    await fresh?.drop();
    old?.remove();
  });

  it('complaints get the customer’s branch, MEDIUM severity and the MEDIUM deadline (168 h), not escalated', async () => {
    const [c] = await rows(sql`select branch_id, severity, escalation_level, extract(epoch from respond_by - recorded_at) / 3600 as hours from complaints`);
    expect([c.branch_id, c.severity, c.escalation_level, Number(c.hours)]).toEqual([7, 'MEDIUM', 0, 168]);
  });

  it('decision records get the initiator from their facts and the customer’s manager and branch', async () => {
    const [d] = await rows(sql`select initiator, manager_id, branch_id from suitability_decisions`);
    expect(d).toEqual({ initiator: 'STAFF', manager_id: 3, branch_id: 7 });
  });
});
