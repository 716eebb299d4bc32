import type { HostContext } from '../graphql/context.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { heldInput, holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { decidingBranch, saleNeedsApproval } from '../orders/order-approval.js';
import type { PlaceBundleOrderInput } from './bundle-admin.types.js';
import { placeBundleOrder } from './bundle-order.js';

/** A validated bundle order about to be placed: its items' amounts as they would be booked. */
export interface BundleOrderToHold {
  customer: CustomerRecord;
  bundleId: number;
  lines: { amount: string; currency: string }[];
  actor: string;
  key: string;
  input: PlaceBundleOrderInput;
}

/**
 * Maker-checker for bundle orders: a bundle whose items come to core.makerChecker.orderAmountFromCny or more
 * (in CNY at the reference rates; an item in a currency without a rate holds it) is held for a second person
 * when the setting lists PLACE_BUNDLE_ORDER — the same bar as one order, so that a large sale cannot pass
 * unchecked by being sold as a bundle. A key this caller already used is not held: the bundle path replays
 * it. Made by branch staff, the branch's checkers decide it; by head office, head office.
 */
export async function holdLargeBundleOrder(ctx: HostContext, o: BundleOrderToHold): Promise<ApprovalRow | null> {
  if (!(await saleNeedsApproval(ctx, 'PLACE_BUNDLE_ORDER', o.lines, o.actor, o.key))) return null;
  return holdForApproval(ctx, {
    action: 'PLACE_BUNDLE_ORDER',
    targetType: 'CustomerBundle',
    targetId: `${toGlobalId('Customer', o.customer.id)}/${toGlobalId('Bundle', o.bundleId)}`,
    branchId: decidingBranch(ctx, o.customer.branchId),
    input: heldInput(o.input),
    idempotencyKey: o.key,
  });
}

registerApprovalExecutor('PLACE_BUNDLE_ORDER', async (ctx, input) => {
  const placed = produced(await placeBundleOrder(ctx, input as unknown as PlaceBundleOrderInput));
  return { type: 'BundleOrder', id: toGlobalId('BundleOrder', placed.id) };
});
