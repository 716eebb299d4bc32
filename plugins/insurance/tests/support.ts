import { makeFacts, pluginTestSupport } from '../../../src/sdk/testing.js';
import type { CustomerFacts, SaleFacts, SuitabilityRule } from '../../../src/sdk/index.js';
import type { InsuranceProductDetails } from '../domain.js';
import insurance from '../index.js';

const support = pluginTestSupport(insurance);

/** A participating 20-year policy, both premium modes, ages 0–70, 15-day 犹豫期. Override what the test is about. */
export const policyTerms = (o: Partial<InsuranceProductDetails> = {}): InsuranceProductDetails => ({
  insurer: 'pingan-life',
  insuranceType: 'PARTICIPATING',
  guaranteed: false,
  coverTermYears: 20,
  premiumModes: ['SINGLE', 'REGULAR'],
  paymentYearsOptions: [1, 5, 10],
  insuredAgeMin: 0,
  insuredAgeMax: 70,
  coolingOffDays: 15,
  deathCover: true,
  lifeOrHealth: true,
  coverOverOneYear: true,
  ...o,
});

/** A guaranteed traditional policy with the same terms. */
export const guaranteedTerms = (o: Partial<InsuranceProductDetails> = {}) => policyTerms({ insuranceType: 'TRADITIONAL', guaranteed: true, ...o });

export interface Case {
  product?: Partial<InsuranceProductDetails>;
  /** Replaces the details entirely (e.g. `{}` for a product without terms). */
  rawDetails?: Record<string, unknown>;
  customer?: Partial<Omit<CustomerFacts, 'risk'>>;
  sale?: Partial<Omit<SaleFacts, 'details'>>;
  details?: Record<string, unknown>;
}

/** Facts of an insurance sale: the default 40-year-old buying online, 10,000 CNY, single premium. */
export const insuranceFacts = (c: Case = {}) =>
  makeFacts({
    customer: c.customer,
    product: {
      line: 'INSURANCE',
      regime: 'OTHER',
      riskRating: 'R2',
      details: c.rawDetails ?? { ...policyTerms(c.product) },
    },
    sale: { details: { premiumMode: 'SINGLE', paymentYears: 1, ...c.details }, ...c.sale },
  });

/** Evaluates rules as the host would for the insurance plugin. */
export const run = (rules: SuitabilityRule | SuitabilityRule[], c: Case = {}, overrides: Record<string, unknown> = {}) =>
  support.evaluate(rules, insuranceFacts(c), overrides);

export const codes = (d: ReturnType<typeof run>) => d.reasons.map((r) => r.code);
