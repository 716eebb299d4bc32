/**
 * The finmart plugin SDK: everything a product-line plugin may import from the
 * host. Plugins import this module and third-party libraries only — never other
 * host modules (a test enforces it). See plugins/README.md.
 */
export type { PluginManifest, PluginServices, SeedContext, SeedCustomer, ValuationInput, AcceptedOrder, LineWorkItems } from './manifest.js';
export { definePlugin } from './manifest.js';
export type { OrderSizing, OrderTerms, SizingRequest, SizedOrder } from './order-sizing.js';
export { statedFigure, unitPriceSizing } from './order-sizing.js';
export type { CatalogWriter, NewProduct, NewHolding, NewExternalReport } from './catalog-writer.js';
export type { RequestContext } from '../graphql/context.js';
export type { Db, Tx } from '../db/client.js';
export type { Principal, Role } from '../auth/principal.js';
export type { LocalizedText, Lang } from '../i18n/localized.js';
export { text } from '../i18n/localized.js';
export type { SettingDefinition } from '../settings/registry.js';
// The suitability contract: facts a rule reads, what it answers, outcomes and scales (declared in the SDK; the host's engine implements it).
export {
  INITIATORS,
  OUTCOMES,
  PRODUCT_RISKS,
  RISK_LEVELS,
  SALE_CHANNELS,
  isOutcome,
  levelNumber,
  outcomeRank,
  stricter,
  type Outcome,
  type RiskLevel,
  type ProductRisk,
  type SaleChannel,
  type Initiator,
  type HoldingFacts,
  type ExternalReportFacts,
  type CustomerFacts,
  type ProductFacts,
  type SellerQualificationFacts,
  type SellerFacts,
  type SaleFacts,
  type SuitabilityFacts,
  type RuleContext,
  type ReasonDefinition,
  type RuleHit,
  type SuitabilityRule,
  type SuitabilityReason,
  type SuitabilityDecisionRecord,
  type SettingsReader,
} from './contract/suitability.js';
export { FinmartError, badInput, notFound, forbidden, conflict } from '../graphql/errors.js';
export { DecimalScalar, DateScalar, DateTimeScalar } from '../graphql/scalars.js';
export { Product } from '../domain/products/product.interface.js';
export type { ProductRecord } from '../domain/products/product.record.js';
export { Customer } from '../domain/customers/customer.type.js';
export type { CustomerRecord } from '../domain/customers/customer.record.js';
export { Money, money } from '../domain/common/money.type.js';
export { ProductRiskEnum, RiskLevelEnum, SaleChannelEnum, InitiatorEnum, ProductStatusEnum, GenderEnum } from '../domain/common/enums.js';
export { toGlobalId, numericIdOf } from '../graphql/relay/global-id.js';
export { ConnectionArgs, connectionTypes, PageInfo, type ConnectionResult } from '../graphql/relay/types.js';
export { keysetPage, toConnection } from '../graphql/relay/paginate.js';
export { byKey, groupByKey } from '../graphql/loaders.js';
export { inIds } from '../db/int-array.js';
export { requireRole } from '../auth/guards.js';
export { Decimal } from 'decimal.js';
export { perObject, perObjectAnd } from './per-object.js';
export { perString, perStringValue } from './per-string.js';
export { ageAt } from '../domain/customers/derived.js';
export { onSaleProductsOfLine } from './catalog-reader.js';
export {
  judgeApplication,
  recordApplicationDecision,
  recordParticipation,
  assertIndependentDecision,
  customerInScope,
  customerFacts,
  leadInScope,
  pledgeHolding,
  releasePledge,
  type ApplicationTerms,
  type JudgedApplication,
  type CaseRef,
  type CaseRole,
} from './applications.js';
export { beijingDay as bankDay } from '../domain/kpis/day-close.js';
export { registerNodeType } from '../graphql/node-registry.js';
export { recordAudit, type AuditEntry } from '../audit/record.js';
export { checkIdempotencyKey, claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../orders/idempotency.js';
export { Node } from '../graphql/relay/types.js';
export { recordCardNumbers, cancelCardNumbers, luhnCheckDigit, type IssuedCard } from '../domain/branch-floor/card-number.js';

// Shared helpers (plugins used to copy these)
export { createRandom, mulberry32, randomOf, type Random, type Weighted } from './random.js';
export { BATCH_ROWS, insertInBatches } from './batches.js';
export { bankDayStart, bankYear } from './bank-time.js';
export { decimalOrNull } from './decimal-or-null.js';
export { childPage, type ChildListSpec, type KeysetPage } from './child-page.js';
