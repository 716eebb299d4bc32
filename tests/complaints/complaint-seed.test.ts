import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, orders } from '../../src/db/schema/index.js';
import { DEFAULT_RESPONSE_HOURS, type Severity } from '../../src/domain/complaints/complaint.settings.js';
import { seedMisSellingCase } from '../../src/seed/mis-selling-case.js';
import { DEFAULT_NOW } from '../../src/seed/core-demo.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The demo bank's complaints are worth managing: severities, deadlines from the
// default targets, some overdue and escalated, and a mis-selling case linked to
// a real order and its decision record.

describe.each(testDrivers())('seeded complaints (%s)', (driver) => {
  let t: TestHost;
  let rows: (typeof complaints.$inferSelect)[];
  let caseId: number | null;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 300 });
    rows = await t.host.runtime.database.db.select().from(complaints).orderBy(asc(complaints.id));
    caseId = await seedMisSellingCase(t.host, DEFAULT_NOW);
  }, 180_000);
  afterAll(() => t?.close());

  it('severities by complaint number; mis-selling never below HIGH; respondBy from the default targets', () => {
    expect(rows.length).toBeGreaterThan(8);
    expect(rows.slice(0, 8).map((r) => (r.category === 'MIS_SELLING' ? 'M' : r.severity))).toEqual(
      ['MEDIUM', 'LOW', 'HIGH', 'MEDIUM', 'CRITICAL', 'MEDIUM', 'LOW', 'HIGH'].map((s, i) => (rows[i]!.category === 'MIS_SELLING' ? 'M' : s)),
    );
    for (const r of rows) {
      if (r.category === 'MIS_SELLING') expect(['HIGH', 'CRITICAL']).toContain(r.severity);
      expect(r.respondBy.getTime() - r.recordedAt.getTime()).toBe(DEFAULT_RESPONSE_HOURS[r.severity as Severity] * 3_600_000);
    }
  });

  it('some open complaints are overdue at the demo date, some escalated, each escalation inside the complaint’s open time', () => {
    const overdue = rows.filter((r) => r.feedbackAt === null && r.respondBy < DEFAULT_NOW);
    expect(overdue.length).toBeGreaterThan(0);
    const escalated = rows.filter((r) => r.escalationLevel > 0);
    expect(new Set(escalated.map((r) => r.escalationLevel))).toEqual(new Set([1, 2]));
    for (const r of rows) {
      expect(r.escalatedAt !== null).toBe(r.escalationLevel > 0);
      expect(r.escalationReason !== null).toBe(r.escalationLevel > 0);
      if (r.escalatedAt) {
        expect(r.escalatedAt.getTime()).toBeGreaterThanOrEqual(r.recordedAt.getTime());
        expect(r.escalatedAt.getTime()).toBeLessThanOrEqual((r.feedbackAt ?? DEFAULT_NOW).getTime());
      }
    }
  });

  it('the mis-selling case: a CRITICAL complaint on a real order of the customer, with its decision record, overdue and escalated', async () => {
    expect(caseId).not.toBeNull();
    const db = t.host.runtime.database.db;
    const [c] = await db.select().from(complaints).where(eq(complaints.id, caseId!));
    const [o] = await db.select().from(orders).where(eq(orders.id, c.orderId!));
    expect([c.category, c.severity, o.customerId, c.decisionId, o.initiator]).toEqual(['MIS_SELLING', 'CRITICAL', c.customerId, o.decisionId, 'STAFF']);
    expect(o.placedAt.getTime()).toBeLessThan(c.recordedAt.getTime());
    const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Complaint { overdue escalation order { id } decisionRecord { id purpose } } } }`, {
      id: toGlobalId('Complaint', c.id),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toEqual({
      overdue: true,
      escalation: 'BRANCH',
      order: { id: toGlobalId('Order', o.id) },
      decisionRecord: { id: toGlobalId('SuitabilityDecisionRecord', o.decisionId), purpose: 'ORDER' },
    });
  });
});
