/** A product's core fields as a plugin declares them. Money as decimal strings. */
export interface NewProduct {
  code: string;
  nameZh: string;
  nameEn: string;
  issuer: string;
  partnerCode?: string | null;
  riskRating: 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
  currency?: string;
  minimumAmount?: string;
  amountStep?: string;
  status?: 'DRAFT' | 'ON_SALE' | 'SUSPENDED' | 'CLOSED';
  saleStart?: Date | null;
  saleEnd?: Date | null;
  liquidity: 'HIGH' | 'MEDIUM' | 'LOW';
  function: 'PRESERVATION' | 'TAX_ADVANTAGED' | 'INVESTMENT';
  businessType?: 'DEPOSIT' | 'LOAN' | 'INTERMEDIARY';
  regime?: 'WEALTH' | 'SECURITIES' | 'OTHER';
  requiresRiskAssessment?: boolean;
  coolingOffHours?: number;
  unitPrice?: string | null;
  unitPriceAt?: Date | null;
}

/** A holding a plugin seeds for a demo customer. */
export interface NewHolding {
  customerId: number;
  productId: number;
  quantity: string;
  costAmount: string;
  costCurrency: string;
  openedAt: Date;
  status?: 'ACTIVE' | 'PENDING' | 'CLOSED';
  attributes?: Record<string, unknown>;
}

/** A demo report from outside the bank (a seed's credit bureau report…), validated as recordExternalReport validates. */
export interface NewExternalReport {
  customerId: number;
  kind: 'CREDIT_REPORT' | 'FX_ANNUAL_PURCHASES' | 'INCOME';
  reportedAt: Date;
  payload: Record<string, unknown>;
  reference: string;
}

/**
 * Core catalog writes a plugin may make. Every product written is stamped with
 * the plugin's line, so a plugin can never write another line's products.
 */
export interface CatalogWriter {
  /** Inserts products of this plugin's line (or updates them by code); returns ids by code. */
  upsertProducts(products: NewProduct[]): Promise<Map<string, number>>;
  /** Adds holdings of this plugin's products. */
  addHoldings(holdings: NewHolding[]): Promise<void>;
  /** Publishes the latest unit price of one of this plugin's products. */
  publishPrice(productId: number, price: string, at: Date): Promise<void>;
  /** Publishes a reference rate to CNY (forex). */
  publishExchangeRate(currency: string, rateToCny: string, at: Date): Promise<void>;
  /** This line's product ids by code. */
  productIds(): Promise<Map<string, number>>;
  /** Seeds reports from outside the bank for demo customers (each payload validated for its kind; recorded by `seed:<plugin>`). */
  recordExternalReports(reports: NewExternalReport[]): Promise<void>;
}
