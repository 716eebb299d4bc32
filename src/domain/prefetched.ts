import type { holdings, riskAssessments } from '../db/schema/index.js';
import type { ProductRecord } from './products/product.record.js';

type HoldingRow = typeof holdings.$inferSelect;
type AssessmentRow = typeof riskAssessments.$inferSelect;

/**
 * What a root resolver fetched ahead for its selection (customer-prefetch.ts),
 * readable synchronously: the resolvers below it answer from here without a
 * promise per field — on a page of 50 customers with their holdings that is
 * thousands of promises (and their async-context hooks and garbage) less.
 * Loaders are primed with the same rows, so any other path still finds them.
 */
export interface Prefetched {
  /** Open holdings by customer id (present = fetched, possibly empty). */
  holdings: Map<number, HoldingRow[]>;
  products: Map<number, ProductRecord>;
  /** Reference rates to CNY (with CNY itself), when fetched. */
  rates: Map<string, string> | null;
  /** Newest assessment by customer id (present = fetched; null = never assessed). */
  assessments: Map<number, AssessmentRow | null>;
  /** Business in the activity window and last reach, by customer id (present = fetched). */
  business: Map<number, Business>;
}

/** A customer's business in the activity window (core.activityByBusiness) and when they were last reached. */
export interface Business {
  count: number;
  lastReachedAt: Date | null;
}

const store = new WeakMap<object, Prefetched>();

/** The request's prefetched rows (empty until a root resolver fetches ahead). */
export function prefetched(ctx: object): Prefetched {
  let p = store.get(ctx);
  if (!p) store.set(ctx, (p = { holdings: new Map(), products: new Map(), rates: null, assessments: new Map(), business: new Map() }));
  return p;
}
