import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJsonRows, jsonRowsOf } from '../../src/db/json-rows.js';
import { branches, customers, exchangeRates, holdings, managers, products, riskAssessments } from '../../src/db/schema/index.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The look-ahead carries rows inside one statement as JSON arrays; decoded,
// they must equal what drizzle's select() returns, column for column (dates,
// timestamps, numerics as text, JSONB, nulls).

describe.each(testDrivers())('rows carried as JSON decode to what select() returns (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 30 });
  }, 120_000);
  afterAll(() => t?.close());

  const tables = { customers, holdings, products, exchangeRates, managers, branches, riskAssessments };
  it.each(Object.keys(tables))('%s', async (name) => {
    const table = tables[name as keyof typeof tables];
    const db = t.host.runtime.database.db;
    const id = (table as typeof customers).id ?? (table as typeof exchangeRates).currency;
    const selected = await db.select().from(table).orderBy(asc(id)).limit(200);
    expect(selected.length).toBeGreaterThan(0);
    const result = (await db.execute(
      sql`select ${jsonRowsOf(table, 'x', sql`(select * from ${table} order by ${sql.identifier(id.name)} limit 200) x`, sql`x.${sql.identifier(id.name)}`)} as rows`,
    )) as unknown;
    const row = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] as { rows: unknown };
    expect(decodeJsonRows(table, row.rows)).toEqual(selected);
  });
});
