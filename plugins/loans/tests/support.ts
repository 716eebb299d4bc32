import type { TestHost } from '../../../tests/support/test-host.js';

/** Records a clean credit bureau report for a customer (the loan decision reads it once the query is authorised). */
export async function recordCleanCreditReport(t: TestHost, customerId: string): Promise<void> {
  const r = await t.gql(`mutation($i: RecordExternalReportInput!) { recordExternalReport(input: $i) { id } }`, {
    i: {
      customerId,
      source: 'CREDIT_BUREAU',
      kind: 'CREDIT_REPORT',
      reportedAt: new Date(Date.now() - 86_400_000).toISOString(),
      reference: `CRC-TEST-${customerId}`,
      payload: { cards: [], loans: [], overdue: { current: false, maxDaysLast24Months: 0 } },
    },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}
