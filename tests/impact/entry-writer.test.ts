import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import gold from '@finmart/plugin-gold';
import { impactReportEntries, impactReports } from '../../src/db/schema/index.js';
import { EntryWriter, WRITE_BATCH } from '../../src/impact/entry-writer.js';
import type { ImpactEntry } from '../../src/impact/judge-book.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The writer streams a report's entries while the run judges (PostgreSQL) or writes them at the end (PGlite):
// either way the entries and the report's DONE status commit together, and a failed run leaves none.
describe.each(testDrivers())('impact entry writer (%s)', (driver) => {
  let t: TestHost;
  const entry = (i: number): ImpactEntry => ({
    customerId: i,
    productId: 1 + (i % 3),
    line: 'GOLD',
    branchId: null,
    managerId: null,
    direction: 'LOSES',
    before: 'ALLOW',
    after: 'BLOCK',
    codesAdded: ['X'],
    codesRemoved: [],
  });
  const newReport = async () => {
    const [r] = await t.host.runtime.database.db
      .insert(impactReports)
      .values({ status: 'RUNNING', proposal: {}, settingsVersion: 0, asOf: new Date(), requestedBy: 'test', createdAt: new Date() })
      .returning();
    return r!.id;
  };
  const entriesOf = async (id: number) =>
    (await t.host.runtime.database.db.select({ n: count() }).from(impactReportEntries).where(eq(impactReportEntries.reportId, id)))[0]!.n;
  const statusOf = async (id: number) => (await t.host.runtime.database.db.select().from(impactReports).where(eq(impactReports.id, id)))[0]!.status;

  beforeAll(async () => {
    t = await createTestHost({ driver, plugins: [gold], customers: 0 });
  }, 120_000);
  afterAll(() => t?.close());

  it('writes every entry and finishes the report in the same transaction', async () => {
    const id = await newReport();
    const writer = new EntryWriter(t.host.runtime.database, id);
    for (let i = 0; i < WRITE_BATCH + 7; i++) writer.add(entry(i));
    await writer.close(async (tx) => {
      await tx.update(impactReports).set({ status: 'DONE' }).where(eq(impactReports.id, id));
    });
    expect(await entriesOf(id)).toBe(WRITE_BATCH + 7);
    expect(await statusOf(id)).toBe('DONE');
  }, 60_000);

  it('leaves nothing of a run that fails, even a batch already streamed', async () => {
    const id = await newReport();
    const writer = new EntryWriter(t.host.runtime.database, id);
    for (let i = 0; i < WRITE_BATCH + 7; i++) writer.add(entry(i));
    // Let a streamed batch reach the database before the run fails.
    await new Promise((r) => setTimeout(r, 300));
    await writer.abort(new Error('the run failed'));
    expect(await entriesOf(id)).toBe(0);
    expect(await statusOf(id)).toBe('RUNNING');
  }, 60_000);
});
