import { Decimal, type ValuationInput } from '../../src/sdk/index.js';

/**
 * A card position is one card: quantity 1. For a debit card the cost amount is
 * the account balance (the opening deposit for a new account), so the market
 * value of a debit card is that balance; a credit card is a credit line, not an
 * asset, and is worth 0 to the customer's total assets.
 */
export function valuateCard(input: ValuationInput): string {
  if (input.attributes.cardKind === 'DEBIT') return new Decimal(input.costAmount).toDecimalPlaces(2).toFixed(2);
  return '0.00';
}
