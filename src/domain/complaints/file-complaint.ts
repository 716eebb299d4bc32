import { eq } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { orders } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { checkText } from '../customers/customer.validation.js';
import { RESPONSE_HOURS_KEY, respondByOf, type Severity } from './complaint.settings.js';

export const COMPLAINT_CATEGORIES = ['MIS_SELLING', 'SERVICE', 'FEES', 'SYSTEM', 'OTHER'] as const;

/** What fileComplaint receives, before checks. */
export interface FileComplaintRequest {
  category: string;
  description: string;
  severity?: string | null;
  orderId?: string | null;
}

/** A request that passed every check that needs no statement. */
export interface CheckedComplaint {
  category: string;
  description: string;
  severity: Severity;
  /** Numeric key of the order complained about, if any. */
  orderKey: number | null;
}

/**
 * Checks a filing before any statement runs: the category, the description,
 * the order id's shape, and that a mis-selling complaint names the order (a
 * mis-selling complaint is about a sale; without it, it cannot be checked
 * against the decision record).
 */
export function checkComplaintRequest(input: FileComplaintRequest): CheckedComplaint {
  if (!(COMPLAINT_CATEGORIES as readonly string[]).includes(input.category)) {
    throw badInput(text(`投诉类别须为 ${COMPLAINT_CATEGORIES.join('/')}`, `category must be one of ${COMPLAINT_CATEGORIES.join(', ')}`), 'category');
  }
  const description = checkText(input.description, 'description', 2000);
  let orderKey: number | null = null;
  if (input.orderId != null) {
    orderKey = numericIdOf(input.orderId, 'Order');
    if (orderKey === null) throw badInput(text('orderId 不是有效的订单标识', 'orderId is not an order id'), 'orderId');
  }
  if (input.category === 'MIS_SELLING' && orderKey === null) {
    throw badInput(text('销售误导类投诉须指明所涉订单（orderId）', 'A MIS_SELLING complaint must name the order it is about (orderId)'), 'orderId');
  }
  return { category: input.category, description, severity: (input.severity ?? 'MEDIUM') as Severity, orderKey };
}

/** The order complained about and its decision record; BAD_USER_INPUT unless it is the customer's. */
export async function linkedOrder(
  ctx: HostContext,
  orderKey: number | null,
  customerId: number,
): Promise<{ orderId: number | null; decisionId: number | null }> {
  if (orderKey === null) return { orderId: null, decisionId: null };
  const [order] = await ctx.db
    .select({ id: orders.id, customerId: orders.customerId, decisionId: orders.decisionId })
    .from(orders)
    .where(eq(orders.id, orderKey));
  // Someone else's order and no order at all answer alike: nothing about other customers leaks.
  if (!order || order.customerId !== customerId) {
    throw badInput(text('orderId 不是该客户的订单', "orderId is not one of this customer's orders"), 'orderId');
  }
  return { orderId: order.id, decisionId: order.decisionId };
}

/** The deadline under the targets in force now. */
export const respondByNow = (ctx: Pick<HostContext, 'settings'>, recordedAt: Date, severity: Severity): Date =>
  respondByOf(recordedAt, severity, ctx.settings.get<Record<Severity, number>>(RESPONSE_HOURS_KEY));
