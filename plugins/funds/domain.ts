/**
 * The funds line's vocabulary, shared by its tables, GraphQL types, facts,
 * rules and seed. Values are stored as text (with CHECK constraints) rather than
 * Postgres enums so a partner's copy never collides with another plugin's types.
 */

/** 基金类型. Bank wealth products (理财) use the type closest to what they invest in. */
export const FUND_TYPES = ['MONEY_MARKET', 'BOND', 'MIXED', 'EQUITY', 'QDII', 'PRIVATE'] as const;
export type FundTypeCode = (typeof FUND_TYPES)[number];

/**
 * Asset class under the 2018 asset-management guidelines (资管新规 Art. 4):
 * it decides a private product's minimum investment.
 */
export const ASSET_CLASSES = ['FIXED_INCOME', 'MIXED', 'EQUITY', 'COMMODITY_DERIVATIVES'] as const;
export type AssetClassCode = (typeof ASSET_CLASSES)[number];

/**
 * Who issues the product: a fund management company, the bank itself (its own
 * 理财 products, with the public wealth minimum), or the bank's wealth
 * management subsidiary (理财子公司, exempt from that minimum).
 */
export const ISSUER_TYPES = ['FUND_HOUSE', 'BANK', 'BANK_SUBSIDIARY'] as const;
export type IssuerTypeCode = (typeof ISSUER_TYPES)[number];

/**
 * What `facts.products` gives the rules for a funds product
 * (`facts.product.details`). Money as decimal strings.
 */
export interface FundFacts {
  fundType: FundTypeCode;
  isPrivate: boolean;
  assetClass: AssetClassCode;
  sipSupported: boolean;
  /** Smallest 定投 instalment; null = the product has no separate SIP minimum. */
  sipMinimum: string | null;
  isBankWealth: boolean;
  issuerType: IssuerTypeCode;
}
