import { Decimal, perString, text, type RuleHit, type SuitabilityRule } from '../../../src/sdk/index.js';
import { SETTING_ANNUAL_QUOTA } from '../settings.js';
import { directionOf, isExchange, readForexDetails, sizeOfSale, usageOf } from '../domain.js';

/**
 * The quota's figures for a usage, a sale and the quota: computed once per distinct
 * (used, usd, quota, year) — an eligibility listing asks the same for every product of a customer.
 */
const figuresOf = perString((key: string) => {
  const [used, usd, quota, year] = key.split('|') as [string, string, string, string];
  const after = new Decimal(used).add(usd);
  return Object.freeze({
    params: Object.freeze({
      year: Number(year),
      quota,
      used: new Decimal(used).toFixed(2),
      usd: new Decimal(usd).toFixed(2),
      remaining: Decimal.max(0, new Decimal(quota).sub(after)).toFixed(2),
    }),
    within: after.lte(quota),
  });
});
const quotaFigures = (used: string, usd: string, quota: string, year: number) => figuresOf(`${used}|${usd}|${quota}|${year}`);

/**
 * Annual facilitation quota (便利化额度): an onshore individual may buy FX up to
 * the quota per calendar year on ID alone, and any individual may sell FX
 * (结汇) up to it; beyond, documents of a genuine current-account need.
 * Foreign individuals' purchases have no quota (see forex.foreign-national).
 */
export const forexAnnualQuota: SuitabilityRule = {
  id: 'forex.annual-quota',
  version: '1.0.0',
  lines: ['FOREX'],
  regulation: text(
    '《个人外汇管理办法实施细则》（汇发〔2007〕1号）第二条、第四条：个人结汇和境内个人购汇实行年度总额管理，年度总额为每人每年等值 5 万美元',
    'Implementing Rules on Individual Foreign Exchange (2007) Arts. 2 and 4: annual total of USD 50,000 equivalent per person for sales and for onshore purchases',
  ),
  description: text('年度便利化额度内凭身份证件办理，超额须提供真实需求证明', 'Within the annual quota on ID alone; above it, proof of a genuine need'),
  reasons: {
    WITHIN_ANNUAL_QUOTA: {
      outcome: 'ALLOW',
      message: text(
        '在年度购汇额度内：本次折合 {usd} 美元，{year} 年已购汇 {used} 美元，办理后剩余 {remaining} 美元',
        'Within the annual purchase quota: this is USD {usd}; USD {used} bought in {year}; USD {remaining} left afterwards',
      ),
    },
    ABOVE_ANNUAL_QUOTA: {
      outcome: 'REQUIRE',
      step: 'PROOF_OF_GENUINE_NEED',
      message: text(
        '超出年度购汇额度 {quota} 美元：{year} 年已购汇 {used} 美元，本次折合 {usd} 美元，须提供经常项目真实需求证明材料',
        'Above the annual purchase quota of USD {quota}: USD {used} bought in {year} plus USD {usd} now; documents of a genuine current-account need are required',
      ),
    },
    WITHIN_ANNUAL_SELL_QUOTA: {
      outcome: 'ALLOW',
      message: text(
        '在年度结汇额度内：本次折合 {usd} 美元，{year} 年已结汇 {used} 美元，办理后剩余 {remaining} 美元',
        'Within the annual sale quota: this is USD {usd}; USD {used} sold in {year}; USD {remaining} left afterwards',
      ),
    },
    ABOVE_ANNUAL_SELL_QUOTA: {
      outcome: 'REQUIRE',
      step: 'PROOF_OF_GENUINE_NEED',
      message: text(
        '超出年度结汇额度 {quota} 美元：{year} 年已结汇 {used} 美元，本次折合 {usd} 美元，须提供真实需求证明材料',
        'Above the annual sale quota of USD {quota}: USD {used} sold in {year} plus USD {usd} now; documents of a genuine need are required',
      ),
    },
    FX_AMOUNT_UNDETERMINED: {
      outcome: 'BLOCK',
      message: text(
        '无法确定本次外汇金额（币种 {currency}），请填写外币金额 fxAmount',
        'Cannot tell the FX amount of this sale (currency {currency}); give fxAmount',
      ),
    },
    FX_RATE_UNAVAILABLE: {
      outcome: 'BLOCK',
      message: text('暂无 {currency} 牌价，无法折算美元额度', 'No {currency} rate is available to count this against the USD quota'),
    },
  },
  evaluate(facts, ctx) {
    const d = readForexDetails(facts.product.details);
    if (!isExchange(d.kind)) return [];
    const direction = directionOf(facts.sale.side);
    // Foreign individuals buying FX have no facilitation quota: forex.foreign-national decides.
    if (direction === 'BUY_FX' && facts.customer.residency !== 'ONSHORE') return [];
    const currency = d.currency ?? facts.product.currency;
    const size = sizeOfSale(facts, d, direction);
    if (size.status === 'UNDETERMINED') {
      return [
        { code: 'FX_AMOUNT_UNDETERMINED', params: { currency: facts.sale.currency }, saw: { saleCurrency: facts.sale.currency, productCurrency: currency } },
      ];
    }
    if (size.status === 'NO_RATE') {
      return [{ code: 'FX_RATE_UNAVAILABLE', params: { currency }, saw: { currency, middleRate: d.middleRate, usdMiddleRate: d.usdMiddleRate } }];
    }
    const quota = ctx.settings.get<string>(SETTING_ANNUAL_QUOTA);
    const usage = usageOf(facts);
    const buying = direction === 'BUY_FX';
    const used = buying ? usage.purchasedUsd : usage.soldUsd;
    const { params, within } = quotaFigures(used, size.usdAmount ?? '0', quota, usage.year);
    const saw = {
      direction,
      residency: facts.customer.residency,
      currency,
      fxAmount: size.fxAmount,
      usdAmount: size.usdAmount,
      middleRate: d.middleRate,
      usdMiddleRate: d.usdMiddleRate,
      year: usage.year,
      usedUsd: used,
      usageOnFile: usage.onFile,
      purchasedElsewhereUsd: usage.purchasedElsewhereUsd,
      quotaUsd: quota,
    };
    const hit: RuleHit = {
      code: buying ? (within ? 'WITHIN_ANNUAL_QUOTA' : 'ABOVE_ANNUAL_QUOTA') : within ? 'WITHIN_ANNUAL_SELL_QUOTA' : 'ABOVE_ANNUAL_SELL_QUOTA',
      params,
      saw,
    };
    return [hit];
  },
};
