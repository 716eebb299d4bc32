import { Decimal } from 'decimal.js';
import type { HostContext } from '../graphql/context.js';
import { productLoader } from '../domain/core-loaders.js';
import { checkText } from '../domain/customers/customer.validation.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { badInput, FinmartError } from '../graphql/errors.js';
import { numericIdOf } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import { bundleServicesOf, SETTING_BUNDLE_RULES, type BundleRules } from './bundle.settings.js';
import { DESIGNABLE_BUNDLE_KINDS, type BundleDesignInput } from './bundle-admin.types.js';
import { infeasibleItems } from './segment-feasibility.js';

const CODE = /^[A-Z][A-Z0-9-]{2,39}$/;
const FEE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const DECIMAL = /^\d{1,14}(\.\d{1,6})?$/;
const ATTITUDES = ['CONSERVATIVE', 'BALANCED', 'AGGRESSIVE'];
const BANDS = ['ULTRA_HIGH', 'MIDDLE_HIGH', 'GENERAL'];

/** A design checked and resolved: what the version rows are written from. */
export interface CheckedDesign {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  kind: string;
  target: { targetRiskAttitudes: string[]; targetLifeStages: string[]; targetIncomeBands: string[]; minimumTier: string | null };
  pricing: Record<string, unknown>;
  items: { product: ProductRecord; roleZh: string; roleEn: string; suggestedAmount: string | null; quantity: string | null; share: string | null }[];
  services: { code: string; amount: string | null }[];
  validFrom: Date;
  validTo: Date | null;
  reason: string;
}

const textOf = (v: string | undefined | null, field: string, max: number): string => checkText(v ?? '', field, max);

function positive(v: string | undefined | null, field: string, max?: string): string | null {
  if (v == null) return null;
  if (!DECIMAL.test(v) || new Decimal(v).lte(0) || (max !== undefined && new Decimal(v).gt(max))) {
    throw badInput(text(`${field} 须为正数${max ? `，不超过 ${max}` : ''}`, `${field} must be positive${max ? `, at most ${max}` : ''}`), field);
  }
  return new Decimal(v).toFixed();
}

/** Checks everything that needs no database: shapes, codes, the segment's vocabulary, shares, dates. BAD_USER_INPUT naming the field. */
export function checkDesignShape(
  input: BundleDesignInput,
  ctx: HostContext,
): Omit<CheckedDesign, 'items'> & {
  itemInputs: { productId: number; roleZh: string; roleEn: string; suggestedAmount: string | null; quantity: string | null; share: string | null }[];
} {
  const code = input.code.trim();
  if (!CODE.test(code))
    throw badInput(text('套餐代码须为 3 到 40 位大写字母、数字或连字符', 'code must be 3–40 upper-case letters, digits or hyphens'), 'code');
  if (!DESIGNABLE_BUNDLE_KINDS.includes(input.kind)) {
    throw badInput(text(`套餐类型须为 ${DESIGNABLE_BUNDLE_KINDS.join('/')}`, `kind must be one of ${DESIGNABLE_BUNDLE_KINDS.join(', ')}`), 'kind');
  }
  const rules = ctx.settings.get<BundleRules>(SETTING_BUNDLE_RULES);
  const services = bundleServicesOf(ctx.settings);
  const items = input.items ?? [];
  if (items.length === 0 || items.length > rules.maxItems)
    throw badInput(text(`套餐须含 1 到 ${rules.maxItems} 个产品`, `A bundle holds 1 to ${rules.maxItems} products`), 'items');
  const itemInputs = items.map((it, i) => {
    const productId = numericIdOf(it.productId, 'Product');
    if (!productId) throw badInput(text('产品编号无效', 'productId is not a product id'), `items[${i}].productId`);
    return {
      productId,
      roleZh: textOf(it.roleZh, `items[${i}].roleZh`, 100),
      roleEn: textOf(it.roleEn, `items[${i}].roleEn`, 100),
      suggestedAmount: positive(it.suggestedAmount, `items[${i}].suggestedAmount`),
      quantity: positive(it.quantity, `items[${i}].quantity`),
      share: positive(it.share, `items[${i}].share`, '1'),
    };
  });
  if (new Set(itemInputs.map((i) => i.productId)).size !== itemInputs.length)
    throw badInput(text('同一产品不能重复列入套餐', 'A product appears in the bundle once'), 'items');
  const shares = itemInputs.reduce((a, i) => a.add(i.share ?? 0), new Decimal(0));
  if (shares.gt(1)) throw badInput(text(`各产品占比之和 ${shares.toFixed()} 超过 1`, `The items' shares add up to ${shares.toFixed()}, over 1`), 'items');
  const serviceInputs = (input.services ?? []).map((s, i) => {
    const def = services.get(s.code);
    if (!def)
      throw badInput(
        text(`未知的服务代码 ${s.code}（见设置 core.bundleServices）`, `Unknown service ${s.code} (see setting core.bundleServices)`),
        `services[${i}].code`,
      );
    const amount = positive(s.amount, `services[${i}].amount`);
    if (def.amount !== (amount !== null))
      throw badInput(
        text(def.amount ? `${s.code} 须给出金额` : `${s.code} 不带金额`, def.amount ? `${s.code} states an amount` : `${s.code} takes no amount`),
        `services[${i}].amount`,
      );
    return { code: s.code, amount };
  });
  if (new Set(serviceInputs.map((s) => s.code)).size !== serviceInputs.length)
    throw badInput(text('同一服务不能重复列入套餐', 'A service appears in the bundle once'), 'services');
  if (itemInputs.length + serviceInputs.length < 2) throw badInput(text('套餐至少包含两项内容', 'A bundle combines at least two things'), 'items');
  const t = input.target ?? {};
  for (const a of t.riskAttitudes ?? [])
    if (!ATTITUDES.includes(a)) throw badInput(text(`未知的风险态度 ${a}`, `Unknown risk attitude ${a}`), 'target.riskAttitudes');
  for (const b of t.incomeBands ?? []) if (!BANDS.includes(b)) throw badInput(text(`未知的收入档次 ${b}`, `Unknown income band ${b}`), 'target.incomeBands');
  const p = input.pricing ?? {};
  const fees = (p.waivedFees ?? []).map((f, i) => {
    if (!FEE_CODE.test(f.code)) throw badInput(text('费用代码须为大写', 'A fee code is UPPER_CASE'), `pricing.waivedFees[${i}].code`);
    return {
      code: f.code,
      name: { 'zh-CN': textOf(f.nameZh, `pricing.waivedFees[${i}].nameZh`, 60), en: textOf(f.nameEn, `pricing.waivedFees[${i}].nameEn`, 60) },
    };
  });
  const discount = p.feeDiscountPercent == null ? null : positive(p.feeDiscountPercent, 'pricing.feeDiscountPercent', '100');
  if ((p.noteZh == null) !== (p.noteEn == null)) throw badInput(text('说明须同时给出中英文', 'A note comes in both languages'), 'pricing.noteZh');
  const pricing: Record<string, unknown> = {
    ...(fees.length > 0 ? { waivedFees: fees } : {}),
    ...(discount !== null ? { feeDiscountPercent: discount } : {}),
    ...(p.noteZh != null ? { note: { 'zh-CN': textOf(p.noteZh, 'pricing.noteZh', 200), en: textOf(p.noteEn, 'pricing.noteEn', 200) } } : {}),
  };
  const validFrom = input.validFrom ?? ctx.now;
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo.getTime() <= validFrom.getTime())
    throw badInput(text('结束日期须晚于开始日期', 'validTo must be after validFrom'), 'validTo');
  return {
    code,
    nameZh: textOf(input.nameZh, 'nameZh', 100),
    nameEn: textOf(input.nameEn, 'nameEn', 100),
    descriptionZh: textOf(input.descriptionZh, 'descriptionZh', 500),
    descriptionEn: textOf(input.descriptionEn, 'descriptionEn', 500),
    kind: input.kind,
    target: {
      targetRiskAttitudes: [...new Set(t.riskAttitudes ?? [])],
      targetLifeStages: [...new Set(t.lifeStages ?? [])],
      targetIncomeBands: [...new Set(t.incomeBands ?? [])],
      minimumTier: t.minimumTier ?? null,
    },
    pricing,
    itemInputs,
    services: serviceInputs,
    validFrom,
    validTo,
    reason: textOf(input.reason, 'reason', 500),
  };
}

/**
 * The full check of a design (reads only: run it before the transaction that writes the version):
 * every product exists, is on sale, belongs to an installed line that sells (not applications-only),
 * and some customer of the target segment could be sold it — else BAD_USER_INPUT with
 * `extensions.items`: each refused item with the reasons the most favourable candidate met.
 */
export async function checkDesign(input: BundleDesignInput, ctx: HostContext): Promise<CheckedDesign> {
  const { itemInputs, ...rest } = checkDesignShape(input, ctx);
  const found = await productLoader(ctx).loadMany(itemInputs.map((i) => i.productId));
  const items = itemInputs.map((it, i) => {
    const p = found[i];
    if (!p || p instanceof Error) throw badInput(text('产品不存在', 'No such product'), `items[${i}].productId`);
    const plugin = ctx.host.pluginByLine.get(p.line);
    if (!plugin) throw badInput(text(`产品线 ${p.line} 未安装`, `The ${p.line} line is not installed`), `items[${i}].productId`);
    if (plugin.applicationsOnly)
      throw badInput(
        text(
          `${p.line} 产品须申请，不能列入套餐（个人授信额度请用服务 PERSONAL_CREDIT_LINE）`,
          `${p.line} products are applied for and cannot be bundled (use the PERSONAL_CREDIT_LINE service)`,
        ),
        `items[${i}].productId`,
      );
    if (p.status !== 'ON_SALE' || (p.saleEnd !== null && p.saleEnd.getTime() <= ctx.now.getTime()))
      throw badInput(text(`产品 ${p.code} 不在销售中`, `Product ${p.code} is not on sale`), `items[${i}].productId`);
    return { product: p, roleZh: it.roleZh, roleEn: it.roleEn, suggestedAmount: it.suggestedAmount, quantity: it.quantity, share: it.share };
  });
  const infeasible = await infeasibleItems(
    ctx,
    rest.target,
    items.map((i) => ({ product: i.product, amount: i.suggestedAmount ?? (new Decimal(i.product.minimumAmount).gt(0) ? i.product.minimumAmount : null) })),
  );
  if (infeasible.length > 0) {
    const byId = new Map(items.map((i) => [i.product.id, i.product]));
    throw new FinmartError(
      'BAD_USER_INPUT',
      text(
        `目标客群中没有客户能办理：${infeasible.map((x) => byId.get(x.productId)!.nameZh).join('、')}`,
        `No customer of the target segment could be sold: ${infeasible.map((x) => byId.get(x.productId)!.nameEn).join(', ')}`,
      ),
      {
        field: 'items',
        items: infeasible.map((x) => ({
          productCode: byId.get(x.productId)!.code,
          reasons: x.reasons.map((r) => ({ code: r.code, outcome: r.outcome, ruleId: r.ruleId })),
        })),
      },
    );
  }
  return { ...rest, items };
}
