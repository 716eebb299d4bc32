import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { bundleItems, bundles, customers, holdings, impactReports, orders } from '../db/schema/index.js';
import { resultRows } from '../db/result-rows.js';
import { settingEntries } from '../settings/registry.js';
import { EntryWriter } from './entry-writer.js';
import { judgeCustomers, prepareJudging, type BookRow, type ImpactEntry, type SliceFigures } from './judge-book.js';
import { judgeInWorker } from './parallel.js';
import type { CheckedProposal } from './proposal.js';
import { LoggableError } from '../error-summary.js';

/** Customers per slice of a book judged on several threads: small enough to even out the threads' finish. */
const SLICE = 10_000;

/** The report was no longer RUNNING when this run came to finish it: another run of it finished (or failed) it first. */
export class ReportNotRunning extends LoggableError {
  constructor(reportId: number) {
    super(`impact report ${reportId} is no longer RUNNING`);
    this.name = 'ReportNotRunning';
  }
}

/** Progress of the runs in this process (a report's row holds it once the run ends). */
export const runningProgress = new Map<number, { done: number; total: number }>();

const bump = (m: Record<string, Record<string, number>>, key: string, direction: string) => {
  const row = (m[key] ??= { LOSES: 0, GAINS: 0, CHANGES: 0 });
  row[direction] = (row[direction] ?? 0) + 1;
};

/**
 * Evaluates the whole book against the whole catalog as the rules stand and as the proposal would have them
 * (`judge-book.ts`, `delta-judge.ts`: only what the proposal can reach is judged) over one consistent snapshot
 * — a read-only repeatable-read transaction, which worker threads join on PostgreSQL for large books — each
 * customer × on-sale product judged as `eligibleProducts` judges it (a manager recommending at the counter).
 * Only the report is written ({@link EntryWriter}: its entries and DONE status commit together). The summary's
 * `loadMs` and `evaluateMs` add up the threads; `elapsedMs` is the wall-clock time.
 */
export async function runImpact(ctx: HostContext, reportId: number, proposal: CheckedProposal): Promise<void> {
  const started = Date.now();
  // The report's figures are counted as entries are judged; the entries themselves go to the writer.
  const entries: ImpactEntry[] = [];
  const writer = new EntryWriter(ctx.host.database, reportId);
  const take = (e: ImpactEntry) => {
    entries.push(e);
    writer.add(e);
  };
  const figures: SliceFigures = { loadMs: 0, evaluateMs: 0, pairsJudged: 0, ruleRuns: 0, sharedRuleRuns: 0 };
  const add = (f: SliceFigures) => {
    for (const k of Object.keys(figures) as (keyof SliceFigures)[]) figures[k] += f[k];
  };
  let customersTotal = 0;
  let productsReached = 0;
  let partnerJudgedLines: string[] = [];
  let workers = 0;
  const stop = new AbortController();
  // The write side and any worker are abandoned with the run: none of a failed run's entries stays.
  let snapshot: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    snapshot = await readSnapshot();
  } catch (e) {
    stop.abort();
    await writer.abort(e);
    throw e;
  }
  function readSnapshot() {
    return ctx.db.transaction(
      async (tx) => {
        // Workers join this transaction's snapshot (PostgreSQL): exported before anything is read.
        const config = ctx.host.config;
        const parallel = ctx.host.database.driver === 'postgres' && config.IMPACT_WORKERS > 0;
        const exported = parallel ? resultRows<{ id: string }>(await tx.execute(sql`select pg_export_snapshot() as id`))[0]!.id : null;
        const judging = await prepareJudging(ctx, tx, proposal);
        productsReached = judging.reached.length;
        partnerJudgedLines = judging.partnerJudgedLines;
        const book: BookRow[] = await tx
          .select({ id: customers.id, branchId: customers.branchId, managerId: customers.managerId })
          .from(customers)
          .orderBy(asc(customers.id));
        customersTotal = book.length;
        runningProgress.set(reportId, { done: 0, total: book.length });
        // Large books are cut into slices that the run's thread and its workers take in turn, whichever is free
        // (the run's thread also writes the entries: it takes fewer when a change moves many pairs).
        workers = exported !== null && judging.reached.length > 0 && book.length >= config.IMPACT_WORKERS_FROM ? config.IMPACT_WORKERS : 0;
        const sliceSize = workers === 0 ? Math.max(1, book.length) : Math.min(SLICE, Math.ceil(book.length / (workers + 1)));
        let cursor = 0;
        const nextSlice = (): BookRow[] | null => {
          if (cursor >= book.length) return null;
          const slice = book.slice(cursor, cursor + sliceSize);
          cursor += slice.length;
          return slice;
        };
        // Customers done: those of finished slices, plus each thread's progress in its current one.
        let finished = 0;
        const current = new Array<number>(workers + 1).fill(0);
        const progress = (thread: number) => (n: number) => {
          current[thread] = n;
          runningProgress.set(reportId, { done: finished + current.reduce((x, y) => x + y, 0), total: book.length });
        };
        const sliceDone = (thread: number, size: number) => {
          finished += size;
          current[thread] = 0;
        };
        // The values this run judges under (the request's snapshot), handed to the workers as they are.
        const settings = settingEntries(ctx.settings);
        // Each worker's first slice is set aside now: it boots while the run's thread starts on its own.
        const reserved = Array.from({ length: workers }, (_, w) => book.slice((w + 1) * sliceSize, (w + 2) * sliceSize));
        cursor = Math.min(book.length, (workers + 1) * sliceSize);
        const remote = Array.from({ length: workers }, (_, w) => {
          let size = 0;
          let first: BookRow[] | null = reserved[w]!;
          return judgeInWorker(
            {
              config,
              settings,
              settingsVersion: ctx.settings.version ?? 0,
              principal: ctx.principal,
              requestId: ctx.requestId,
              now: ctx.now.toISOString(),
              snapshot: exported!,
              proposal,
            },
            {
              nextSlice: () => {
                if (size > 0) sliceDone(w + 1, size);
                const slice = first !== null && first.length > 0 ? first : nextSlice();
                first = null;
                size = slice?.length ?? 0;
                return slice;
              },
              entries: (list) => list.forEach(take),
              progress: progress(w + 1),
            },
            stop.signal,
          );
        });
        // A worker that fails stops the run at once (the others are told to stop when the run is abandoned).
        const remoteDone = Promise.all(remote);
        remoteDone.catch(() => {});
        for (let slice: BookRow[] | null = book.slice(0, sliceSize); slice !== null && slice.length > 0; slice = nextSlice()) {
          add(await judgeCustomers(ctx, tx, judging, slice, take, progress(0)));
          sliceDone(0, slice.length);
        }
        for (const f of await remoteDone) add(f);
        // What the changes touch: holdings no longer sellable to their holders, pending orders now refused, bundles with an item lost.
        const losing = entries.filter((e) => e.direction === 'LOSES');
        const pairs = new Set(losing.map((e) => `${e.customerId}:${e.productId}`));
        const losingProducts = [...new Set(losing.map((e) => e.productId))];
        const held =
          losingProducts.length === 0
            ? []
            : await tx
                .select({ customerId: holdings.customerId, productId: holdings.productId })
                .from(holdings)
                .where(and(eq(holdings.status, 'ACTIVE'), inArray(holdings.productId, losingProducts)));
        const pending =
          losingProducts.length === 0
            ? []
            : await tx
                .select({ id: orders.id, customerId: orders.customerId, productId: orders.productId })
                .from(orders)
                .where(and(eq(orders.status, 'PENDING'), inArray(orders.productId, losingProducts), gt(orders.coolingOffEndsAt, ctx.now)));
        const items =
          losingProducts.length === 0
            ? []
            : await tx
                .select({ bundleId: bundleItems.bundleId, productId: bundleItems.productId, code: bundles.code })
                .from(bundleItems)
                .innerJoin(bundles, eq(bundles.id, bundleItems.bundleId))
                .where(and(eq(bundles.status, 'ACTIVE'), inArray(bundleItems.productId, losingProducts)));
        const losersByProduct = new Map<number, Set<number>>();
        for (const e of losing) (losersByProduct.get(e.productId) ?? losersByProduct.set(e.productId, new Set()).get(e.productId)!).add(e.customerId);
        const bundleImpact = new Map<string, { bundleId: number; code: string; customers: Set<number> }>();
        for (const it of items) {
          const b = bundleImpact.get(it.code) ?? { bundleId: it.bundleId, code: it.code, customers: new Set<number>() };
          for (const c of losersByProduct.get(it.productId) ?? []) b.customers.add(c);
          bundleImpact.set(it.code, b);
        }
        return {
          holdingsNoLongerSellable: held.filter((h) => pairs.has(`${h.customerId}:${h.productId}`)).length,
          pendingOrdersRefused: pending.filter((o) => pairs.has(`${o.customerId}:${o.productId}`)).map((o) => o.id),
          bundles: [...bundleImpact.values()]
            .map((b) => ({ bundleId: b.bundleId, code: b.code, customersLosingAnItem: b.customers.size }))
            .sort((a, b) => a.bundleId - b.bundleId),
          products: judging.productFacts.length,
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
  const byDirection: Record<string, number> = { LOSES: 0, GAINS: 0, CHANGES: 0 };
  const byLine: Record<string, Record<string, number>> = {};
  const byProduct: Record<string, Record<string, number>> = {};
  const byBranch: Record<string, Record<string, number>> = {};
  const byManager: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    byDirection[e.direction] = (byDirection[e.direction] ?? 0) + 1;
    bump(byLine, e.line, e.direction);
    bump(byProduct, String(e.productId), e.direction);
    bump(byBranch, String(e.branchId ?? 'none'), e.direction);
    bump(byManager, String(e.managerId ?? 'none'), e.direction);
  }
  const summary = {
    byDirection,
    byLine,
    byProduct,
    byBranch,
    byManager,
    customers: customersTotal,
    products: snapshot.products,
    evaluations: 2 * customersTotal * snapshot.products,
    productsReached,
    partnerJudgedLines,
    workers,
    pairsJudged: figures.pairsJudged,
    ruleRuns: figures.ruleRuns,
    sharedRuleRuns: figures.sharedRuleRuns,
    elapsedMs: Date.now() - started,
    loadMs: Math.round(figures.loadMs),
    evaluateMs: Math.round(figures.evaluateMs),
    holdingsNoLongerSellable: snapshot.holdingsNoLongerSellable,
    pendingOrdersRefused: snapshot.pendingOrdersRefused,
    bundles: snapshot.bundles,
  };
  await writer.close(async (tx) => {
    summary.elapsedMs = Date.now() - started;
    const finished = await tx
      .update(impactReports)
      .set({ status: 'DONE', summary, customersDone: customersTotal, customersTotal, finishedAt: new Date() })
      .where(and(eq(impactReports.id, reportId), eq(impactReports.status, 'RUNNING')))
      .returning({ id: impactReports.id });
    // A run delivered twice (its job taken again from a node thought dead) finishes once: this one's entries roll back.
    if (finished.length === 0) throw new ReportNotRunning(reportId);
  });
  runningProgress.delete(reportId);
}
