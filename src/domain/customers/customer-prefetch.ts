import { sql, type SQL } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import type { HostContext } from '../../graphql/context.js';
import { branches, customers, exchangeRates, holdings, managers, products, riskAssessments } from '../../db/schema/index.js';
import { decodeJsonRows, jsonRowOf, jsonRowsOf, jsonValue, precompiled } from '../../db/json-rows.js';
import { selectedFields } from '../../graphql/lookahead.js';
import {
  branchLoader,
  customerLoader,
  exchangeRatesLoader,
  holdingsByCustomerLoader,
  latestAssessmentLoader,
  managerLoader,
  productLoader,
} from '../core-loaders.js';
import { prefetched } from '../prefetched.js';
import { decodeOrderStats, NO_ORDERS, orderStatsLoader, orderStatsSql } from './contribution.js';
import { activitySince, businessCountSql, lastReachedSql } from './activity.js';
import { businessLoader } from './business.loader.js';
import type { CustomerRecord } from './customer.record.js';
import { resultRows } from '../../db/result-rows.js';

/**
 * A page of customers and, in the same statement, what its selection will
 * ask for next: their open holdings with the holdings' products and the
 * reference rates (to value them), their newest risk assessments, managers
 * and branches. The
 * request's loaders are primed with it, so the nested fields resolve with no
 * further statement — a page of 1 or 100 customers with their holdings costs
 * one statement (PostGraphile plans ahead the same way).
 */

/** What to fetch with the customers. */
export interface CustomerPrefetch {
  holdings: boolean;
  assessments: boolean;
  managers: boolean;
  branches: boolean;
  /** Order sums (fee income, business volume: contribution.ts) of the page's customers. */
  orders: boolean;
  /** Business counts and last reach (activity, contactPlan). */
  business: boolean;
}

/** Customer fields that read the customer's holdings (directly or through suitability facts). */
const HOLDING_FIELDS = [
  'holdings',
  'totalAssets',
  'tier',
  'productCoverage',
  'eligibleProducts',
  'bundleOffers',
  'suitability',
  'nextTier',
  'assignmentMismatch',
  'sizeClass',
];
/** Customer fields that may read order sums: size class always, the tier's users when the tier basis looks at contribution. */
const ORDER_FIELDS = ['sizeClass', 'tier', 'nextTier', 'assignmentMismatch', 'bundleOffers'];
/** Customer fields that read the newest risk assessment. */
const ASSESSMENT_FIELDS = ['riskProfile', 'eligibleProducts', 'bundleOffers', 'suitability'];

/** The prefetch a selection needs, from the Customer fields selected at `path` below the current field. */
export function prefetchFor(info: GraphQLResolveInfo, path: readonly string[]): CustomerPrefetch {
  const fields = selectedFields(info, path, ['Customer', 'Node']);
  return {
    holdings: HOLDING_FIELDS.some((f) => fields.has(f)),
    assessments: ASSESSMENT_FIELDS.some((f) => fields.has(f)),
    managers: fields.has('manager') || fields.has('assignmentMismatch'),
    branches: fields.has('branch'),
    orders: ORDER_FIELDS.some((f) => fields.has(f)),
    business: fields.has('activity') || fields.has('contactPlan'),
  };
}

// Built once, to SQL text: the JSON shape of each table's rows (no values).
const CUSTOMERS = precompiled(sql`(select coalesce(json_agg(${jsonRowOf(customers, 'c')} order by c._n), '[]'::json) from page c) as customers`);
const HOLDINGS = precompiled(sql`${jsonRowsOf(holdings, 'h', sql`hold h`, sql`h.id`)} as holdings`);
const PRODUCTS = precompiled(sql`${jsonRowsOf(products, 'p', sql`${products} p where p.id in (select product_id from hold)`, sql`p.id`)} as products`);
const RATES = precompiled(sql`${jsonRowsOf(exchangeRates, 'r', sql`${exchangeRates} r`, sql`r.currency`)} as rates`);
const MANAGERS = precompiled(sql`${jsonRowsOf(managers, 'm', sql`${managers} m where m.id in (select manager_id from page)`, sql`m.id`)} as managers`);
const BRANCHES = precompiled(sql`${jsonRowsOf(branches, 'b', sql`${branches} b where b.id in (select branch_id from page)`, sql`b.id`)} as branches`);
// Newest assessment of each customer of the page: an index look-up per customer (customer_id, assessed_at).
const ASSESSMENTS = precompiled(
  sql`${jsonRowsOf(
    riskAssessments,
    'a',
    sql`page c cross join lateral (select * from ${riskAssessments} a where a.customer_id = c.id order by a.assessed_at desc, a.id desc limit 1) a`,
    sql`a.customer_id`,
  )} as assessments`,
);
// Open positions of the page's customers: `= any(array(…))` keeps the planner on the (customer_id, id) index
// whatever it guesses of the page's size (a lateral join over the page became a scan of all holdings).
const HOLD = precompiled(
  sql`, hold as (select h.* from ${holdings} h where h.customer_id = any(array(select id from page)) and h.status in ('ACTIVE', 'PENDING'))`,
);

/**
 * Customers matching `where` in `orderBy`, at most `limit`, with what
 * `prefetch` asks for — one statement — priming the request's loaders.
 */
export async function loadCustomers(
  ctx: HostContext,
  where: SQL | undefined,
  orderBy: SQL,
  limit: number,
  prefetch: CustomerPrefetch,
): Promise<CustomerRecord[]> {
  const page = sql`select *, row_number() over (order by ${orderBy}) as _n from ${customers} where ${where ?? sql`true`} order by ${orderBy} limit ${limit}`;
  const parts: SQL[] = [CUSTOMERS];
  if (prefetch.holdings) parts.push(HOLDINGS, PRODUCTS, RATES);
  if (prefetch.managers) parts.push(MANAGERS);
  if (prefetch.branches) parts.push(BRANCHES);
  if (prefetch.assessments) parts.push(ASSESSMENTS);
  // Values (windows, rates by line) come from settings and `now`, so this part is built per request.
  if (prefetch.orders) {
    parts.push(
      sql`(select coalesce(json_agg(json_build_object('customer_id', s.customer_id, 'fee', s.fee::text, 'volume', s.volume::text)), '[]'::json) from (${orderStatsSql(sql`array(select id from page)`, ctx.settings, ctx.now)}) s) as order_stats`,
    );
  }
  if (prefetch.business) parts.push(businessOfPageSql(activitySince(ctx.now, ctx.settings)));
  const result = (await ctx.db.execute(sql`with page as (${page})${prefetch.holdings ? HOLD : sql``} select ${sql.join(parts, sql`, `)}`)) as unknown;
  const row = resultRows(result)[0] ?? {};

  const found = decodeJsonRows(customers, row.customers);
  const ids = found.map((c) => c.id);
  const ahead = prefetched(ctx);
  for (const c of found) customerLoader(ctx).prime(c.id, c);
  if (prefetch.holdings) {
    for (const id of ids) ahead.holdings.set(id, []);
    for (const h of decodeJsonRows(holdings, row.holdings)) ahead.holdings.get(h.customerId)?.push(h);
    for (const id of ids) holdingsByCustomerLoader(ctx).prime(id, ahead.holdings.get(id)!);
    for (const p of decodeJsonRows(products, row.products)) {
      ahead.products.set(p.id, p);
      productLoader(ctx).prime(p.id, p);
    }
    const rates = new Map<string, string>([['CNY', '1']]);
    for (const r of decodeJsonRows(exchangeRates, row.rates)) rates.set(r.currency, r.rateToCny);
    ahead.rates = rates;
    exchangeRatesLoader(ctx).prime('all', rates);
  }
  if (prefetch.managers) for (const m of decodeJsonRows(managers, row.managers)) managerLoader(ctx).prime(m.id, m);
  if (prefetch.branches) for (const b of decodeJsonRows(branches, row.branches)) branchLoader(ctx).prime(b.id, b);
  if (prefetch.orders) {
    const raw = jsonValue<Parameters<typeof decodeOrderStats>[0] | null>(row.order_stats) ?? [];
    const stats = decodeOrderStats(raw);
    for (const id of ids) orderStatsLoader(ctx).prime(id, stats.get(id) ?? NO_ORDERS);
  }
  if (prefetch.assessments) {
    const newest = new Map(decodeJsonRows(riskAssessments, row.assessments).map((a) => [a.customerId, a]));
    for (const id of ids) {
      const a = newest.get(id) ?? null;
      ahead.assessments.set(id, a);
      latestAssessmentLoader(ctx).prime(id, a);
    }
  }
  if (prefetch.business) {
    for (const [id, count, reached] of (row.business ?? []) as [number, number, string | null][]) {
      const b = { count: Number(count), lastReachedAt: reached ? new Date(reached) : null };
      ahead.business.set(id, b);
      businessLoader(ctx).prime(id, b);
    }
  }
  return found;
}

/** Each page customer's business in the window and last reach, as JSON `[id, count, lastReachedAt]` rows. */
function businessOfPageSql(since: Date): SQL {
  return sql`(select coalesce(json_agg(json_build_array(c.id, ${businessCountSql(sql`c.id`, since)}, ${lastReachedSql(sql`c.id`)})), '[]'::json) from page c) as business`;
}
