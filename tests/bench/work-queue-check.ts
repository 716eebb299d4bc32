import { managerQueues } from './queries.js';

/** One roster page size: the statements its request ran (audit insert included) and the items it returned. */
export interface WorkQueueRun {
  managers: number;
  statements: number;
  items: number;
  /** Wall time of the request. */
  ms: number;
  /** Why the request failed (e.g. the statement timeout), when it did. */
  error?: string;
}

/** The work queue's statement check: a manager's queue and a page of managers with theirs must cost the same. */
export interface WorkQueueCheck {
  runs: WorkQueueRun[];
  /** Same statements for every roster page size, and each page returned the managers asked for. */
  ok: boolean;
}

/** Sends one GraphQL request as finmart's bench caller (head office) and tells its data and `x-sql-statements`. */
export type Ask = (query: string, variables: Record<string, unknown>, key: string) => Promise<{ data: unknown; statements: number }>;

/** The roster page sizes measured: one manager, and a page of 16 with their queues. */
export const QUEUE_ROSTER_SIZES = [1, 16];

/**
 * Statements of `managers(first: n) { workQueue(first: 50) … }` for each roster size. Not timed
 * against the peer (it has no such query): a check that the queue is batched, like the page sizes of Q2.
 */
export async function workQueueCheck(ask: Ask): Promise<WorkQueueCheck> {
  const runs: WorkQueueRun[] = [];
  let complete = true;
  for (const managers of QUEUE_ROSTER_SIZES) {
    const started = performance.now();
    try {
      const r = await ask(managerQueues, { managers }, `queue:${managers}`);
      const edges = (r.data as { managers: { edges: { node: { workQueue: { edges: unknown[] } } }[] } }).managers.edges;
      if (edges.length !== managers) complete = false;
      runs.push({ managers, statements: r.statements, items: edges.reduce((n, e) => n + e.node.workQueue.edges.length, 0), ms: performance.now() - started });
    } catch (e) {
      // A failed request (the statement timeout on a slow queue) is this check's FAIL, not the end of the bench.
      complete = false;
      runs.push({ managers, statements: NaN, items: 0, ms: performance.now() - started, error: (e as Error).message.slice(0, 200) });
    }
  }
  return { runs, ok: complete && runs.every((x) => Number.isFinite(x.statements) && x.statements === runs[0]!.statements) };
}

/** The check as the results table shows it. */
export const describeWorkQueueCheck = (c: WorkQueueCheck): string =>
  c.runs
    .map((x) =>
      x.error
        ? `${x.managers} manager${x.managers === 1 ? '' : 's'}: failed after ${Math.round(x.ms)} ms (${x.error})`
        : `${x.managers} manager${x.managers === 1 ? '' : 's'}: ${x.statements} statements (${x.items} items, ${Math.round(x.ms)} ms)`,
    )
    .join(', ');
