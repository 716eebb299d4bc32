import type { ProductRecord } from '../domain/products/product.record.js';
import type { CustomerFacts, SaleFacts } from '../sdk/contract/suitability.js';

/**
 * What the host may tell a remote line about a sale — the whole vocabulary. A partner's contract names the
 * facts its rules need from this list and the host sends exactly those: derived or banded values about the
 * customer, never who they are. Nothing here identifies a person: no name, ID number, phone, address, birth
 * date, nationality, customer id, manager or branch; holdings and external reports never leave either.
 * `docs/federation.md` lists the same table with examples.
 */
export const DISCLOSABLE_FACTS = {
  now: { why: 'The evaluation instant (ISO 8601): time-dependent rules give the same verdict for the same instant.', example: '2025-06-30T08:00:00.000Z' },
  'customer.age': { why: 'Whole years at the evaluation instant (not the birth date): age bands, senior-customer care.', example: 42 },
  'customer.riskLevel': { why: 'Risk tolerance C1–C5 of the newest assessment (null: never assessed).', example: 'C3' },
  'customer.riskAssessmentExpired': { why: 'Whether that assessment has lapsed.', example: false },
  'customer.residency': { why: 'ONSHORE or FOREIGN.', example: 'ONSHORE' },
  'customer.legalCapacity': { why: 'FULL, LIMITED or NONE: who may sign.', example: 'FULL' },
  'customer.investorType': { why: 'ORDINARY or PROFESSIONAL investor.', example: 'ORDINARY' },
  'customer.student': { why: 'Whether the customer is a student.', example: false },
  'customer.personalAnnualIncome': { why: 'Declared personal income, CNY per year (a decimal string).', example: '180000.00' },
  'customer.householdAnnualIncome': { why: 'Declared household income, CNY per year.', example: '260000.00' },
  'customer.householdFinancialAssets': { why: 'Declared household financial assets, CNY.', example: '900000.00' },
  'sale.side': { why: 'BUY or SELL.', example: 'BUY' },
  'sale.amount': { why: "The amount charged as the host sized it (null in an eligibility listing), in the sale's currency.", example: '5000' },
  'sale.currency': { why: 'ISO 4217 code of the amount.', example: 'CNY' },
  'sale.channel': { why: 'COUNTER, WEALTH_CENTER, ONLINE or MOBILE.', example: 'ONLINE' },
  'sale.initiator': { why: 'CUSTOMER or STAFF.', example: 'CUSTOMER' },
  'sale.completedSteps': {
    why: 'Steps already recorded (a signed warning, 双录, a needs analysis): a REQUIRE they lift is satisfied.',
    example: ['NEEDS_ANALYSIS'],
  },
} as const;

/**
 * One of the line's own order terms, named: `sale.details.premiumMode`. A contract names each term its rules
 * read, and only those cross — a client's other details (a note, a name typed into the order) never do.
 */
export type DisclosableDetail = `sale.details.${string}`;

/** The name of a fact the host may disclose. */
export type DisclosableFact = keyof typeof DISCLOSABLE_FACTS | DisclosableDetail;

/** The same names the host accepts as a remote line's order details. */
const DETAIL_FACT = /^sale\.details\.[A-Za-z][A-Za-z0-9]{0,39}$/;

/** Whether `name` is in the host's vocabulary. */
export const isDisclosableFact = (name: string): name is DisclosableFact =>
  Object.prototype.hasOwnProperty.call(DISCLOSABLE_FACTS, name) || DETAIL_FACT.test(name);

/** The customer part of one evaluation request: only the declared facts, never an identifier. */
export interface WireCustomer {
  age?: number;
  riskLevel?: string | null;
  riskAssessmentExpired?: boolean;
  residency?: string;
  legalCapacity?: string;
  investorType?: string;
  student?: boolean;
  personalAnnualIncome?: string;
  householdAnnualIncome?: string;
  householdFinancialAssets?: string;
}

/** The sale part of one evaluation request. */
export interface WireSale {
  side?: string;
  amount?: string | null;
  currency?: string;
  channel?: string;
  initiator?: string;
  /** JSON text of the line's order details. */
  details?: string;
  completedSteps?: string[];
}

/** One evaluation request as it crosses the wire, less its key (the batch assigns keys). */
export interface WireRequest {
  productCode: string;
  now?: string;
  customer: WireCustomer;
  sale: WireSale;
}

/** What one decision knows, from which the request is cut down to the contract's facts. */
export interface EvaluationSubject {
  customer: CustomerFacts;
  product: ProductRecord;
  sale: Pick<SaleFacts, 'side' | 'amount' | 'currency' | 'channel' | 'initiator' | 'details' | 'completedSteps'>;
  now: Date;
}

/**
 * Cuts one decision's facts down to what the contract declares. The product code is always sent (the partner
 * knows its products by code); everything else only when declared.
 */
export function wireRequest(declared: ReadonlySet<DisclosableFact>, s: EvaluationSubject): WireRequest {
  const has = (f: DisclosableFact) => declared.has(f);
  const c = s.customer;
  const customer: WireCustomer = {};
  if (has('customer.age')) customer.age = c.age;
  if (has('customer.riskLevel')) customer.riskLevel = c.risk.level;
  if (has('customer.riskAssessmentExpired')) customer.riskAssessmentExpired = c.risk.expired;
  if (has('customer.residency')) customer.residency = c.residency;
  if (has('customer.legalCapacity')) customer.legalCapacity = c.legalCapacity;
  if (has('customer.investorType')) customer.investorType = c.investorType;
  if (has('customer.student')) customer.student = c.student;
  if (has('customer.personalAnnualIncome')) customer.personalAnnualIncome = c.personalAnnualIncome;
  if (has('customer.householdAnnualIncome')) customer.householdAnnualIncome = c.householdAnnualIncome;
  if (has('customer.householdFinancialAssets')) customer.householdFinancialAssets = c.householdFinancialAssets;
  const sale: WireSale = {};
  if (has('sale.side')) sale.side = s.sale.side;
  if (has('sale.amount')) sale.amount = s.sale.amount;
  if (has('sale.currency')) sale.currency = s.sale.currency;
  if (has('sale.channel')) sale.channel = s.sale.channel;
  if (has('sale.initiator')) sale.initiator = s.sale.initiator;
  // Only the terms the contract names, in the order the client gave them.
  const terms = Object.entries(s.sale.details ?? {}).filter(([name]) => declared.has(`sale.details.${name}`));
  if ([...declared].some((f) => f.startsWith('sale.details.'))) sale.details = JSON.stringify(Object.fromEntries(terms));
  if (has('sale.completedSteps')) sale.completedSteps = [...s.sale.completedSteps];
  return { productCode: s.product.code, ...(has('now') ? { now: s.now.toISOString() } : {}), customer, sale };
}
