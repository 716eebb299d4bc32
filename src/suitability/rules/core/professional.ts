import { Decimal } from 'decimal.js';
import { text, type LocalizedText } from '../../../i18n/localized.js';
import type { SettingsReader, SuitabilityFacts } from '../../../sdk/contract/suitability.js';
import { decimalOrNull } from '../../../sdk/decimal-or-null.js';
import { plain } from './values.js';
import { perObjectAnd } from '../../../sdk/per-object.js';

/** Shape of the `core.professionalInvestor` setting (CNY amounts as decimal strings). */
export interface ProfessionalInvestorThresholds {
  financialAssetsCny: string;
  averageIncomeCny: string;
  experienceYears: number;
}

/** Why a customer counts as a professional investor. */
export type ProfessionalBasis = 'REGISTERED' | 'FINANCIAL_ASSETS' | 'AVERAGE_INCOME';

/**
 * The outcome of the professional-investor test, with what it read. A professional
 * always has a basis and an explanation (why, in both languages, with the numbers
 * compared); anyone else has neither.
 */
export type ProfessionalAssessment =
  | { professional: true; basis: ProfessionalBasis; explanation: LocalizedText; saw: Record<string, unknown> }
  | { professional: false; basis: null; explanation: null; saw: Record<string, unknown> };

/**
 * Applies 《证券期货投资者适当性管理办法》第八条 to an individual: professional when
 * registered as such, or when (financial assets ≥ threshold OR three-year average
 * income ≥ threshold) AND investment experience ≥ threshold years — thresholds from
 * the bank setting `core.professionalInvestor`. Financial assets are the household
 * figure on file (the only one we hold). An unreadable amount counts as zero,
 * so doubtful data never makes someone professional.
 */
export function assessProfessionalInvestor(facts: SuitabilityFacts, settings: SettingsReader): ProfessionalAssessment {
  // Two rules ask for every product of a customer: assessed once per customer facts and thresholds value.
  return assessedOnce(facts.customer, settings.get<ProfessionalInvestorThresholds>('core.professionalInvestor'));
}

const assessedOnce = perObjectAnd((c: SuitabilityFacts['customer'], t: ProfessionalInvestorThresholds) => Object.freeze(assess(c, t)));

function assess(c: SuitabilityFacts['customer'], t: ProfessionalInvestorThresholds): ProfessionalAssessment {
  const saw = {
    investorType: c.investorType,
    householdFinancialAssets: c.householdFinancialAssets,
    incomeThreeYearAverage: c.incomeThreeYearAverage,
    experienceYears: c.risk.experienceYears,
    thresholds: t,
  };
  if (c.investorType === 'PROFESSIONAL') {
    return {
      professional: true,
      basis: 'REGISTERED',
      explanation: text(
        `已登记为专业投资者${c.investorTypeBasis ? `（${c.investorTypeBasis}）` : ''}`,
        `registered as a professional investor${c.investorTypeBasis ? ` (${c.investorTypeBasis})` : ''}`,
      ),
      saw,
    };
  }
  const assets = decimalOrNull(c.householdFinancialAssets) ?? new Decimal(0);
  const income = decimalOrNull(c.incomeThreeYearAverage) ?? new Decimal(0);
  const years = Number.isFinite(c.risk.experienceYears) ? c.risk.experienceYears : 0;
  if (years < t.experienceYears) return { professional: false, basis: null, explanation: null, saw };
  const experience = { zh: `投资经验 ${years} 年 ≥ ${t.experienceYears} 年`, en: `${years} years' investment experience ≥ ${t.experienceYears}` };
  if (assets.gte(t.financialAssetsCny)) {
    return {
      professional: true,
      basis: 'FINANCIAL_ASSETS',
      explanation: text(
        `金融资产 ${plain(assets)} 元 ≥ ${t.financialAssetsCny} 元，${experience.zh}`,
        `financial assets CNY ${plain(assets)} ≥ CNY ${t.financialAssetsCny} and ${experience.en}`,
      ),
      saw,
    };
  }
  if (income.gte(t.averageIncomeCny)) {
    return {
      professional: true,
      basis: 'AVERAGE_INCOME',
      explanation: text(
        `近三年年均收入 ${plain(income)} 元 ≥ ${t.averageIncomeCny} 元，${experience.zh}`,
        `three-year average income CNY ${plain(income)} ≥ CNY ${t.averageIncomeCny} and ${experience.en}`,
      ),
      saw,
    };
  }
  return { professional: false, basis: null, explanation: null, saw };
}

/** Whether the customer is a professional investor (see {@link assessProfessionalInvestor}). */
export const isProfessionalInvestor = (facts: SuitabilityFacts, settings: SettingsReader): boolean => assessProfessionalInvestor(facts, settings).professional;
