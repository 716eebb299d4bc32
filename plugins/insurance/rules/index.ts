import type { SuitabilityRule } from '../../../src/sdk/index.js';
import { coolingOff } from './cooling-off.js';
import { insuredAgeBand } from './insured-age-band.js';
import { investmentLinkedCounter } from './investment-linked-counter.js';
import { legalCapacity } from './legal-capacity.js';
import { needsAnalysis } from './needs-analysis.js';
import { nonGuaranteedEligibility } from './non-guaranteed-eligibility.js';
import { paymentTerms } from './payment-terms.js';
import { premiumToIncome } from './premium-to-income.js';
import { recording } from './recording.js';

/** The insurance line's suitability rules. */
export const insuranceRules: SuitabilityRule[] = [
  needsAnalysis,
  nonGuaranteedEligibility,
  premiumToIncome,
  investmentLinkedCounter,
  recording,
  insuredAgeBand,
  paymentTerms,
  legalCapacity,
  coolingOff,
];
