import type { Ask } from './work-queue-check.js';

/** One KPI request: what it asked, the statements it ran (audit insert included), and its wall time. */
export interface KpiRun {
  label: string;
  statements: number;
  /** Books answered (managers or branches) and the customers at their end, summed. */
  books: number;
  customers: number;
  ms: number;
  error?: string;
}

export interface KpiCheck {
  runs: KpiRun[];
  /** Every roster size costs the statements of one manager, and the branches cost no more. */
  ok: boolean;
}

const FIELDS =
  'customersAtStart customersAtEnd newCustomers lostCustomers retentionRate aum { amount } aumGrowthRate coverageAverage contactPlanCoverage salesByLine { line count } complaintsPer1000 highValueCustomersServed';

/** KPIs of a roster page of `managers` managers for a period. */
export const managerKpis = `query ManagerKpis($managers: Int!, $period: KpiPeriodInput!) {
  managers(first: $managers) { edges { node { id kpis(period: $period) { ${FIELDS} } } } }
}`;

/** KPIs of every branch for a period. */
export const branchKpis = `query BranchKpis($period: KpiPeriodInput!) { branches { id kpis(period: $period) { ${FIELDS} } } }`;

/** The current month (live end book) and the previous one (two closes), by Beijing date. */
export function kpiPeriods(now = new Date()): { label: string; period: { granularity: string; date: string } }[] {
  const today = new Date(now.getTime() + 8 * 3_600_000);
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15));
  return [
    { label: 'this month (live)', period: { granularity: 'MONTH', date: today.toISOString().slice(0, 10) } },
    { label: 'last month (closes)', period: { granularity: 'MONTH', date: lastMonth.toISOString().slice(0, 10) } },
  ];
}

/**
 * The KPIs' statement check: 1 manager, a roster page of 16 and every branch,
 * for the current month and the previous one. Set-based means one KPI
 * statement per request whatever the number of managers or customers.
 */
export async function kpiCheck(ask: Ask): Promise<KpiCheck> {
  const runs: KpiRun[] = [];
  const timed = async (label: string, query: string, variables: Record<string, unknown>, pick: (d: any) => { customersAtEnd: number }[]) => {
    const started = performance.now();
    try {
      const r = await ask(query, variables, `kpis:${label}`);
      const books = pick(r.data);
      runs.push({
        label,
        statements: r.statements,
        books: books.length,
        customers: books.reduce((n, k) => n + k.customersAtEnd, 0),
        ms: performance.now() - started,
      });
    } catch (e) {
      runs.push({ label, statements: NaN, books: 0, customers: 0, ms: performance.now() - started, error: (e as Error).message.slice(0, 200) });
    }
  };
  for (const { label, period } of kpiPeriods()) {
    for (const managers of [1, 16]) {
      await timed(`${managers} manager${managers === 1 ? '' : 's'}, ${label}`, managerKpis, { managers, period }, (d) =>
        d.managers.edges.map((e: any) => e.node.kpis),
      );
    }
    await timed(`every branch, ${label}`, branchKpis, { period }, (d) => d.branches.map((b: any) => b.kpis));
  }
  const ok = runs.every((r) => !r.error && Number.isFinite(r.statements)) && new Set(runs.map((r) => r.statements)).size === 1;
  return { runs, ok };
}

/** The check as the results table shows it. */
export const describeKpiCheck = (c: KpiCheck): string =>
  c.runs
    .map((r) =>
      r.error
        ? `${r.label}: failed after ${Math.round(r.ms)} ms (${r.error})`
        : `${r.label}: ${r.statements} statements (${r.books} books, ${r.customers.toLocaleString('en')} customers, ${Math.round(r.ms)} ms)`,
    )
    .join('; ');
