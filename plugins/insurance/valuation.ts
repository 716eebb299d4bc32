import type { ValuationInput } from '../../src/sdk/index.js';

/**
 * A policy is valued at the premiums paid to date (its cost). The true value
 * would be the surrender (cash) value, which needs each insurer's cash-value
 * table per policy year, and for participating, universal and investment-linked
 * policies the declared bonuses, crediting rates or unit prices — none of which
 * the bank receives in this demo. Premiums paid is what bank statements show
 * for bancassurance when the insurer sends no valuation.
 */
export const valuatePolicy = (input: ValuationInput): string => input.costAmount;
