import { asc, eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import type { Tx } from '../db/client.js';
import { products } from '../db/schema/index.js';
import { txContext } from '../orders/tx-context.js';
import { withOverrides } from '../settings/registry.js';
import { SETTING_DISABLED_RULES } from '../suitability/active-rules.js';
import { loadCustomerFacts, loadProductFacts } from '../suitability/facts-loader.js';
import type { CustomerFacts, ProductFacts, SaleFacts } from '../sdk/contract/suitability.js';
import { DeltaJudge, type Verdict } from './delta-judge.js';
import type { CheckedProposal } from './proposal.js';

/** Customers whose facts are read together: fewer, larger statements (each batch's rows are dropped once judged). */
const FACTS_BATCH = 2000;
/** Customers judged between two turns of the event loop (the next batch's facts arrive meanwhile). */
const YIELD_EVERY = 250;
const OK = new Set(['ALLOW', 'WARN']);

/** One customer × product that moves under the proposal: a row of the report. */
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

/** A customer of the book as the report files it. */
export interface BookRow {
  id: number;
  branchId: number | null;
  managerId: number | null;
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

/** What judging a book needs, read once from the snapshot: the catalog's facts, one sale per product, the judge. */
export interface Judging {
  judge: DeltaJudge;
  productFacts: ProductFacts[];
  sales: SaleFacts[];
  /** Indices into `productFacts` of the products the proposal can reach (the only ones judged). */
  reached: number[];
  /** Lines of reached products that a partner judges: judged here on the bank's own rules alone (DeltaJudge.partnerJudged). */
  partnerJudgedLines: string[];
}

/** The counts a slice of the book adds to the report's figures. */
export interface SliceFigures {
  loadMs: number;
  evaluateMs: number;
  pairsJudged: number;
  ruleRuns: number;
  sharedRuleRuns: number;
}

/**
 * Reads the catalog on sale from the snapshot and sets up the judge for the proposal, as the rules stand in
 * `ctx.settings` (the bank's settings and switched-off rules) and as proposed.
 */
export async function prepareJudging(ctx: HostContext, tx: Tx, proposal: CheckedProposal): Promise<Judging> {
  const base = txContext(ctx, tx);
  const catalog = (await tx.select().from(products).where(eq(products.status, 'ON_SALE')).orderBy(asc(products.id))).filter((p) =>
    ctx.host.pluginByLine.has(p.line),
  );
  const productFacts: ProductFacts[] = [];
  for (const p of catalog) productFacts.push(await loadProductFacts(base, p));
  const judge = new DeltaJudge(
    ctx.host.rules,
    new Set(ctx.settings.get<string[]>(SETTING_DISABLED_RULES)),
    new Set(proposal.disabled),
    ctx.settings,
    // The proposal over the same snapshot the current side reads: a change arriving mid-run moves neither side.
    withOverrides(ctx.settings, proposal.overrides),
    new Set(Object.keys(proposal.overrides)),
  );
  // One sale per product for the whole run, as eligibleProducts states it (a manager recommending at the
  // counter): the judge recognises it by identity to share what rules say alike for every customer.
  const sales: SaleFacts[] = productFacts.map((pf) => ({
    side: 'BUY',
    amount: null,
    quantity: null,
    currency: pf.currency,
    channel: 'COUNTER',
    initiator: 'STAFF',
    details: {},
    statedFigures: [],
    completedSteps: [],
    seller: null,
  }));
  // Only products some switched rule or changed setting can reach are judged: for the others both sides
  // are the same by construction (rules are pure and read only the settings they may).
  const reached = productFacts.map((_, j) => j).filter((j) => judge.mayMove(productFacts[j]!.line));
  const partnerJudgedLines = [...new Set(reached.map((j) => productFacts[j]!.line))].filter((line) => judge.partnerJudged(line)).sort();
  return { judge, productFacts, sales, reached, partnerJudgedLines };
}

/**
 * Judges each customer of `book` against each reached product, reading their facts set-wise from the
 * snapshot `tx`; each pair that moves goes to `onEntry`. Fresh loaders per batch: a batch's facts are dropped
 * once judged. The next batch's statements are sent before this one is judged, and judging yields to the
 * event loop every few hundred customers, so the database works on them (and their rows are read) meanwhile.
 */
export async function judgeCustomers(
  ctx: HostContext,
  tx: Tx,
  j: Judging,
  book: readonly BookRow[],
  onEntry: (e: ImpactEntry) => void,
  onProgress: (done: number) => void,
): Promise<SliceFigures> {
  const { judge, productFacts, sales, reached } = j;
  const now = ctx.now;
  const nowIso = now.toISOString();
  const figures: SliceFigures = { loadMs: 0, evaluateMs: 0, pairsJudged: 0, ruleRuns: 0, sharedRuleRuns: 0 };
  const runs0 = judge.runs;
  const shared0 = judge.shared;
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
    figures.loadMs += t1 - t0;
    for (let k = 0; k < slice.length; k++) {
      if (k > 0 && k % YIELD_EVERY === 0) await new Promise(setImmediate);
      const c = slice[k]!;
      const cf = facts[k];
      if (!cf) continue;
      for (const p of reached) {
        const pf = productFacts[p]!;
        const verdicts = judge.judge({ customer: cf, product: pf, sale: sales[p]!, now: nowIso }, now);
        const moved = verdicts && compare(verdicts.before, verdicts.after);
        if (moved) onEntry({ customerId: c.id, productId: pf.id, line: pf.line, branchId: c.branchId, managerId: c.managerId, ...moved });
      }
      figures.pairsJudged += reached.length;
    }
    figures.evaluateMs += performance.now() - t1;
    onProgress(Math.min(i + FACTS_BATCH, book.length));
  }
  figures.ruleRuns = judge.runs - runs0;
  figures.sharedRuleRuns = judge.shared - shared0;
  return figures;
}
