import { Decimal } from 'decimal.js';
import type { ZodError } from 'zod';
import { badInput } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { unitPriceSizing, type OrderSizing, type SizingRequest } from '../sdk/order-sizing.js';

/**
 * The host side of "the server computes what it books" (see `OrderSizing` in
 * the SDK): details are read through the line's schema, the sale is sized by
 * the line from server prices, and every figure the client also stated is
 * reconciled with the computed one. What comes out is the only size rules see
 * and orders book.
 */

/** A sized sale, as rules see it and orders book it. */
export interface SaleSize {
  /** Units booked / redeemed; null when the line could not size the sale (a rule must block it). */
  quantity: string | null;
  /** Amount charged (BUY) or paid out (SELL); null when unsized. */
  amount: string | null;
  /** The line's computed figures (units, grams, fxAmount, usdAmount, premium…). */
  figures: Record<string, string>;
  /** Names of figures the client stated; each matched the computed one within its step. */
  stated: string[];
}

const DEFAULT_STEP = '0.01';

/** The sizing a line uses: its own, or units at the unit price. */
export const sizingOf = (plugin: PluginManifest | undefined): OrderSizing => plugin?.orders?.sizing ?? unitPriceSizing;

function detailsProblem(error: ZodError, accepted: string[]): never {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    const list = accepted.length ? accepted.join(', ') : '—';
    throw badInput(
      text(`该产品线不接受 details 字段：${keys}（可用：${list}）`, `details ${keys}: not a detail this product line accepts (accepted: ${list})`),
      'details',
    );
  }
  const path = ['details', ...issue.path.map(String)].join('.');
  throw badInput(text(`${path} 无效：${issue.message}`, `${path} is not valid: ${issue.message}`), path);
}

/**
 * Reads a sale's `details` through the line's schema. A line without one takes
 * no details: any key is BAD_USER_INPUT. Runs before anything is written.
 */
export function readSaleDetails(plugin: PluginManifest | undefined, raw: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const details = raw ?? {};
  const schema = plugin?.orders?.details;
  if (!schema) {
    const keys = Object.keys(details);
    if (keys.length === 0) return {};
    throw badInput(text(`该产品线不接受 details 字段：${keys.join(', ')}`, `details ${keys.join(', ')}: this product line accepts no details`), 'details');
  }
  const parsed = schema.safeParse(details);
  if (!parsed.success) {
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    detailsProblem(parsed.error, shape ? Object.keys(shape) : []);
  }
  return parsed.data;
}

const isStated = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number';

/**
 * Sizes a sale through its line and reconciles what the client stated:
 * a stated figure the line did not compute, or one at least a rounding step
 * away from the computed value, is BAD_USER_INPUT naming both figures.
 */
export function sizeSale(plugin: PluginManifest | undefined, request: SizingRequest): SaleSize {
  const sizing = sizingOf(plugin);
  const sized = sizing.size(request);
  const stated: string[] = [];
  for (const name of sizing.figures) {
    const given = request.details[name];
    if (!isStated(given)) continue;
    const computed = sized.figures[name];
    if (computed === undefined) {
      throw badInput(
        text(
          `details.${name} 不适用于本笔交易：服务端不按该数值定量`,
          `details.${name} does not apply to this sale: the server does not size it by that figure`,
        ),
        `details.${name}`,
      );
    }
    const step = sized.steps?.[name] ?? DEFAULT_STEP;
    if (new Decimal(String(given)).sub(computed).abs().gte(step)) {
      const basis =
        request.amount === null
          ? text('所述数值', 'the stated figures')
          : request.side === 'SELL'
            ? text(`赎回数量 ${request.quantity}`, `the ${request.quantity} units redeemed`)
            : text(`支付金额 ${request.amount} ${request.currency}`, `the amount paid, ${request.amount} ${request.currency}`);
      throw badInput(
        text(
          `details.${name} 为 ${given}，与服务端按${basis['zh-CN']}及现价计算的 ${computed} 不符（误差须小于 ${step}）`,
          `details.${name} ${given} does not match ${computed}, computed by the server from ${basis.en} at today's price (they must differ by less than ${step})`,
        ),
        `details.${name}`,
      );
    }
    stated.push(name);
  }
  if (sized.quantity !== null && new Decimal(sized.quantity).abs().gte(MAX_UNITS)) {
    throw badInput(
      text(`金额 ${request.amount} 折合的数量超过单笔持仓可记载的上限`, `amount ${request.amount} buys more units than one position can record`),
      'amount',
    );
  }
  return { quantity: sized.quantity, amount: sized.amount, figures: sized.figures, stated };
}

/** Quantities are numeric(24, 6): 18 integer digits. */
const MAX_UNITS = '1e18';
