import { WRITER_ROLES } from '../auth/principal.js';
import { Decimal } from 'decimal.js';
import { eq, sql } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../auth/guards.js';
import { bundleOrders, bundles, bundleServices, customerEntitlements, customers } from '../db/schema/index.js';
import { findCustomer } from '../domain/customers/customer.query.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import { badInput, conflict, FinmartError, notFound } from '../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { text, type Lang, type LocalizedText } from '../i18n/localized.js';
import { recordDecision } from '../orders/decision-record.js';
import { checkIdempotencyKey, claimIdempotencyKey, requestHash, storeSaleAnswer } from '../orders/idempotency.js';
import { actorOf, checkAmount, executeOrder, refusalOf, type PlaceOrderRequest } from '../orders/place-order.js';
import { settleDueOrders } from '../orders/settle.js';
import { txContext } from '../orders/tx-context.js';
import { presentDecision } from '../suitability/decision.types.js';
import { loadCustomerFacts } from '../suitability/facts-loader.js';
import { decide } from '../suitability/service.js';
import type { Initiator, SaleChannel, SuitabilityDecisionRecord } from '../sdk/contract/suitability.js';
import type { ApprovalRow } from '../controls/maker-checker/hold.js';
import { bundleItemsLoader, loadedItems, type BundleRow } from './bundle.query.js';
import { holdLargeBundleOrder } from './bundle-order-approval.js';
import { bundleServicesOf, SETTING_BUNDLE_RULES, type BundleRules } from './bundle.settings.js';
import type { PlaceBundleOrderInput } from './bundle-admin.types.js';

const DAY_MS = 86_400_000;
export type BundleOrderRow = typeof bundleOrders.$inferSelect;

/** What a bundle order's key replays: the bundle order, or the refusal with every item's decision. */
type StoredBundleResponse =
  | { kind: 'bundleOrder'; id: number }
  | {
      kind: 'refused';
      code: 'SUITABILITY_BLOCKED' | 'SUITABILITY_STEPS_REQUIRED';
      message: LocalizedText;
      items: { productCode: string; decisionId: number; decision: SuitabilityDecisionRecord }[];
    };

/** Whether a bundle version may be sold now: ACTIVE within its dates, or SUPERSEDED within the grace days. */
export function sellable(b: BundleRow, now: Date, rules: BundleRules): boolean {
  const t = now.getTime();
  if (b.validFrom && b.validFrom.getTime() > t) return false;
  if (b.validTo && b.validTo.getTime() <= t) return false;
  if (b.status === 'ACTIVE') return true;
  return b.status === 'SUPERSEDED' && b.endedAt !== null && b.endedAt.getTime() + rules.supersededGraceDays * DAY_MS > t;
}

function refusal(r: Extract<StoredBundleResponse, { kind: 'refused' }>, lang: Lang): FinmartError {
  return new FinmartError(r.code, r.message, {
    items: r.items.map((i) => {
      const d = presentDecision(i.decision, lang);
      return {
        productCode: i.productCode,
        decisionId: toGlobalId('SuitabilityDecisionRecord', i.decisionId),
        outcome: d.outcome,
        reasons: d.reasons,
        missingSteps: d.missingSteps,
      };
    }),
  });
}

/**
 * Buys a bundle (套餐办理): every product item ordered in ONE transaction, all or nothing. The customer row
 * is locked, every item judged on facts read in the transaction; if any item is refused, nothing is booked
 * and the refusal names each item with its decision (each kept as a BUNDLE_REFUSED decision record); else
 * each item is placed as an order in turn (so an item sees the ones before it, as cumulative limits must),
 * the bundle's entitlements granted, and the bundle order recorded. Idempotent under the key. A large bundle
 * (core.makerChecker lists PLACE_BUNDLE_ORDER) returns the Approval holding it instead; once approved it is
 * placed as its maker placed it, and the maker's key replays it.
 */
export async function placeBundleOrder(ctx: HostContext, input: PlaceBundleOrderInput): Promise<BundleOrderRow | ApprovalRow> {
  requireRole(ctx, ...WRITER_ROLES);
  const key = checkIdempotencyKey(input.idempotencyKey);
  const bundleId = numericIdOf(input.bundleId, 'Bundle');
  if (!bundleId) throw badInput(text('套餐编号无效', 'bundleId is not a bundle id'), 'bundleId');
  const customer = await findCustomer(ctx, input.customerId);
  if (!customer) throw notFound(text('客户', 'customer'));
  const [bundle] = await ctx.db.select().from(bundles).where(eq(bundles.id, bundleId));
  if (!bundle) throw notFound(text('套餐', 'bundle'));
  if (!sellable(bundle, ctx.now, ctx.settings.get<BundleRules>(SETTING_BUNDLE_RULES))) {
    throw badInput(text(`该套餐版本（${bundle.status}）现已不能办理`, `This bundle version (${bundle.status}) is no longer sold`), 'bundleId');
  }
  const items = await loadedItems(ctx, bundle.id);
  if (items.length === 0 || items.length !== (await bundleItemsLoader(ctx).load(bundle.id)).length)
    throw badInput(text('套餐中有产品线未安装，不能办理', 'A line of this bundle is not installed: it cannot be sold'), 'bundleId');
  const given = new Map<number, string>();
  for (const [i, a] of (input.amounts ?? []).entries()) {
    const pid = numericIdOf(a.productId, 'Product');
    if (!pid || !items.some((x) => x.product.id === pid))
      throw badInput(text('该产品不在套餐中', 'That product is not in the bundle'), `amounts[${i}].productId`);
    given.set(pid, checkAmount(a.amount));
  }
  const lines = items.map(({ item, product }) => {
    const amount = given.get(product.id) ?? item.suggestedAmount ?? (new Decimal(product.minimumAmount).gt(0) ? product.minimumAmount : null);
    if (amount === null) throw badInput(text(`请给出 ${product.code} 的金额`, `Give the amount for ${product.code}`), 'amounts');
    return { product, amount: new Decimal(amount).toFixed() };
  });
  const actor = actorOf(ctx);
  const held = await holdLargeBundleOrder(ctx, {
    customer,
    bundleId: bundle.id,
    lines: lines.map((l) => ({ amount: l.amount, currency: l.product.currency })),
    actor,
    key,
    input,
  });
  if (held) return held;
  const services = await ctx.db.select().from(bundleServices).where(eq(bundleServices.bundleId, bundle.id));
  const defs = bundleServicesOf(ctx.settings);
  await settleDueOrders(ctx.host, ctx.now);
  const hash = requestHash({ operation: 'placeBundleOrder', input });
  const stored = await ctx.db.transaction(async (tx): Promise<StoredBundleResponse> => {
    const claim = await claimIdempotencyKey<StoredBundleResponse>(tx, actor, key, 'placeBundleOrder', hash);
    if (claim.state === 'replay') return claim.response;
    await tx.execute(sql`select id from ${customers} where id = ${customer.id} for update`);
    const tctx = txContext(ctx, tx);
    const facts = await loadCustomerFacts(tctx, customer.id);
    if (!facts) throw notFound(text('客户', 'customer'));
    const sale = (amount: string) => ({
      side: 'BUY' as const,
      amount,
      channel: input.channel as SaleChannel,
      initiator: input.initiator as Initiator,
      details: {},
      completedSteps: input.completedSteps,
    });
    // Every item judged before any is booked: one refusal refuses the bundle.
    const judged = [];
    for (const l of lines) judged.push({ ...l, ...(await decide(tctx, facts, l.product, sale(l.amount))) });
    const refused = judged.filter((j) => refusalOf(j.decision) !== null);
    let response: StoredBundleResponse;
    if (refused.length > 0) {
      const recorded = [];
      for (const j of judged) {
        const decisionId = await recordDecision(tx, {
          purpose: 'BUNDLE_REFUSED',
          decision: j.decision,
          facts: j.facts,
          actor,
          requestId: ctx.requestId,
          at: ctx.now,
        });
        recorded.push({ productCode: j.product.code, decisionId, decision: j.decision });
      }
      const blocked = refused.some((j) => j.decision.outcome === 'BLOCK');
      const names = refused.map((j) => j.product);
      response = {
        kind: 'refused',
        code: blocked ? 'SUITABILITY_BLOCKED' : 'SUITABILITY_STEPS_REQUIRED',
        message: text(
          `套餐中以下产品不能办理：${names.map((p) => p.nameZh).join('、')}`,
          `These items of the bundle cannot be sold: ${names.map((p) => p.nameEn).join(', ')}`,
        ),
        items: recorded,
      };
    } else {
      const orderIds: number[] = [];
      for (const l of lines) {
        const request: PlaceOrderRequest = {
          customerId: input.customerId,
          productId: toGlobalId('Product', l.product.id),
          amount: l.amount,
          channel: input.channel,
          initiator: input.initiator,
          idempotencyKey: key,
          completedSteps: input.completedSteps,
          details: {},
        };
        const r = await executeOrder(ctx, tx, {
          customerId: customer.id,
          productId: l.product.id,
          side: 'BUY',
          amount: l.amount,
          quantity: null,
          currency: l.product.currency,
          actor,
          input: request,
        });
        // Judged fine a moment ago, refused now: an earlier item of the bundle changed the facts (a cap, a quota). Nothing is kept.
        if (r.kind === 'refused')
          throw conflict(
            text(`套餐前序产品办理后，${l.product.nameZh} 不再适合`, `After the bundle's earlier items, ${l.product.nameEn} is no longer suitable`),
            { productCode: l.product.code },
          );
        orderIds.push(Number(r.order.id));
      }
      const [row] = await tx
        .insert(bundleOrders)
        .values({
          bundleId: bundle.id,
          customerId: customer.id,
          orderIds,
          services: services.map((s) => s.code),
          placedBy: ctx.principal.subject,
          placedAt: ctx.now,
        })
        .returning();
      const entitlements = services.filter((s) => defs.get(s.code)?.kind === 'ENTITLEMENT');
      if (entitlements.length > 0)
        await tx
          .insert(customerEntitlements)
          .values(entitlements.map((s) => ({ customerId: customer.id, code: s.code, bundleOrderId: row!.id, grantedAt: ctx.now })));
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'BUNDLE_ORDER_PLACED',
          targetType: 'BundleOrder',
          targetId: toGlobalId('BundleOrder', row!.id),
          details: { bundle: bundle.code, version: bundle.version, orders: orderIds.length, services: services.map((s) => s.code) },
        },
      );
      response = { kind: 'bundleOrder', id: row!.id };
    }
    await storeSaleAnswer(tx, actor, key, response, ctx.approval !== undefined);
    return response;
  });
  if (stored.kind === 'refused') throw refusal(stored, ctx.lang);
  await revalueCustomers(ctx.host, [customer.id]);
  const [row] = await ctx.db.select().from(bundleOrders).where(eq(bundleOrders.id, stored.id));
  return row!;
}
