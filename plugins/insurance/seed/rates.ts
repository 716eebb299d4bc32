import { Decimal } from '../../../src/sdk/index.js';
import type { Sex } from '../domain.js';
import type { RateEntry } from '../quote.js';
import { INSURERS, type CatalogEntry, type RateBasis } from './catalog.js';

/** The standard issue-age bands of the demo rate tables (inclusive). */
export const AGE_BANDS: readonly (readonly [number, number])[] = [
  [0, 17],
  [18, 30],
  [31, 40],
  [41, 50],
  [51, 60],
  [61, 70],
];

/** Price relative to age 31–40, per band: claims rise with age far more for protection than savings. */
const AGE_FACTORS: Record<RateBasis, readonly string[]> = {
  PROTECTION: ['0.45', '0.70', '1', '1.55', '2.30', '3.40'],
  SAVINGS: ['0.94', '0.97', '1', '1.03', '1.07', '1.12'],
  ACCIDENT: ['0.80', '1', '1', '1.10', '1.30', '1.65'],
  MEDICAL: ['0.55', '0.65', '1', '1.80', '3.20', '5.00'],
};

/** Women claim less on protection and accident cover, and live longer on annuities. */
const FEMALE_FACTORS: Record<RateBasis, string> = { PROTECTION: '0.85', SAVINGS: '0.99', ACCIDENT: '0.70', MEDICAL: '0.95' };
const FEMALE_ANNUITY = '1.02';

/** Pricing interest for spreading a single premium over regular payments, and the regular-premium loading. */
const INTEREST = new Decimal('0.03');
const REGULAR_LOADING = new Decimal('1.04');
/** No rate where payments would run past this age (the insurer would not accept them). */
const LAST_PAYMENT_AGE = 80;

/** ä(n): present value of n yearly payments of 1 in advance. */
function annuityDue(n: number): Decimal {
  const v = new Decimal(1).dividedBy(INTEREST.plus(1));
  let sum = new Decimal(0);
  for (let k = 0; k < n; k++) sum = sum.plus(v.pow(k));
  return sum;
}

/**
 * The product's rate table: per 1,000 sum assured, per year of payment, for
 * each sex, each standard band clipped to the product's ages, and each payment
 * period. Deterministic: a function of the catalog entry alone.
 */
export function rateTable(e: CatalogEntry): RateEntry[] {
  const rows: RateEntry[] = [];
  const loading = new Decimal(INSURERS[e.insurer].loading);
  for (const sex of ['MALE', 'FEMALE'] as const satisfies readonly Sex[]) {
    const sexFactor = new Decimal(sex === 'MALE' ? '1' : e.type === 'ANNUITY' ? FEMALE_ANNUITY : FEMALE_FACTORS[e.basis]);
    AGE_BANDS.forEach(([from, to], i) => {
      const ageFrom = Math.max(from, e.ageMin);
      const ageTo = Math.min(to, e.ageMax);
      if (ageFrom > ageTo) return;
      const single = new Decimal(e.singleRate).times(AGE_FACTORS[e.basis][i]).times(sexFactor).times(loading);
      for (const paymentYears of e.paymentYearsOptions) {
        if (ageFrom + paymentYears > LAST_PAYMENT_AGE) continue;
        const perYear = paymentYears === 1 ? single : single.times(REGULAR_LOADING).dividedBy(annuityDue(paymentYears));
        // Cheap cover (medical, accident) keeps four places, or rounding would move its price by percents.
        const places = perYear.lt(10) ? 4 : 2;
        rows.push({ sex, ageFrom, ageTo, paymentYears, ratePer1000: perYear.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places) });
      }
    });
  }
  return rows;
}
