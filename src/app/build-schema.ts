import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { BranchResolver, CustomerManagerResolver } from '../domain/organisation/organisation.resolver.js';
import { CustomerAssignmentResolver } from '../domain/organisation/assignment.resolver.js';
import { CustomerClassificationResolver } from '../domain/customers/customer-classification.resolver.js';
import { ManagerRosterMutationResolver } from '../domain/organisation/roster.mutations.js';
import { ManagerRosterFieldsResolver, ManagerRosterQueryResolver } from '../domain/organisation/roster.resolver.js';
import { CustomerMutationResolver } from '../domain/customers/customer.mutations.js';
import { CustomerQueryResolver } from '../domain/customers/customer.query.js';
import { CustomerResolver } from '../domain/customers/customer.resolver.js';
import { CustomerLiabilitiesResolver } from '../domain/customers/liabilities.resolver.js';
import { CustomerExternalFactsResolver, ExternalFactsMutationResolver } from '../domain/external/external.resolver.js';
import { ProductLineValues, ProductLineValuesConfig } from '../domain/common/enums.js';
import { HoldingResolver } from '../domain/holdings/holding.resolver.js';
import { ProductCoreResolver } from '../domain/products/product-core.resolver.js';
import { lineTypeNames } from '../domain/products/product.interface.js';
import { ProductQueryResolver } from '../domain/products/product.query.js';
import { RelationshipMutationResolver } from '../domain/relationship/relationship.mutations.js';
import { ContactResolver } from '../domain/relationship/contact.resolver.js';
import { WorkQueueResolver } from '../domain/workbench/work-queue.resolver.js';
import { RootResolver } from '../domain/root.resolver.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { CheckSuitabilityResolver, CustomerSuitabilityResolver } from '../suitability/suitability.resolver.js';
import { Customer } from '../domain/customers/customer.type.js';
import { Branch, CustomerManager } from '../domain/organisation/organisation.types.js';
import { Holding } from '../domain/holdings/holding.types.js';
import { Complaint, Contact } from '../domain/relationship/relationship.types.js';
import { useLeanResolvers } from '../graphql/lean-resolvers.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { CustomerOrdersResolver, OrderMutationResolver, OrderResolver } from '../orders/order.resolver.js';
import { ComplianceQueryResolver, SuitabilityDecisionRecordResolver } from '../orders/compliance.resolver.js';
import { BundleQueryResolver, BundleResolver, CustomerBundleOffersResolver } from '../bundles/bundle.resolver.js';
import { BundleAdminResolver } from '../bundles/bundle-admin.resolver.js';
import { ImpactMutationResolver, ImpactReportResolver } from '../impact/impact.resolver.js';
import { BundleOrderMutationResolver, BundleOrderResolver, CustomerBundleOrdersResolver } from '../bundles/bundle-order.resolver.js';
import { AuditEventResolver } from '../audit/audit-events.query.js';
import { CustomerIdentityResolver } from '../audit/identity.resolver.js';
import { ComplaintResolver } from '../domain/complaints/complaint.resolver.js';
import { ComplaintStatResolver, ComplaintStatsQueryResolver } from '../domain/complaints/complaint-stats.query.js';
import { BranchesQueryResolver, BranchKpisResolver, ManagerKpisResolver } from '../domain/kpis/kpi.resolver.js';
import { DistributeLeadsResolver } from '../domain/leads/distribute.mutation.js';
import { LeadMutationResolver } from '../domain/leads/lead.mutations.js';
import { LeadQueryResolver } from '../domain/leads/lead.query.js';
import { LeadResolver } from '../domain/leads/lead.resolver.js';
import { CoverageMutationResolver } from '../domain/organisation/coverage.mutations.js';
import { WorkItemLeadResolver } from '../domain/workbench/work-queue.types.js';
import { EscalateComplaintResolver } from '../domain/complaints/escalate.mutation.js';
import { IdentifyCustomerResolver } from '../domain/branch-floor/identify.resolver.js';
import { satisfactionResolvers } from '../domain/satisfaction/satisfaction.resolver.js';
import { CustomerPointsFieldResolver, CustomerPointsResolver, PointsEntryResolver, PointsResolver } from '../points/points.resolver.js';
import { ApprovalMutationResolver, ApprovalQueryResolver, ApprovalResolver } from '../controls/maker-checker/approval.resolver.js';

/** Core resolver classes; host features (orders, bundles, audit) add theirs here. */
export const coreResolvers: Function[] = [
  RootResolver,
  CustomerQueryResolver,
  CustomerResolver,
  CustomerLiabilitiesResolver,
  CustomerExternalFactsResolver,
  ExternalFactsMutationResolver,
  CustomerMutationResolver,
  CustomerSuitabilityResolver,
  CheckSuitabilityResolver,
  ProductQueryResolver,
  ProductCoreResolver,
  HoldingResolver,
  BranchResolver,
  CustomerManagerResolver,
  ManagerRosterQueryResolver,
  ManagerRosterFieldsResolver,
  ManagerRosterMutationResolver,
  CustomerAssignmentResolver,
  CustomerClassificationResolver,
  RelationshipMutationResolver,
  ContactResolver,
  WorkQueueResolver,
  CustomerIdentityResolver,
  AuditEventResolver,
  OrderResolver,
  CustomerOrdersResolver,
  OrderMutationResolver,
  SuitabilityDecisionRecordResolver,
  ComplianceQueryResolver,
  BundleResolver,
  BundleQueryResolver,
  CustomerBundleOffersResolver,
  BundleAdminResolver,
  ImpactReportResolver,
  ImpactMutationResolver,
  BundleOrderResolver,
  BundleOrderMutationResolver,
  CustomerBundleOrdersResolver,
  ComplaintResolver,
  EscalateComplaintResolver,
  ComplaintStatResolver,
  ComplaintStatsQueryResolver,
  ManagerKpisResolver,
  BranchKpisResolver,
  BranchesQueryResolver,
  LeadResolver,
  CoverageMutationResolver,
  WorkItemLeadResolver,
  LeadQueryResolver,
  LeadMutationResolver,
  DistributeLeadsResolver,
  IdentifyCustomerResolver,
  PointsResolver,
  PointsEntryResolver,
  CustomerPointsResolver,
  CustomerPointsFieldResolver,
  ApprovalResolver,
  ApprovalQueryResolver,
  ApprovalMutationResolver,
  ...satisfactionResolvers,
];

/** Core types reachable only through `node`. */
export const coreOrphanTypes: Function[] = [Customer, Branch, CustomerManager, Holding, Contact, Complaint];

/**
 * type-graphql keeps one global metadata store and caches each type's field
 * list on first build, including fields plugins add to core types. Building a
 * schema for another plugin set in the same process must start from the
 * declared fields only, or an unloaded plugin's field would linger.
 */
function resetCachedFields(): void {
  const storage = getMetadataStorage() as unknown as { objectTypes: { fields?: unknown }[]; interfaceTypes: { fields?: unknown }[] };
  for (const t of [...storage.objectTypes, ...storage.interfaceTypes]) t.fields = undefined;
}

/**
 * Plain fields (a property of the object) resolve with graphql-js's default
 * resolver rather than type-graphql's per-field middleware pipeline: finmart
 * uses no type-graphql middleware or auth checker (authorization lives in the
 * resolvers and the SQL scopes), so the pipeline only cost an object and a
 * function call per field of every response. A type that ever needs one sets
 * `simpleResolvers: false` explicitly.
 */
function useDefaultFieldResolvers(): void {
  const storage = getMetadataStorage() as unknown as { objectTypes: { simpleResolvers?: boolean }[] };
  for (const t of storage.objectTypes) t.simpleResolvers ??= true;
}

/**
 * type-graphql takes no description for the root types (they are made from the
 * resolvers' `@Query` / `@Mutation` methods), so they are described here, once
 * the schema is assembled.
 */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "金融超市查询入口 / What the bank's staff and partners can read: customers (the customer 360), products of every loaded line, bundles, " +
      "suitability checks and decision records, complaints, leads, KPIs, approvals and the audit trail — each limited to the caller's scope " +
      "(a manager's book, a branch, the whole bank, a partner's own products); what is out of scope looks missing.";
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      '金融超市操作入口 / What callers can change: customers and their risk assessments, contacts and complaints, orders and bundle orders, ' +
      "leads, bundles, settings, points and what the loaded product lines add (loan applications…). Each checks the caller's role and scope, validates its input before any statement " +
      '(BAD_USER_INPUT naming the field) and is audited where it touches customer data; sensitive ones go through maker-checker approval.';
  }
}

/** Builds the schema for the core plus the given plugins (validated, in order). */
export function buildFinmartSchema(plugins: PluginManifest[]): GraphQLSchema {
  for (const k of Object.keys(ProductLineValues)) delete ProductLineValues[k];
  for (const k of Object.keys(ProductLineValuesConfig)) delete ProductLineValuesConfig[k];
  lineTypeNames.clear();
  for (const p of plugins) {
    ProductLineValues[p.line] = p.line;
    ProductLineValuesConfig[p.line] = { description: `${p.name['zh-CN']} / ${p.name.en} (plugin ${p.code})` };
    const typeName = getMetadataStorage().objectTypes.find((t) => t.target === p.graphql.productType)?.name;
    if (typeName) lineTypeNames.set(p.line, typeName);
  }
  if (plugins.length === 0) {
    ProductLineValues.NONE = 'NONE';
    ProductLineValuesConfig.NONE = { description: 'No product line is loaded (a placeholder: an enum needs a value).' };
  }
  resetCachedFields();
  useDefaultFieldResolvers();
  const resolvers = [...coreResolvers, ...plugins.flatMap((p) => p.graphql.resolvers ?? [])];
  const schema = buildSchemaSync({
    resolvers: resolvers as [Function, ...Function[]],
    orphanedTypes: [...coreOrphanTypes, ...plugins.flatMap((p) => [p.graphql.productType, ...(p.graphql.types ?? [])])],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  const sorted = lexicographicSortSchema(schema);
  describeRootTypes(sorted);
  useLeanResolvers(sorted, resolvers);
  return sorted;
}
