import { levelNumber, type ProductRisk, type RiskLevel, type SuitabilityFacts } from '../../../sdk/contract/suitability.js';

/** A purchase whose product rating R*m* is above the customer's level C*n*. */
export interface LevelGap {
  productRisk: ProductRisk;
  customerLevel: RiskLevel;
}

/**
 * The R/C gap that risk matching is about: a purchase, of a product that needs a
 * risk assessment, by a customer with a level on file, with m > n. Null otherwise
 * (a missing level is `core.risk-assessment`'s concern, and redemptions are never matched).
 */
export function levelGap(facts: SuitabilityFacts): LevelGap | null {
  const { customer, product, sale } = facts;
  const level = customer.risk.level;
  if (sale.side !== 'BUY' || !product.requiresRiskAssessment || !level) return null;
  if (levelNumber(product.riskRating) <= levelNumber(level)) return null;
  return { productRisk: product.riskRating, customerLevel: level };
}
