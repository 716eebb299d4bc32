import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { productScope } from '../../src/access/scope.js';
import type { Host } from '../../src/app/host.js';
import type { Principal } from '../../src/auth/principal.js';
import { products } from '../../src/db/schema/index.js';
import { countStatements } from '../../src/db/statement-counter.js';
import { lineIn } from '../../src/domain/products/product.query.js';
import { createRequestContext } from '../../src/http/context.js';
import { evaluateSuitability } from '../../src/suitability/engine.js';
import { assembleFacts, loadCustomerFacts, loadProductFacts } from '../../src/suitability/facts-loader.js';
import { decide, type SaleRequest } from '../../src/suitability/service.js';
import { median } from './stats.js';

const SALE: SaleRequest = { side: 'BUY', amount: null, channel: 'COUNTER', initiator: 'STAFF', details: {}, completedSteps: [] };

/** Results of the rule-engine benchmarks. */
export interface EngineBench {
  rules: number;
  products: number;
  evaluations: number;
  evalsPerSecond: number;
  /** Applicable (rule, product) pairs run per second. */
  ruleRunsPerSecond: number;
  /** Whole on-sale catalog for one customer, facts already loaded: median ms. */
  catalogEvalMs: number;
  /** Same, including loading the facts (fresh request context): median ms and statements. */
  catalogWithFactsMs: number;
  catalogWithFactsStatements: number;
  onSale: number;
}

/**
 * `evaluateSuitability` over the runtime's full rule set for one customer's
 * facts (loaded once) against every product, bounded by time; then the whole
 * on-sale catalog for one customer through the suitability service.
 */
export async function benchEngine(host: Host, principal: Principal, customerId: number, maxMs: number): Promise<EngineBench> {
  const { runtime } = host;
  const ctx = createRequestContext(runtime, principal, 'en', randomUUID());
  const customer = await loadCustomerFacts(ctx, customerId);
  if (!customer) throw new Error(`customer ${customerId} not found`);
  const all = await ctx.db.select().from(products).orderBy(asc(products.id));
  const facts = await Promise.all(
    all.map(async (p) =>
      assembleFacts(customer, await loadProductFacts(ctx, p), { ...SALE, currency: p.currency, quantity: null, statedFigures: [] }, ctx.now),
    ),
  );
  const ruleCtx = { settings: runtime.settings, now: ctx.now };
  const applicable = facts.reduce((n, f) => n + runtime.rules.filter((r) => !r.rule.lines || r.rule.lines.includes(f.product.line)).length, 0);

  let evaluations = 0;
  let sink = 0;
  for (let i = 0; i < 200; i++) for (const f of facts) sink += evaluateSuitability(runtime.rules, f, ruleCtx).reasons.length; // warm-up
  const started = performance.now();
  let passes = 0;
  while (performance.now() - started < maxMs && passes < 100_000) {
    for (const f of facts) sink += evaluateSuitability(runtime.rules, f, ruleCtx).reasons.length;
    evaluations += facts.length;
    passes++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink < 0) console.log(sink);

  const onSale = await ctx.db
    .select()
    .from(products)
    .where(and(productScope(principal), eq(products.status, 'ON_SALE'), lineIn([...runtime.pluginByLine.keys()])))
    .orderBy(asc(products.id));
  const evalOnly: number[] = [];
  const withFacts: number[] = [];
  const statements: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    await Promise.all(onSale.map((p) => decide(ctx, customer, p, SALE)));
    evalOnly.push(performance.now() - t);
    const fresh = createRequestContext(runtime, principal, 'en', randomUUID());
    t = performance.now();
    const { log } = await countStatements(async () => {
      const c = await loadCustomerFacts(fresh, customerId);
      return Promise.all(onSale.map((p) => decide(fresh, c!, p, SALE)));
    });
    withFacts.push(performance.now() - t);
    statements.push(log.count);
  }
  return {
    rules: runtime.rules.length,
    products: all.length,
    evaluations,
    evalsPerSecond: evaluations / seconds,
    ruleRunsPerSecond: (applicable * passes) / seconds,
    catalogEvalMs: median(evalOnly),
    catalogWithFactsMs: median(withFacts),
    catalogWithFactsStatements: median(statements),
    onSale: onSale.length,
  };
}
