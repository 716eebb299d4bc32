import { text } from '../../../i18n/localized.js';
import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { DAY_MS, evaluationInstant, instantOrNull } from './values.js';

/**
 * A purchase of a product that needs a risk assessment needs a valid one on file.
 * Validity is computed from `assessedAt` with the bank setting
 * `core.riskAssessmentValidityDays` (so changing the setting takes effect at once);
 * the stored `expired` flag also counts. An assessment is expired once
 * `validityDays` whole days have passed. A level with no readable assessment
 * date cannot be shown to be valid, so it counts as expired.
 * Redemptions are never held up by this rule.
 */
export const riskAssessment: SuitabilityRule = {
  id: 'core.risk-assessment',
  version: '1.0.0',
  reads: ['core.riskAssessmentValidityDays'],
  regulation: text(
    '《商业银行理财产品销售管理办法》第二十八条；风险测评有效期（银行规定）',
    'Measures for the Administration of Sales of Wealth Management Products by Commercial Banks, Art. 28; assessment validity (bank rule)',
  ),
  description: text('购买须有有效期内的风险承受能力测评', 'A purchase needs a risk assessment that is still valid'),
  reasons: {
    RISK_ASSESSMENT_MISSING: {
      outcome: 'REQUIRE',
      step: 'RISK_ASSESSMENT',
      message: text(
        '客户尚无风险承受能力测评，购买风险等级 {productRisk} 的产品前须先完成测评',
        'The customer has no risk assessment on file; one is needed before buying this {productRisk} product',
      ),
    },
    RISK_ASSESSMENT_EXPIRED: {
      outcome: 'REQUIRE',
      step: 'REASSESSMENT',
      message: text(
        '客户风险测评（{assessedAt}，距今 {ageDays} 天）已过期（有效期 {validityDays} 天），购买前须重新测评',
        'The risk assessment of {assessedAt} ({ageDays} days ago) has expired (valid for {validityDays} days); reassess before buying',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { customer, product, sale } = facts;
    if (!product.requiresRiskAssessment || sale.side !== 'BUY') return [];
    const risk = customer.risk;
    if (!risk.level) {
      return [{ code: 'RISK_ASSESSMENT_MISSING', params: { productRisk: product.riskRating }, saw: { level: null, assessedAt: risk.assessedAt } }];
    }
    const validityDays = ctx.settings.get<number>('core.riskAssessmentValidityDays');
    const now = evaluationInstant(facts, ctx);
    const assessed = instantOrNull(risk.assessedAt);
    const ageMs = assessed == null ? null : now - assessed;
    const ageDays = ageMs == null ? null : Math.floor(ageMs / DAY_MS);
    // Valid only when shown to be younger than the validity: without a readable date it is not.
    const validByAge = ageMs != null && ageMs < validityDays * DAY_MS;
    if (!risk.expired && validByAge) return [];
    return [
      {
        code: 'RISK_ASSESSMENT_EXPIRED',
        params: { assessedAt: risk.assessedAt ?? '—', ageDays: ageDays ?? '—', validityDays },
        saw: {
          level: risk.level,
          assessedAt: risk.assessedAt,
          expiresAt: risk.expiresAt,
          expiredFlag: risk.expired,
          ageDays,
          validityDays,
          now: facts.now,
        },
      },
    ];
  },
};
