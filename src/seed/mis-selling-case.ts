import { produced } from '../controls/maker-checker/executors.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Host } from '../app/host.js';
import { complaints, customers, products } from '../db/schema/index.js';
import { DEFAULT_RESPONSE_HOURS, respondByOf } from '../domain/complaints/complaint.settings.js';
import { FinmartError } from '../graphql/errors.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { createRequestContext } from '../http/context.js';
import { placeOrder } from '../orders/place-order.js';

/** Lines whose sales are mis-selling cases in practice (wealth products), most typical first. */
const LINES = ['FUNDS', 'INSURANCE', 'GOLD'];
const MAX_ATTEMPTS = 24;

/**
 * The demo's mis-selling case: a staff-initiated sale placed through the real
 * order path (so the order has its decision record), and a CRITICAL
 * MIS_SELLING complaint about it, escalated to the branch and overdue.
 * Deterministic: the first customer × product pair (by id) the rules accept.
 * Returns the complaint id, or null when no loaded line offers a sale.
 */
export async function seedMisSellingCase(host: Host, now: Date): Promise<number | null> {
  const { runtime } = host;
  const db = runtime.database.db;
  const candidates = await db
    .select()
    .from(products)
    .where(and(eq(products.status, 'ON_SALE'), inArray(products.line, LINES)))
    .orderBy(asc(products.riskRating), asc(products.id))
    .limit(6);
  const people = await db.select().from(customers).where(eq(customers.legalCapacity, 'FULL')).orderBy(asc(customers.id)).limit(4);
  // Sold five days before the demo's today; the complaint came two days later.
  const soldAt = new Date(now.getTime() - 5 * 86_400_000);
  const ctx = createRequestContext(runtime, { role: 'HEAD_OFFICE', subject: 'seed' }, 'zh-CN', 'seed-mis-selling', soldAt);
  let attempts = 0;
  for (const product of candidates) {
    for (const customer of people) {
      if (++attempts > MAX_ATTEMPTS) return null;
      const request = {
        customerId: toGlobalId('Customer', customer.id),
        productId: toGlobalId('Product', product.id),
        amount: Number(product.minimumAmount) > 0 ? product.minimumAmount : '1000',
        channel: 'WEALTH_CENTER',
        initiator: 'STAFF',
        completedSteps: [] as string[],
        idempotencyKey: `seed-mis-selling-${product.id}-${customer.id}`,
      };
      let order;
      try {
        order = produced(await placeOrder(ctx, request));
      } catch (e) {
        const missing = e instanceof FinmartError && e.code === 'SUITABILITY_STEPS_REQUIRED' ? (e.extensions.missingSteps as string[]) : null;
        if (!missing) continue;
        try {
          order = produced(await placeOrder(ctx, { ...request, completedSteps: missing, idempotencyKey: `${request.idempotencyKey}-steps` }));
        } catch {
          continue;
        }
      }
      // Filed three days after the sale, still unanswered: past the CRITICAL target, escalated to the branch.
      const recordedAt = new Date(now.getTime() - 3 * 86_400_000);
      const [row] = await db
        .insert(complaints)
        .values({
          customerId: customer.id,
          managerId: customer.managerId,
          branchId: customer.branchId,
          category: 'MIS_SELLING',
          description: '客户称客户经理推荐该产品时未充分揭示风险，要求核查销售过程',
          severity: 'CRITICAL',
          status: 'ACCEPTED',
          recordedAt,
          acceptedAt: new Date(recordedAt.getTime() + 2 * 3_600_000),
          respondBy: respondByOf(recordedAt, 'CRITICAL', DEFAULT_RESPONSE_HOURS),
          orderId: order.id,
          decisionId: order.decisionId,
          escalationLevel: 1,
          escalatedAt: new Date(recordedAt.getTime() + 30 * 3_600_000),
          escalationReason: '涉嫌销售误导，升级至支行负责人核查双录与适当性记录',
          version: 3,
        })
        .returning({ id: complaints.id });
      return row.id;
    }
  }
  return null;
}
