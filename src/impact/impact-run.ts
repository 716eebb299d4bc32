import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { HostContext } from '../app/runtime.js';
import { bundleItems, bundles, customers, holdings, impactReports, orders, products } from '../db/schema/index.js';
import { txContext } from '../orders/tx-context.js';
import { SETTING_DISABLED_RULES } from '../suitability/active-rules.js';
import { DeltaJudge, type Verdict } from './delta-judge.js';
import { EntryWriter } from './entry-writer.js';
import { loadCustomerFacts, loadProductFacts } from '../suitability/facts-loader.js';
import type { CustomerFacts, ProductFacts, SaleFacts } from '../suitability/types.js';
import type { CheckedProposal } from './proposal.js';

/** Customers whose facts are read together: fewer, larger statements (each batch's rows are dropped once judged). */
const FACTS_BATCH = 2000;
/** Customers judged between two turns of the event loop (the next batch's facts arrive meanwhile). */
const YIELD_EVERY = 250;
const OK = new Set(['ALLOW', 'WARN']);

/** Progress of the runs in this process (a report's row holds it once the run ends). */
export const runningProgress = new Map<number, { done: number; total: number }>();

export interface ImpactEntry {
  customerId: number;
  productId: number;
  line: string;
  branchId: number | null;
  managerId: number | null;
  direction: 'LOSES' | 'GAINS' | 'CHANGES';
  before: string;
  after: string;
  codesAdded: string[];
  codesRemoved: string[];
}

/** How one customer × product moves under the proposal, or null when nothing changes. */
export function compare(before: Verdict, after: Verdict): Pick<ImpactEntry, 'direction' | 'before' | 'after' | 'codesAdded' | 'codesRemoved'> | null {
  const b = before.codes;
  const a = after.codes;
  const added = [...a].filter((c) => !b.has(c)).sort();
  const removed = [...b].filter((c) => !a.has(c)).sort();
  if (before.outcome === after.outcome && added.length === 0 && removed.length === 0) return null;
  const wasOk = OK.has(before.outcome);
  const isOk = OK.has(after.outcome);
  const direction = wasOk && !isOk ? 'LOSES' : !wasOk && isOk ? 'GAINS' : 'CHANGES';
  return { direction, before: before.outcome, after: after.outcome, codesAdded: added, codesRemoved: removed };
}

const bump = (m: Record<string, Record<string, number>>, key: string, direction: string) => {
  const row = (m[key] ??= { LOSES: 0, GAINS: 0, CHANGES: 0 });
  row[direction] = (row[direction] ?? 0) + 1;
};

/**
 * Evaluates the whole book against the whole catalog twice — as the rules stand and as the proposal would
 * have them (one pass: see {@link DeltaJudge}) — over one consistent snapshot (a read-only repeatable-read transaction), each customer × on-sale
 * product judged as `eligibleProducts` judges it (a manager recommending at the counter). Only the report is
 * written (see {@link EntryWriter}: its entries and DONE status commit together).
 */
export async function runImpact(ctx: HostContext, reportId: number, proposal: CheckedProposal): Promise<void> {
  const started = Date.now();
  // The report's figures are counted as entries are judged; the entries themselves go to the writer.
  const entries: ImpactEntry[] = [];
  const writer = new EntryWriter(ctx.host.database, reportId);
  let evaluations = 0;
  let customersTotal = 0;
  // Where the time goes: waiting for a batch's facts (read set-wise, overlapped with judging the batch before), and judging.
  let loadMs = 0;
  let evaluateMs = 0;
  let sharedRuleRuns = 0;
  let pairsJudged = 0;
  let productsReached = 0;
  let ruleRuns = 0;
  // The write side is abandoned with the run: none of a failed run's entries stays.
  let snapshot: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    snapshot = await readSnapshot();
  } catch (e) {
    await writer.abort(e);
    throw e;
  }
  function readSnapshot() {
    return ctx.db.transaction(
      async (tx) => {
        const base = txContext(ctx, tx);
        const catalog = (await tx.select().from(products).where(eq(products.status, 'ON_SALE')).orderBy(asc(products.id))).filter((p) => ctx.host.pluginByLine.has(p.line));
        const productFacts: ProductFacts[] = [];
        for (const p of catalog) productFacts.push(await loadProductFacts(base, p));
        const book = await tx.select({ id: customers.id, branchId: customers.branchId, managerId: customers.managerId }).from(customers).orderBy(asc(customers.id));
        customersTotal = book.length;
        runningProgress.set(reportId, { done: 0, total: book.length });
        const proposedSettings = ctx.host.settings.withOverrides(proposal.overrides);
        const judge = new DeltaJudge(
          ctx.host.rules,
          new Set(ctx.settings.get<string[]>(SETTING_DISABLED_RULES)),
          new Set(proposal.disabled),
          ctx.settings,
          proposedSettings,
          new Set(Object.keys(proposal.overrides)),
        );
        const now = ctx.now;
        const nowIso = now.toISOString();
        // One sale per product for the whole run, as eligibleProducts states it (a manager recommending at the
        // counter): the judge recognises it by identity to share what rules say alike for every customer.
        const sales: SaleFacts[] = productFacts.map((pf) => ({ side: 'BUY', amount: null, quantity: null, currency: pf.currency, channel: 'COUNTER', initiator: 'STAFF', details: {}, statedFigures: [], completedSteps: [], seller: null }));
        // Only products some switched rule or changed setting can reach are judged: for the others both sides
        // are the same by construction (rules are pure and read only their own plugin's settings and the host's).
        const reached = productFacts.map((_, j) => j).filter((j) => judge.mayMove(productFacts[j]!.line));
        productsReached = reached.length;
        // Fresh loaders per batch: the facts of a batch are read set-wise and dropped after it. The next batch's
        // statements are sent before this one is judged, and judging yields to the event loop every few hundred
        // customers, so the database works on them (and their rows are read) while this process judges.
        const load = (i: number) => {
          const bctx = txContext(ctx, tx);
          return Promise.all(book.slice(i, i + FACTS_BATCH).map((c) => loadCustomerFacts(bctx, c.id)));
        };
        let next = book.length > 0 && reached.length > 0 ? load(0) : null;
        for (let i = 0; next !== null && i < book.length; i += FACTS_BATCH) {
          const slice = book.slice(i, i + FACTS_BATCH);
          const t0 = performance.now();
          const facts: (CustomerFacts | null)[] = await next;
          next = i + FACTS_BATCH < book.length ? load(i + FACTS_BATCH) : null;
          const t1 = performance.now();
          loadMs += t1 - t0;
          for (let k = 0; k < slice.length; k++) {
            if (k > 0 && k % YIELD_EVERY === 0) await new Promise(setImmediate);
            const c = slice[k]!;
            const cf = facts[k];
            if (!cf) continue;
            for (const j of reached) {
              const pf = productFacts[j]!;
              const verdicts = judge.judge({ customer: cf, product: pf, sale: sales[j]!, now: nowIso }, now);
              const moved = verdicts && compare(verdicts.before, verdicts.after);
              if (moved) {
                const entry: ImpactEntry = { customerId: c.id, productId: pf.id, line: pf.line, branchId: c.branchId, managerId: c.managerId, ...moved };
                entries.push(entry);
                writer.add(entry);
              }
            }
            pairsJudged += reached.length;
          }
          evaluateMs += performance.now() - t1;
          sharedRuleRuns = judge.shared;
          ruleRuns = judge.runs;
          runningProgress.set(reportId, { done: Math.min(i + FACTS_BATCH, book.length), total: book.length });
        }
        evaluations = 2 * book.length * productFacts.length;
        // What the changes touch: holdings no longer sellable to their holders, pending orders now refused, bundles with an item lost.
        const losing = entries.filter((e) => e.direction === 'LOSES');
        const pairs = new Set(losing.map((e) => `${e.customerId}:${e.productId}`));
        const losingProducts = [...new Set(losing.map((e) => e.productId))];
        const held = losingProducts.length === 0 ? [] : await tx.select({ customerId: holdings.customerId, productId: holdings.productId }).from(holdings).where(and(eq(holdings.status, 'ACTIVE'), inArray(holdings.productId, losingProducts)));
        const pending = losingProducts.length === 0 ? [] : await tx.select({ id: orders.id, customerId: orders.customerId, productId: orders.productId }).from(orders).where(and(eq(orders.status, 'PENDING'), inArray(orders.productId, losingProducts), gt(orders.coolingOffEndsAt, now)));
        const items = losingProducts.length === 0 ? [] : await tx.select({ bundleId: bundleItems.bundleId, productId: bundleItems.productId, code: bundles.code }).from(bundleItems).innerJoin(bundles, eq(bundles.id, bundleItems.bundleId)).where(and(eq(bundles.status, 'ACTIVE'), inArray(bundleItems.productId, losingProducts)));
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
          bundles: [...bundleImpact.values()].map((b) => ({ bundleId: b.bundleId, code: b.code, customersLosingAnItem: b.customers.size })).sort((a, b) => a.bundleId - b.bundleId),
          products: catalog.length,
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
    byDirection, byLine, byProduct, byBranch, byManager,
    customers: customersTotal, products: snapshot.products, evaluations, productsReached, pairsJudged, ruleRuns, sharedRuleRuns, elapsedMs: Date.now() - started, loadMs: Math.round(loadMs), evaluateMs: Math.round(evaluateMs),
    holdingsNoLongerSellable: snapshot.holdingsNoLongerSellable, pendingOrdersRefused: snapshot.pendingOrdersRefused, bundles: snapshot.bundles,
  };
  await writer.close(async (tx) => {
    summary.elapsedMs = Date.now() - started;
    await tx.update(impactReports).set({ status: 'DONE', summary, customersDone: customersTotal, customersTotal, finishedAt: new Date() }).where(eq(impactReports.id, reportId));
  });
  runningProgress.delete(reportId);
}
