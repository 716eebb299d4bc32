import type { SettingsReader } from '../../settings/reader.js';
import type { LocalizedText } from '../../i18n/localized.js';

/** Outcomes, weakest to strictest. The strictest of all reasons wins. */
export const OUTCOMES = ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const outcomeRank = (o: Outcome): number => OUTCOMES.indexOf(o);
/** Whether a value is one of the four outcomes (anything else must fail closed). */
export const isOutcome = (o: unknown): o is Outcome => typeof o === 'string' && (OUTCOMES as readonly string[]).includes(o);
/** The strictest of two outcomes. */
export const stricter = (a: Outcome, b: Outcome): Outcome => (outcomeRank(a) >= outcomeRank(b) ? a : b);

export const RISK_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const PRODUCT_RISKS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type ProductRisk = (typeof PRODUCT_RISKS)[number];
export const SALE_CHANNELS = ['COUNTER', 'WEALTH_CENTER', 'ONLINE', 'MOBILE'] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];
export const INITIATORS = ['CUSTOMER', 'STAFF'] as const;
export type Initiator = (typeof INITIATORS)[number];

/** Level number of C1..C5 / R1..R5. */
export const levelNumber = (level: string): number => Number(level.slice(1));

/** A position the customer holds, as rules see it. */
export interface HoldingFacts {
  /** The position's id (holdings.id). */
  id: number;
  productId: number;
  productCode: string;
  line: string;
  quantity: string;
  costAmount: string;
  costCurrency: string;
  status: string;
  openedAt: string;
  /** Line-specific facts of the position (account class, card type, policy…). */
  attributes: Record<string, unknown>;
  /** Market value as its line values it (null when its product is unknown), in `valueCurrency`. */
  marketValue: string | null;
  valueCurrency: string | null;
  /** The market value in CNY at the reference rate (null when it cannot be valued). */
  marketValueCny: string | null;
  /** The case the position is pledged to (e.g. `loans.loan:12`), or null when free: a pledged position cannot be redeemed. */
  pledgedTo: string | null;
}

/**
 * One external report as rules read it. `payload` follows its kind (src/domain/external/report-kinds.ts):
 * CREDIT_REPORT `{ cards: [{ issuer, type, student }], loans: [{ lender, kind, monthlyPayment, outstanding }],
 * overdue: { current, maxDaysLast24Months } }`; FX_ANNUAL_PURCHASES `{ year, purchasedUsdElsewhere }`;
 * INCOME `{ annualIncome, method, employer? }`.
 */
export interface ExternalReportFacts {
  source: string;
  /** As of when the source reported it (ISO 8601). */
  reportedAt: string;
  /** Whole days from reportedAt to the evaluation instant. */
  ageDays: number;
  payload: Record<string, unknown>;
}

/** The customer, as rules see it. Money as decimal strings. */
export interface CustomerFacts {
  id: number;
  birthDate: string;
  /** Whole years at the evaluation instant. */
  age: number;
  residency: 'ONSHORE' | 'FOREIGN';
  nationality: string;
  student: boolean;
  legalCapacity: 'FULL' | 'LIMITED' | 'NONE';
  idVerified: boolean;
  investorType: 'ORDINARY' | 'PROFESSIONAL';
  investorTypeBasis: string | null;
  personalAnnualIncome: string;
  householdAnnualIncome: string;
  householdFinancialAssets: string;
  incomeThreeYearAverage: string;
  hasStableIncome: boolean;
  fxWatchList: boolean;
  risk: {
    level: RiskLevel | null;
    lowestCategory: boolean;
    experienceYears: number;
    assessedAt: string | null;
    expiresAt: string | null;
    expired: boolean;
  };
  holdings: HoldingFacts[];
  /**
   * The newest external report of each kind on file (credit bureau, FX authority, income verification),
   * with its age: a kind absent here has never been reported — a rule that needs it asks for the step that
   * obtains it rather than assuming anything.
   */
  external: Partial<Record<'CREDIT_REPORT' | 'FX_ANNUAL_PURCHASES' | 'INCOME', ExternalReportFacts>>;
  /** Facts each plugin adds about the customer, by plugin code (e.g. `forex.ytdPurchasedUsd`). */
  lines: Record<string, Record<string, unknown>>;
}

/** The product, as rules see it. */
export interface ProductFacts {
  id: number;
  code: string;
  line: string;
  issuer: string;
  partnerCode: string | null;
  riskRating: ProductRisk;
  currency: string;
  minimumAmount: string;
  amountStep: string;
  status: 'DRAFT' | 'ON_SALE' | 'SUSPENDED' | 'CLOSED';
  saleStart: string | null;
  saleEnd: string | null;
  /** WEALTH (理财): never above the customer's level; SECURITIES: 适当性办法 with the signed-warning path; OTHER. */
  regime: 'WEALTH' | 'SECURITIES' | 'OTHER';
  requiresRiskAssessment: boolean;
  coolingOffHours: number;
  /** How readily the customer can get the money back (HIGH | MEDIUM | LOW), as the catalog states it. */
  liquidity: 'HIGH' | 'MEDIUM' | 'LOW';
  /** Facts the product's line adds (fund type, insurance type, account class…). */
  details: Record<string, unknown>;
  /**
   * The qualification a staff seller needs for this product's line (the plugin
   * manifest's `sellerQualification`, e.g. `FUND_SALES`); null or absent: none.
   */
  sellerQualification?: string | null;
}

/** A qualification the seller holds, as rules see it (lapsed ones included). */
export interface SellerQualificationFacts {
  /** FUND_SALES, INSURANCE_AGENT, GOLD_TRADING… */
  kind: string;
  /** When it lapses, ISO 8601: valid only before this instant. */
  expiresAt: string;
}

/** The member of staff selling: the caller's own manager record. */
export interface SellerFacts {
  managerId: number;
  qualifications: SellerQualificationFacts[];
}

/**
 * The sale being considered. Its size — `amount`, `quantity` and the figures in
 * `details` — is the server's (the line's `orders.sizing`), never a client's.
 */
export interface SaleFacts {
  /** BUY opens or adds; SELL redeems an existing position (never blocked by level rules). */
  side: 'BUY' | 'SELL';
  /** BUY: the amount charged (what is booked); SELL: the proceeds. null in an eligibility check. */
  amount: string | null;
  /** Units the order books (BUY) or redeems (SELL); null when the sale is not sized. */
  quantity: string | null;
  currency: string;
  channel: SaleChannel;
  initiator: Initiator;
  /**
   * Per-line details: the client's validated terms (FX purpose, premium mode,
   * payment years, insured age…) and the figures the server computed (units,
   * grams, fxAmount, usdAmount, premium…), which replace any client value.
   */
  details: Record<string, unknown>;
  /** Figures the client also stated (e.g. `grams`: a purchase by grams); each matched the server's. */
  statedFigures: string[];
  /** Steps already recorded (signed warning, 双录…). */
  completedSteps: string[];
  /**
   * Who sells, when the host knows: the caller's manager record when a
   * relationship manager calls. null or absent: unknown (head office, a branch
   * manager, online self-service), and seller rules say nothing.
   */
  seller?: SellerFacts | null;
}

/** Everything a rule may read. Rules never read anything else (no clock, no I/O). */
export interface SuitabilityFacts {
  customer: CustomerFacts;
  product: ProductFacts;
  sale: SaleFacts;
  /** The evaluation instant, ISO 8601. */
  now: string;
}

/** Settings are read through the settings module's reader (re-exported here for rules and the SDK). */
export type { SettingsReader } from '../../settings/reader.js';

/** What a rule receives besides the facts. */
export interface RuleContext {
  settings: SettingsReader;
  now: Date;
}

/** One documented reason a rule can give. Messages may hold `{param}` placeholders. */
export interface ReasonDefinition {
  outcome: Outcome;
  message: LocalizedText;
  /** The step that lifts a REQUIRE (e.g. `AUDIO_VIDEO_RECORDING`). */
  step?: string;
}

/** What a rule found: one of its documented reason codes, the values for its message, the facts it read. */
export interface RuleHit {
  code: string;
  params?: Record<string, string | number>;
  saw: Record<string, unknown>;
}

/**
 * A suitability rule: named, versioned, pure. It returns the reasons it found
 * (none = nothing to say). It must not throw on ordinary facts; if it does, the
 * engine turns that into BLOCK `RULE_ERROR` for this product only.
 */
export interface SuitabilityRule {
  /** Stable id, `<source>.<name>` (e.g. `core.risk-matching`, `funds.private-qualified-investor`). */
  id: string;
  version: string;
  /** The regulation or house rule implemented. */
  regulation: LocalizedText;
  description: LocalizedText;
  /** Lines whose products this rule applies to; omitted = every line. Plugin rules default to their own line. */
  lines?: string[];
  reasons: Record<string, ReasonDefinition>;
  /**
   * The bank settings this rule reads (keys: the host's `core.*` or its own plugin's). When given, the engine
   * lets the rule read exactly these — any other read is that product's RULE_ERROR — and the impact analysis
   * judges the rule only for proposals changing one of them. When omitted, the rule may read its own source's
   * settings (a plugin's rule its plugin's, a core rule the host's) and nothing else.
   */
  reads?: readonly string[];
  evaluate(facts: SuitabilityFacts, ctx: RuleContext): RuleHit[];
}

/** One reason in a decision. */
export interface SuitabilityReason {
  code: string;
  outcome: Outcome;
  message: LocalizedText;
  ruleId: string;
  ruleVersion: string;
  /** `core` or the plugin code. */
  source: string;
  regulation: LocalizedText;
  facts: Record<string, unknown>;
  step: string | null;
  /** For REQUIRE: whether the step is already recorded. */
  satisfied: boolean;
}

/** The engine's answer. */
export interface SuitabilityDecisionRecord {
  outcome: Outcome;
  reasons: SuitabilityReason[];
  /** Steps this sale needs (REQUIRE reasons). */
  requiredSteps: string[];
  /** Required steps not yet recorded. */
  missingSteps: string[];
  evaluatedAt: string;
  ruleVersions: Record<string, string>;
  /** The bank settings version the rules read (decision records cite it). */
  settingsVersion?: number;
}
