import { and, asc, eq } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { bundleItems, bundles, bundleServices, products } from '../db/schema/index.js';
import { text, type LocalizedText } from '../i18n/localized.js';

type ProductRow = typeof products.$inferSelect;

/** How a bundle item is chosen from the loaded lines' products (line details are not visible to core). */
interface Pick {
  line: string;
  risks: string[];
  liquidity?: string;
  fn?: string;
  role: LocalizedText;
  amount?: string;
}

interface BundleDef {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  kind: string;
  riskAttitudes?: string[];
  lifeStages?: string[];
  incomeBands?: string[];
  minimumTier?: string;
  pricing: Record<string, unknown>;
  items: Pick[];
  /** Services and conditions (core.bundleServices codes). */
  services?: { code: string; amount?: string }[];
}

const fee = (code: string, zh: string, en: string) => ({ code, name: text(zh, en) });
const debit: Pick = { line: 'CARDS', risks: ['R1'], liquidity: 'HIGH', role: text('结算账户', 'Settlement account') };
const credit: Pick = { line: 'CARDS', risks: ['R2', 'R1'], fn: 'INVESTMENT', role: text('信用卡', 'Credit card') };
const moneyMarket: Pick = {
  line: 'FUNDS',
  risks: ['R1'],
  liquidity: 'HIGH',
  role: text('现金管理（货币基金）', 'Cash management (money-market fund)'),
  amount: '10000',
};
const bond: Pick = { line: 'FUNDS', risks: ['R2'], role: text('稳健增值（债券基金）', 'Steady growth (bond fund)'), amount: '20000' };
const equity: Pick = {
  line: 'FUNDS',
  risks: ['R4', 'R5'],
  fn: 'INVESTMENT',
  role: text('权益投资（股票基金）', 'Equity growth (equity fund)'),
  amount: '50000',
};
const balancedFund: Pick = { line: 'FUNDS', risks: ['R3'], role: text('均衡配置（混合基金）', 'Balanced allocation (mixed fund)'), amount: '30000' };
const protection: Pick = { line: 'INSURANCE', risks: ['R1', 'R2'], fn: 'PRESERVATION', role: text('保障（银保产品）', 'Protection (bancassurance)') };
const participating: Pick = { line: 'INSURANCE', risks: ['R2', 'R3'], role: text('分红保险', 'Participating insurance') };
const gold: Pick = { line: 'GOLD', risks: ['R2', 'R3', 'R1'], role: text('黄金配置', 'Gold allocation') };
const fx: Pick = { line: 'FOREX', risks: ['R1', 'R2'], liquidity: 'HIGH', role: text('外汇与跨境汇款', 'FX and remittance') };
const fxInvest: Pick = { line: 'FOREX', risks: ['R3', 'R4', 'R5'], role: text('外汇投资', 'FX investment') };

/**
 * The bank's playbook (金融超市产品组合, training summaries 篇1): the four account-type bundles with their
 * named contents, the risk-attitude portfolios as the document names them (保守型 / 中庸型 / 进取型), and the
 * age and income bundles. What finmart sells no line for (a deposit, online banking, a credit line) is a
 * service or condition (setting core.bundleServices), never another product standing in for it.
 */
const PLAYBOOK: BundleDef[] = [
  {
    code: 'ACCOUNT-SETTLEMENT',
    kind: 'ACCOUNT_TYPE',
    name: text('个人结算账户套餐', 'Personal settlement account bundle'),
    description: text('借记卡 + 最低存款 + 网上银行', 'Debit card, a minimum deposit and online banking'),
    pricing: { waivedFees: [fee('CARD_ANNUAL_FEE', '首年卡年费', 'First-year card fee'), fee('SMS_ALERTS', '短信通知费', 'SMS alert fee')] },
    items: [debit],
    services: [{ code: 'MINIMUM_DEPOSIT', amount: '1000' }, { code: 'ONLINE_BANKING' }],
  },
  {
    code: 'ACCOUNT-TRANSACTION',
    kind: 'ACCOUNT_TYPE',
    name: text('交易账户套餐', 'Transaction account bundle'),
    description: text('个人授信额度 + 信用卡额度 + 网上银行', 'A personal credit line, a credit card limit and online banking'),
    pricing: { waivedFees: [fee('REMITTANCE_FEE', '跨行汇款手续费', 'Interbank remittance fee')] },
    items: [credit, fx],
    services: [{ code: 'PERSONAL_CREDIT_LINE', amount: '50000' }, { code: 'ONLINE_BANKING' }],
  },
  {
    code: 'ACCOUNT-FEE-COLLECTION',
    kind: 'ACCOUNT_TYPE',
    name: text('代收费账户套餐', 'Bill-payment account bundle'),
    description: text('借记卡 + 代收代缴 + 短信通知', 'Debit card, bill payment and SMS alerts'),
    pricing: { waivedFees: [fee('BILL_PAYMENT_FEE', '代缴手续费', 'Bill payment fee')] },
    items: [debit],
    services: [{ code: 'BILL_PAYMENT' }, { code: 'SMS_ALERTS' }, { code: 'MOBILE_BANKING' }],
  },
  {
    code: 'ACCOUNT-INVESTMENT',
    kind: 'ACCOUNT_TYPE',
    name: text('投资理财账户套餐', 'Investment account bundle'),
    description: text('借记卡 + 银保 + 债券基金 + 基金 + 银证转账', 'Debit card, bancassurance, a bond fund, funds and the bank–securities link'),
    pricing: { feeDiscountPercent: '50', note: text('基金申购费五折', 'Half-price fund subscription fees') },
    items: [debit, protection, bond, balancedFund],
    services: [{ code: 'SECURITIES_LINK' }, { code: 'ONLINE_BANKING' }],
  },
  {
    code: 'RISK-CONSERVATIVE',
    kind: 'RISK_ATTITUDE',
    riskAttitudes: ['CONSERVATIVE'],
    name: text('保守型组合', 'Conservative portfolio'),
    description: text('储蓄、债券、货币市场基金', 'Savings, bonds and money-market funds'),
    pricing: { note: text('免组合管理费', 'No portfolio management fee') },
    items: [moneyMarket, bond],
    services: [{ code: 'SAVINGS_DEPOSIT', amount: '50000' }],
  },
  {
    code: 'RISK-MODERATE',
    kind: 'RISK_ATTITUDE',
    riskAttitudes: ['BALANCED'],
    name: text('中庸型组合', 'Moderate portfolio'),
    description: text('货币基金 + 债券基金 + 分红保险', 'Money-market and bond funds with participating insurance'),
    pricing: { feeDiscountPercent: '30' },
    items: [moneyMarket, bond, participating, balancedFund],
  },
  {
    code: 'RISK-AGGRESSIVE',
    kind: 'RISK_ATTITUDE',
    riskAttitudes: ['AGGRESSIVE'],
    name: text('进取型组合', 'Aggressive portfolio'),
    description: text('股票基金 + 外汇 + 黄金', 'Equity funds, FX and gold'),
    pricing: { feeDiscountPercent: '20' },
    items: [equity, fxInvest, gold],
  },
  {
    code: 'LIFE-YOUNG',
    kind: 'LIFE_STAGE',
    lifeStages: ['YOUNG'],
    name: text('青年成长套餐', 'Young savers bundle'),
    description: text('信用卡 + 定投基金 + 保障', 'Credit card, regular fund investing and protection'),
    pricing: { waivedFees: [fee('CARD_ANNUAL_FEE', '信用卡年费', 'Credit card annual fee')] },
    items: [credit, balancedFund, protection],
  },
  {
    code: 'LIFE-MIDDLE',
    kind: 'LIFE_STAGE',
    lifeStages: ['MIDDLE_AGED'],
    name: text('中年家庭套餐', 'Middle-aged family bundle'),
    description: text('保险 + 债券基金 + 黄金', 'Insurance, bond fund and gold'),
    pricing: { feeDiscountPercent: '30' },
    items: [participating, bond, gold],
  },
  {
    code: 'LIFE-SENIOR',
    kind: 'LIFE_STAGE',
    lifeStages: ['SENIOR'],
    name: text('银发安享套餐', 'Senior peace-of-mind bundle'),
    description: text('低风险、高流动性：货币基金 + 保障 + 借记卡', 'Low risk, liquid: money-market fund, protection, debit card'),
    pricing: { waivedFees: [fee('ACCOUNT_MAINTENANCE', '账户管理费', 'Account maintenance fee')] },
    items: [moneyMarket, protection, debit],
  },
  {
    code: 'INCOME-ULTRA-HIGH',
    kind: 'INCOME',
    incomeBands: ['ULTRA_HIGH'],
    minimumTier: 'DIAMOND',
    name: text('超高收入财富套餐', 'Ultra-high income wealth bundle'),
    description: text('权益、黄金、保险综合配置', 'Equity, gold and insurance allocation'),
    pricing: { feeDiscountPercent: '60', note: text('专属客户经理', 'Dedicated relationship manager') },
    items: [equity, gold, participating],
  },
  {
    code: 'INCOME-MIDDLE-HIGH',
    kind: 'INCOME',
    incomeBands: ['MIDDLE_HIGH'],
    minimumTier: 'GOLD',
    name: text('中高收入理财套餐', 'Middle-high income bundle'),
    description: text('混合基金 + 保险 + 黄金', 'Mixed fund, insurance and gold'),
    pricing: { feeDiscountPercent: '40' },
    items: [balancedFund, protection, gold],
  },
  {
    code: 'INCOME-GENERAL',
    kind: 'INCOME',
    incomeBands: ['GENERAL'],
    name: text('普惠理财套餐', 'Everyday savings bundle'),
    description: text('货币基金 + 借记卡 + 积存金', 'Money-market fund, debit card and gold savings'),
    pricing: { waivedFees: [fee('SMS_ALERTS', '短信通知费', 'SMS alert fee')] },
    items: [moneyMarket, debit, gold],
  },
];

function choose(candidates: ProductRow[], pick: Pick, taken: Set<number>): ProductRow | undefined {
  for (const risk of pick.risks) {
    const found = candidates.find(
      (p) =>
        p.line === pick.line &&
        p.riskRating === risk &&
        !taken.has(p.id) &&
        (!pick.liquidity || p.liquidity === pick.liquidity) &&
        (!pick.fn || p.function === pick.fn),
    );
    if (found) return found;
  }
  // Criteria too narrow for this catalogue: any product of the line at the wanted ratings.
  for (const risk of pick.risks) {
    const found = candidates.find((p) => p.line === pick.line && p.riskRating === risk && !taken.has(p.id));
    if (found) return found;
  }
  return undefined;
}

/**
 * Seeds the playbook's bundles from the loaded lines' on-sale products; items
 * of lines not loaded are skipped, and a bundle left with fewer than two items
 * is not created. Idempotent by bundle code.
 */
export async function seedBundles(runtime: HostRuntime): Promise<number> {
  const db = runtime.database.db;
  const candidates = (
    await db
      .select()
      .from(products)
      .where(and(eq(products.status, 'ON_SALE')))
      .orderBy(asc(products.id))
  ).filter((p) => runtime.pluginByLine.has(p.line));
  let created = 0;
  for (const def of PLAYBOOK) {
    const taken = new Set<number>();
    const chosen: { pick: Pick; product: ProductRow }[] = [];
    for (const pick of def.items) {
      const product = choose(candidates, pick, taken);
      if (!product) continue;
      taken.add(product.id);
      chosen.push({ pick, product });
    }
    // A bundle combines at least two things, one of them a product of a loaded line.
    if (chosen.length === 0 || chosen.length + (def.services?.length ?? 0) < 2) continue;
    const [row] = await db
      .insert(bundles)
      .values({
        code: def.code,
        nameZh: def.name['zh-CN'],
        nameEn: def.name.en,
        descriptionZh: def.description['zh-CN'],
        descriptionEn: def.description.en,
        kind: def.kind,
        targetRiskAttitudes: def.riskAttitudes ?? [],
        targetLifeStages: def.lifeStages ?? [],
        targetIncomeBands: def.incomeBands ?? [],
        minimumTier: def.minimumTier ?? null,
        pricing: def.pricing,
      })
      .onConflictDoNothing()
      .returning({ id: bundles.id });
    if (!row) continue;
    await db.insert(bundleItems).values(
      chosen.map(({ pick, product }, i) => ({
        bundleId: row.id,
        productId: product.id,
        position: i + 1,
        suggestedAmount:
          pick.amount && Number(product.minimumAmount) <= Number(pick.amount) ? pick.amount : Number(product.minimumAmount) > 0 ? product.minimumAmount : null,
        roleZh: pick.role['zh-CN'],
        roleEn: pick.role.en,
      })),
    );
    if (def.services?.length) {
      await db.insert(bundleServices).values(def.services.map((sv, i) => ({ bundleId: row.id, code: sv.code, amount: sv.amount ?? null, position: i + 1 })));
    }
    created++;
  }
  return created;
}
