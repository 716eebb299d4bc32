import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.js';
import type { LocalizedText } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SettingsReader, SuitabilityRule } from './contract/suitability.js';
import type { CatalogWriter } from './catalog-writer.js';
import type { OrderTerms } from './order-sizing.js';

/** The host services a plugin may use outside a request (init, seed, facts). */
export interface PluginServices {
  /** Database handle: for the plugin's own tables. Core data goes through `catalog`. */
  db: Db;
  settings: SettingsReader;
  /** Writes core catalog rows (products, holdings, prices) on the plugin's behalf. */
  catalog: CatalogWriter;
  /**
   * JSON logs. Log an error as `{ err: e }`: it is reduced to class, SQLSTATE,
   * constraint, table, column and stack frames (never its message, which may
   * quote data). Never put personal data in `obj` or `msg`.
   */
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

/** A demo customer a plugin's seed may give holdings to. */
export interface SeedCustomer {
  id: number;
  age: number;
  riskLevel: string | null;
  residency: 'ONSHORE' | 'FOREIGN';
  student: boolean;
  householdFinancialAssets: string;
  personalAnnualIncome: string;
  openedAt: Date;
}

/** What a plugin's seed receives. Seeds are deterministic: use `random`, never Math.random or the clock. */
export interface SeedContext extends PluginServices {
  customers: SeedCustomer[];
  /** A seeded PRNG in [0, 1), private to this plugin. */
  random: () => number;
  /** The demo bank's fixed "now". */
  now: Date;
}

/** A position being valued; money as decimal strings. */
export interface ValuationInput {
  quantity: string;
  costAmount: string;
  costCurrency: string;
  attributes: Record<string, unknown>;
  product: { id: number; currency: string; unitPrice: string | null };
}

/**
 * An accepted order, as plugins see it in `orders.onAccepted`. `details` are
 * the validated client terms with the figures the line's sizing computed in
 * place of any client value (see {@link OrderSizing}).
 */
export interface AcceptedOrder {
  id: number;
  customerId: number;
  productId: number;
  side: 'BUY' | 'SELL';
  amount: string;
  currency: string;
  quantity: string;
  details: Record<string, unknown>;
  placedAt: Date;
}

/**
 * Items a line adds to managers' work queues (`WorkItem.kind` LINE_ITEM, `lineKind` one of `kinds`):
 * a loan instalment falling due, an overdue one… The host puts the line's SQL into the queue's one
 * statement, so a page of managers still costs one statement.
 */
export interface LineWorkItems {
  /** The node type the items are about (`WorkItem.subjectId` is its global id), e.g. `Loan`. */
  subjectType: string;
  /** The kinds, upper-case and prefixed with the line (`LOANS_OVERDUE`), with their priority and what to say. */
  kinds: Record<string, { priority(settings: SettingsReader): number; explain(dueDay: string): LocalizedText }>;
  /**
   * A SELECT of `customer_id int, kind text, subject_id int, due_at timestamptz` for the customers whose
   * ids `customersOfBook` (a sub-select) returns — only those — on the instant `now`.
   */
  sql(customersOfBook: SQL, now: Date, settings: SettingsReader): SQL;
}

/**
 * A product line plugin. The host checks every manifest at boot (collisions,
 * versions, dependencies, missing messages) and refuses to start, naming the
 * plugin, when one is wrong.
 */
export interface PluginManifest {
  /** Lower-case code, also the prefix of its tables and settings: `funds`. */
  code: string;
  /** The `ProductLine` value it owns: `FUNDS`. */
  line: string;
  name: LocalizedText;
  /** The plugin's own semver version. */
  version: string;
  /** Semver range of host versions it works with (e.g. `^0.1.0`). */
  hostRange: string;
  /** Codes of plugins that must load first. */
  dependsOn?: string[];
  graphql: {
    /** The object type implementing `Product` for this line (e.g. `FundProduct`). */
    productType: Function;
    /** Resolver classes: field resolvers (on its own types or core ones such as `Customer`), queries, mutations. */
    resolvers?: Function[];
    /** Further object/input types that no resolver references directly. */
    types?: Function[];
  };
  /** The plugin's drizzle tables; every name must start with `<code>_`. */
  tables?: Record<string, PgTable>;
  /** Absolute path of its drizzle-kit migrations folder. */
  migrationsFolder?: string;
  /** Its suitability rules; they apply to its own line unless a rule says otherwise. */
  rules?: SuitabilityRule[];
  /**
   * The qualification a member of staff needs to sell this line (e.g.
   * `FUND_SALES`, `INSURANCE_AGENT`, `GOLD_TRADING`; upper-case letters, digits
   * and underscores). The core rule `core.seller-qualification` blocks a
   * staff-initiated sale by a manager without a valid one of this kind
   * (`SELLER_NOT_QUALIFIED`). Omitted: the line needs none.
   */
  sellerQualification?: string;
  /**
   * The line's products are applied for, never ordered (loans): the host refuses
   * `placeOrder` for them (BAD_USER_INPUT) before anything is written; its
   * `orders.details` then describe an application's terms, which the rules and
   * `checkSuitability` still read.
   */
  applicationsOnly?: boolean;
  /** Its bank settings (keys `<code>.<name>`) with defaults. */
  settings?: SettingDefinition[];
  /** Batched facts for suitability rules. */
  facts?: {
    /** Facts about customers (e.g. FX bought this year), keyed by customer id. */
    customers?(services: PluginServices, customerIds: readonly number[], now: Date): Promise<Map<number, Record<string, unknown>>>;
    /** Line details of products (fund type, insurance type…), keyed by product id. */
    products?(services: PluginServices, productIds: readonly number[]): Promise<Map<number, Record<string, unknown>>>;
  };
  /**
   * What customers owe the bank on this line (a lending line's outstanding principal), in CNY,
   * keyed by customer id; customers owing nothing may be left out. The host sums every line's
   * into `Customer.liabilities` and `Customer.netAssets`; assets, tiers and KPIs do not read it.
   */
  liabilities?(services: PluginServices, customerIds: readonly number[]): Promise<Map<number, string>>;
  /** Items for managers' work queues (reminders, alerts) about the line's own records. */
  workItems?: LineWorkItems;
  /** Market value of a position in the product's currency; default `quantity × unitPrice`. */
  valuate?(input: ValuationInput): string;
  /** Order terms: the details clients may send, how sales are sized (see {@link OrderSizing}), side effects. */
  orders?: OrderTerms & {
    /** Side effects in the order's own transaction (e.g. the FX year-to-date total). */
    onAccepted?(tx: Tx, order: AcceptedOrder): Promise<void>;
    /** Undo of `onAccepted` when an order is cancelled in its cooling-off period. */
    onCancelled?(tx: Tx, order: AcceptedOrder): Promise<void>;
  };
  /** Demo data: products, prices, holdings. */
  seed?(ctx: SeedContext): Promise<void>;
  /** Runs once at boot, after migrations; must finish within `initTimeoutMs` (default 10 s). */
  init?(services: PluginServices): Promise<void>;
  initTimeoutMs?: number;
  shutdown?(): Promise<void>;
}

/** Identity helper that type-checks a manifest. */
export const definePlugin = (manifest: PluginManifest): PluginManifest => manifest;
