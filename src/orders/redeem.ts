import { Decimal } from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { holdings } from '../db/schema/index.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { badInput, FinmartError } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { PluginManifest } from '../sdk/manifest.js';

type HoldingRow = typeof holdings.$inferSelect;

/** The part of one position a redemption takes. */
export interface RedemptionSlice {
  holding: HoldingRow;
  quantity: string;
  cost: string;
}

/** What a redemption takes, oldest position first, and what it pays. */
export interface RedemptionPlan {
  slices: RedemptionSlice[];
  /** Proceeds in the product currency, 2 dp. */
  proceeds: string;
}

/** Checks a redemption quantity: positive, at most 6 decimal places (the holdings' scale). */
export function checkQuantity(quantity: string | null | undefined): string {
  if (quantity === null || quantity === undefined) {
    throw badInput(text('赎回须给出份额数量（quantity）', 'A redemption needs quantity'), 'quantity');
  }
  let d: Decimal;
  try {
    d = new Decimal(quantity);
  } catch {
    throw badInput(text('数量格式无效', 'quantity is not a decimal'), 'quantity');
  }
  if (!d.isFinite() || d.lte(0) || d.decimalPlaces() > 6) {
    throw badInput(text('数量须为正数，最多 6 位小数', 'quantity must be positive with at most 6 decimal places'), 'quantity');
  }
  return d.toFixed();
}

/**
 * Locks the customer's ACTIVE positions in the product, oldest first. PENDING positions are still in their cooling-off period and
 * cannot be redeemed; CLOSED ones hold nothing.
 */
export function lockRedeemable(tx: Tx, customerId: number, productId: number): Promise<HoldingRow[]> {
  return tx
    .select()
    .from(holdings)
    .where(and(eq(holdings.customerId, customerId), eq(holdings.productId, productId), eq(holdings.status, 'ACTIVE')))
    .orderBy(asc(holdings.openedAt), asc(holdings.id))
    .for('update');
}

/**
 * The locked positions a redemption may take: those not pledged (质押). When the free
 * units fall short of `quantity` because some are pledged, the redemption is refused
 * (BAD_USER_INPUT, extensions.reason HOLDING_PLEDGED) — under the same row lock a
 * pledge takes, so a position cannot be pledged and redeemed at once.
 */
export function unpledged(locked: HoldingRow[], quantity: string): HoldingRow[] {
  const free = locked.filter((h) => h.pledgedTo === null);
  if (free.length === locked.length) return free;
  const available = free.reduce((acc, h) => acc.add(h.quantity), new Decimal(0));
  if (new Decimal(quantity).gt(available)) {
    const a = available.toFixed();
    throw new FinmartError(
      'BAD_USER_INPUT',
      text(`该持仓已质押，质押期间不能赎回（可赎回 ${a}）`, `The position is pledged and cannot be redeemed while pledged (redeemable: ${a})`),
      { field: 'quantity', reason: 'HOLDING_PLEDGED' },
    );
  }
  return free;
}

/**
 * Value of the redeemed part of a position, as its line values positions:
 * the plugin's `valuate`, else units × unit price, else the cost share
 * (unpriced instruments are carried at cost, so only a cost in the product
 * currency can be paid out as proceeds in it).
 */
function sliceValue(plugin: PluginManifest | undefined, product: ProductRecord, s: RedemptionSlice): Decimal {
  if (plugin?.valuate) {
    return new Decimal(
      plugin.valuate({
        quantity: s.quantity,
        costAmount: s.cost,
        costCurrency: s.holding.costCurrency,
        attributes: s.holding.attributes,
        product: { id: product.id, currency: product.currency, unitPrice: product.unitPrice },
      }),
    );
  }
  if (product.unitPrice !== null) return new Decimal(s.quantity).mul(product.unitPrice);
  if (s.holding.costCurrency !== product.currency) {
    throw badInput(
      text(
        `该持仓以 ${s.holding.costCurrency} 计成本，无法按 ${product.currency} 赎回`,
        `This position's cost is in ${s.holding.costCurrency}; it cannot be redeemed in ${product.currency}`,
      ),
      'productId',
    );
  }
  return new Decimal(s.cost);
}

/**
 * Takes `quantity` units from the positions, oldest first, with each
 * position's cost reduced pro rata (a position emptied gives up all its cost,
 * so no rounding residue stays behind). More than is held → BAD_USER_INPUT
 * naming what is available.
 */
export function planRedemption(plugin: PluginManifest | undefined, product: ProductRecord, held: HoldingRow[], quantity: string): RedemptionPlan {
  const available = held.reduce((acc, h) => acc.add(h.quantity), new Decimal(0));
  if (new Decimal(quantity).gt(available)) {
    const a = available.toFixed();
    throw badInput(
      text(
        `赎回数量 ${quantity} 超过可赎回持仓 ${a}（冷静期内的持仓不可赎回）`,
        `Cannot redeem ${quantity}: only ${a} is held and redeemable (positions in cooling-off cannot be redeemed)`,
      ),
      'quantity',
    );
  }
  const slices: RedemptionSlice[] = [];
  let left = new Decimal(quantity);
  for (const h of held) {
    if (left.isZero()) break;
    const units = new Decimal(h.quantity);
    if (units.isZero()) continue;
    const take = Decimal.min(left, units);
    const cost = take.eq(units) ? new Decimal(h.costAmount) : new Decimal(h.costAmount).mul(take).div(units).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    slices.push({ holding: h, quantity: take.toFixed(6), cost: cost.toFixed(4) });
    left = left.sub(take);
  }
  const proceeds = slices.reduce((acc, s) => acc.add(sliceValue(plugin, product, s)), new Decimal(0));
  return { slices, proceeds: proceeds.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) };
}

/**
 * The requested proceeds (`amount`) must match the computed ones within 0.01,
 * so a client never redeems at a price it did not see.
 */
export function checkProceeds(requested: string, plan: RedemptionPlan, currency: string): void {
  if (new Decimal(requested).sub(plan.proceeds).abs().gt('0.01')) {
    throw badInput(
      text(
        `赎回金额 ${requested} 与按现价计算的 ${plan.proceeds} ${currency} 不符（允许相差 0.01）`,
        `amount ${requested} does not match the proceeds at the current price, ${plan.proceeds} ${currency} (tolerance 0.01)`,
      ),
      'amount',
    );
  }
}

/** Applies the plan: quantities and costs reduced; an emptied position becomes CLOSED. */
export async function applyRedemption(tx: Tx, plan: RedemptionPlan, now: Date): Promise<void> {
  for (const s of plan.slices) {
    const quantity = new Decimal(s.holding.quantity).sub(s.quantity);
    const cost = Decimal.max(new Decimal(s.holding.costAmount).sub(s.cost), 0);
    await tx
      .update(holdings)
      .set({ quantity: quantity.toFixed(6), costAmount: cost.toFixed(4), status: quantity.isZero() ? 'CLOSED' : 'ACTIVE', updatedAt: now })
      .where(eq(holdings.id, s.holding.id));
  }
}
