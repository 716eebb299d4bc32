import { Decimal, perObjectAnd, text, type LocalizedText, type SuitabilityFacts, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE, INSURANCE_TYPE_LABELS } from '../domain.js';
import { read } from '../settings.js';
import { productTerms, saleTerms } from './read-facts.js';
import { REGULATIONS, reasonParams } from './wording.js';

const NONE = Object.freeze({ reasons: Object.freeze([]) as unknown as LocalizedText[], saw: Object.freeze({}) as Record<string, unknown> });

/** Whether the personal income is below the benchmark: once per customer's facts and benchmark value. */
const belowBenchmark = perObjectAnd((c: SuitabilityFacts['customer'], benchmark: string) => new Decimal(c.personalAnnualIncome).lt(benchmark));

/**
 * Why a policyholder may only buy guaranteed-benefit products: over the age
 * limit, over the lower limit for regular premiums, or income below the local
 * benchmark. Empty (and no evidence) when none applies.
 */
export function guaranteedOnlyReasons(
  facts: SuitabilityFacts,
  premiumMode: 'SINGLE' | 'REGULAR',
  s: ReturnType<typeof read>,
): { reasons: LocalizedText[]; saw: Record<string, unknown> } {
  const age = facts.customer.age;
  const maxAge = s.nonGuaranteedMaxAge();
  const regularMaxAge = s.nonGuaranteedRegularMaxAge();
  const benchmark = s.lowIncomeBenchmarkCny();
  const income = facts.customer.personalAnnualIncome;
  const old = age > maxAge;
  const oldRegular = premiumMode === 'REGULAR' && age > regularMaxAge;
  const low = belowBenchmark(facts.customer, benchmark);
  // Most policyholders meet none: nothing is allocated for them (the rule runs for every product of every customer).
  if (!old && !oldRegular && !low) return NONE;
  const reasons: LocalizedText[] = [];
  if (old) reasons.push(text(`投保人 ${age} 岁，超过 ${maxAge} 岁`, `the policyholder is ${age}, over ${maxAge}`));
  if (oldRegular) {
    reasons.push(text(`期交产品投保人 ${age} 岁，超过 ${regularMaxAge} 岁`, `regular premiums and the policyholder is ${age}, over ${regularMaxAge}`));
  }
  if (low) {
    reasons.push(
      text(`投保人年收入 ${income} 元，低于当地基准 ${benchmark} 元`, `annual income CNY ${income} is below the local benchmark of CNY ${benchmark}`),
    );
  }
  return {
    reasons,
    saw: {
      age,
      premiumMode,
      personalAnnualIncome: income,
      nonGuaranteedMaxAge: maxAge,
      nonGuaranteedRegularMaxAge: regularMaxAge,
      lowIncomeBenchmarkCny: benchmark,
    },
  };
}

/**
 * Older, regular-premium-paying older and low-income policyholders may buy only
 * products with guaranteed benefits, and those only after the insurer's manual
 * underwriting.
 */
export const nonGuaranteedEligibility: SuitabilityRule = {
  id: 'insurance.non-guaranteed-eligibility',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.bancassuranceNotice2014,
  description: text(
    '高龄、期交高龄或低收入投保人只能购买保单利益确定的产品，并须人工核保',
    'Older, regular-premium older or low-income policyholders: guaranteed-benefit products only, with manual underwriting',
  ),
  reasons: {
    NON_GUARANTEED_NOT_SUITABLE: {
      outcome: 'BLOCK',
      message: text(
        '不得向该投保人销售保单利益不确定的{typeZh}产品：{reasonZh}。只能销售保单利益确定的产品',
        'A {typeEn} product with non-guaranteed benefits may not be sold to this policyholder: {reasonEn}. Guaranteed-benefit products only',
      ),
    },
    MANUAL_UNDERWRITING: {
      outcome: 'REQUIRE',
      step: 'MANUAL_UNDERWRITING',
      message: text('{reasonZh}，须经保险公司人工核保后方可承保', 'The insurer must underwrite this policy manually: {reasonEn}'),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    const sale = saleTerms(facts, product);
    const found = guaranteedOnlyReasons(facts, sale.premiumMode, read(ctx.settings));
    if (found.reasons.length === 0) return [];
    const saw = { ...found.saw, insuranceType: product.insuranceType, guaranteed: product.guaranteed, premiumModeAssumed: sale.premiumModeAssumed };
    if (product.guaranteed) return [{ code: 'MANUAL_UNDERWRITING', params: reasonParams(found.reasons), saw }];
    const label = product.complete ? INSURANCE_TYPE_LABELS[product.insuranceType] : text('保险', 'insurance');
    return [
      {
        code: 'NON_GUARANTEED_NOT_SUITABLE',
        params: { ...reasonParams(found.reasons), typeZh: label['zh-CN'], typeEn: label.en },
        saw,
      },
    ];
  },
};
