import { badInput, Decimal, text } from '../../src/sdk/index.js';
import { isSex, type Sex } from './domain.js';

/** One row of a product's rate table: premium per 1,000 sum assured, per year of payment. */
export interface RateEntry {
  sex: string;
  ageFrom: number;
  ageTo: number;
  paymentYears: number;
  /** Decimal string. */
  ratePer1000: string;
}

/** The product terms a quote checks the request against. */
export interface QuoteTerms {
  insuredAgeMin: number;
  insuredAgeMax: number;
  /** null = whole life. */
  coverTermYears: number | null;
  paymentYearsOptions: number[];
}

export interface QuoteRequest {
  age: number;
  sex: string;
  /** Cover term asked for; omitted = the product's. */
  termYears?: number | null;
  paymentYears: number;
  /** Decimal string. */
  sumAssured: string;
}

/** A premium quote; amounts are decimal strings with 2 places. */
export interface PremiumQuote {
  annualPremium: string;
  totalPremium: string;
  paymentYears: number;
  sumAssured: string;
  ratePerThousand: string;
  sex: Sex;
}

const SUM_ASSURED_RE = /^\d{1,12}(\.\d{1,2})?$/;
/** Enough digits that sum assured × rate is exact before the one rounding to cents. */
const Exact = Decimal.clone({ precision: 40 });

/**
 * Prices a policy from the product's rate table: annual premium = sum assured ÷
 * 1,000 × rate, rounded half up to the cent; total = annual × payment years.
 * Throws BAD_USER_INPUT (zh/en, naming the argument) for an age outside the
 * product's band, a payment period it does not offer, a term it does not have,
 * a sex other than MALE/FEMALE, a sum assured that is not a positive amount,
 * or a combination the rate table does not price.
 */
export function quotePremium(terms: QuoteTerms, rates: readonly RateEntry[], req: QuoteRequest): PremiumQuote {
  const { age, paymentYears } = req;
  if (!isSex(req.sex)) throw badInput(text('性别须为 MALE 或 FEMALE', 'sex must be MALE or FEMALE'), 'sex');
  if (!Number.isInteger(age) || age < terms.insuredAgeMin || age > terms.insuredAgeMax) {
    throw badInput(
      text(
        `被保险人年龄 ${age} 岁不在投保年龄 ${terms.insuredAgeMin}–${terms.insuredAgeMax} 岁范围内`,
        `Age ${age} is outside the insurable ages ${terms.insuredAgeMin}–${terms.insuredAgeMax}`,
      ),
      'age',
    );
  }
  if (req.termYears !== undefined && req.termYears !== null && req.termYears !== terms.coverTermYears) {
    const offered = terms.coverTermYears === null ? text('终身', 'whole life') : text(`${terms.coverTermYears} 年`, `${terms.coverTermYears} years`);
    throw badInput(
      text(`本产品不提供 ${req.termYears} 年保障期，保障期为${offered['zh-CN']}`, `This product has no ${req.termYears}-year term; its cover is ${offered.en}`),
      'termYears',
    );
  }
  if (!terms.paymentYearsOptions.includes(paymentYears)) {
    const options = terms.paymentYearsOptions.join('/');
    throw badInput(
      text(`本产品不提供 ${paymentYears} 年交费，可选 ${options} 年`, `This product does not offer ${paymentYears} payment years; options: ${options}`),
      'paymentYears',
    );
  }
  if (!SUM_ASSURED_RE.test(req.sumAssured) || new Exact(req.sumAssured).lte(0)) {
    throw badInput(text('保额须为大于 0 的金额（最多两位小数）', 'sumAssured must be a positive amount with at most 2 decimals'), 'sumAssured');
  }
  const row = rates.find((r) => r.sex === req.sex && r.paymentYears === paymentYears && age >= r.ageFrom && age <= r.ageTo);
  if (!row) {
    throw badInput(
      text(`费率表中没有 ${age} 岁、${paymentYears} 年交费的费率`, `The rate table has no rate for age ${age} with ${paymentYears} payment years`),
      'age',
    );
  }
  const sumAssured = new Exact(req.sumAssured);
  const rate = new Exact(row.ratePer1000);
  const annual = sumAssured.times(rate).dividedBy(1000).toDecimalPlaces(2, Exact.ROUND_HALF_UP);
  return {
    annualPremium: annual.toFixed(2),
    totalPremium: annual.times(paymentYears).toFixed(2),
    paymentYears,
    sumAssured: sumAssured.toFixed(2),
    ratePerThousand: rate.toFixed(),
    sex: req.sex,
  };
}
