import type { HostContext } from '../graphql/context.js';
import { multiplyToCents } from '../domain/common/cents.js';
import { customerLoader, exchangeRatesLoader, holdingsByCustomerLoader, latestAssessmentLoader, productLoader } from '../domain/core-loaders.js';
import { latestReportsLoader } from '../domain/external/report.loader.js';
import { holdingPositionValue } from '../domain/holdings/valuation.js';
import { ageAt, assessmentExpiry } from '../domain/customers/derived.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { qualificationsByManagerLoader } from '../domain/organisation/roster.loaders.js';
import type { CustomerFacts, ExternalReportFacts, ProductFacts, RiskLevel, SaleFacts, SellerFacts, SuitabilityFacts } from '../sdk/contract/suitability.js';
import type { externalReports } from '../db/schema/index.js';
import { Decimal } from 'decimal.js';

/**
 * Who sells on this request: the caller's own manager record when a
 * relationship manager calls, with every qualification on file; null when the
 * seller is unknown (head office, branch manager, a customer online). One
 * statement per request at most, read alongside the customer's facts.
 */
export async function loadSellerFacts(ctx: HostContext): Promise<SellerFacts | null> {
  const managerId = ctx.principal.role === 'RELATIONSHIP_MANAGER' ? ctx.principal.managerId : undefined;
  if (managerId === undefined) return null;
  const rows = await qualificationsByManagerLoader(ctx).load(managerId);
  return { managerId, qualifications: rows.map((q) => ({ kind: q.kind, expiresAt: q.expiresAt.toISOString() })) };
}

/**
 * Customer facts, loaded once per customer per request: the row (in scope),
 * newest assessment, holdings with their products, and each plugin's facts.
 * Returns null when the customer is out of scope or does not exist.
 */
export function loadCustomerFacts(ctx: HostContext, customerId: number): Promise<CustomerFacts | null> {
  return ctx
    .loader<number, CustomerFacts | null>('facts.customer', async (ids) => {
      const [rows, assessments, holdingLists, reports] = await Promise.all([
        customerLoader(ctx).loadMany(ids),
        latestAssessmentLoader(ctx).loadMany(ids),
        holdingsByCustomerLoader(ctx).loadMany(ids),
        latestReportsLoader(ctx).loadMany(ids),
        // The seller's qualifications travel with the customer's facts: decide() then reads them from the request's loader.
        loadSellerFacts(ctx),
      ]);
      const productIds = [...new Set(holdingLists.flatMap((l) => (Array.isArray(l) ? l.map((h) => h.productId) : [])))];
      const productRows = await productLoader(ctx).loadMany(productIds);
      const productsById = new Map<number, ProductRecord>();
      for (const p of productRows) if (p && !(p instanceof Error)) productsById.set(p.id, p);
      // Each position's market value as its line values it; the reference rates are read only when one is not in CNY.
      const valued = new Map<number, { amount: string; currency: string }>();
      for (const l of holdingLists) {
        if (!Array.isArray(l)) continue;
        for (const h of l) {
          const p = productsById.get(h.productId);
          if (p) valued.set(h.id, holdingPositionValue(ctx.host, h, p));
        }
      }
      const rates = [...valued.values()].some((v) => v.currency !== 'CNY') ? await exchangeRatesLoader(ctx).load('all') : new Map([['CNY', '1']]);
      const lineFacts = await Promise.all(
        ctx.host.plugins.map(async (plugin) => {
          if (!plugin.facts?.customers) return [plugin.code, new Map<number, Record<string, unknown>>()] as const;
          const values = await ctx
            .loader<number, Record<string, unknown>>(`facts.customers.${plugin.code}`, async (keys) => {
              const map = await plugin.facts!.customers!(ctx.host.servicesFor(plugin.code), keys, ctx.now);
              return keys.map((id) => map.get(id) ?? {});
            })
            .loadMany(ids);
          // A line's facts that cannot be read must not read as "nothing on file": fail the request instead.
          const failed = values.find((v) => v instanceof Error);
          if (failed) throw failed;
          return [plugin.code, new Map(ids.map((id, i) => [id, values[i] as Record<string, unknown>]))] as const;
        }),
      );
      return ids.map((id, i) => {
        const c = rows[i];
        if (!c || c instanceof Error) return null;
        const a = assessments[i];
        const assessment = a && !(a instanceof Error) ? a : null;
        const hs = holdingLists[i];
        const expiresAt = c.riskAssessedAt ? assessmentExpiry(c.riskAssessedAt, ctx.settings) : null;
        const lines: Record<string, Record<string, unknown>> = {};
        for (const [code, map] of lineFacts) lines[code] = map.get(id) ?? {};
        return {
          id: c.id,
          birthDate: c.birthDate,
          age: ageAt(c.birthDate, ctx.now),
          residency: c.residency as CustomerFacts['residency'],
          nationality: c.nationality,
          student: c.student,
          legalCapacity: c.legalCapacity as CustomerFacts['legalCapacity'],
          idVerified: c.idVerified,
          investorType: c.investorType as CustomerFacts['investorType'],
          investorTypeBasis: c.investorTypeBasis,
          personalAnnualIncome: c.personalAnnualIncome,
          householdAnnualIncome: c.householdAnnualIncome,
          householdFinancialAssets: c.householdFinancialAssets,
          incomeThreeYearAverage: c.incomeThreeYearAverage,
          // A stated "stable income" counts only with an income on record: no default passes for a fact.
          hasStableIncome: c.hasStableIncome && new Decimal(c.personalAnnualIncome).gt(0),
          fxWatchList: c.fxWatchList,
          risk: {
            level: (c.riskLevel as RiskLevel | null) ?? null,
            lowestCategory: assessment?.lowestCategory ?? false,
            experienceYears: assessment?.experienceYears ?? 0,
            assessedAt: c.riskAssessedAt?.toISOString() ?? null,
            expiresAt: expiresAt?.toISOString() ?? null,
            expired: expiresAt ? expiresAt.getTime() <= ctx.now.getTime() : false,
          },
          holdings: (Array.isArray(hs) ? hs : []).map((h) => {
            const p = productsById.get(h.productId);
            const v = valued.get(h.id);
            const rate = v ? rates.get(v.currency) : undefined;
            return {
              id: h.id,
              productId: h.productId,
              productCode: p?.code ?? '',
              line: p?.line ?? '',
              quantity: h.quantity,
              costAmount: h.costAmount,
              costCurrency: h.costCurrency,
              status: h.status,
              openedAt: h.openedAt.toISOString(),
              attributes: h.attributes,
              marketValue: v?.amount ?? null,
              valueCurrency: v?.currency ?? null,
              marketValueCny: v && rate ? multiplyToCents(v.amount, rate) : null,
              pledgedTo: h.pledgedTo,
            };
          }),
          external: externalFacts(reports[i], ctx.now),
          lines,
        } satisfies CustomerFacts;
      });
    })
    .load(customerId);
}

/** Product facts (core row + the line's details), batched per line. */
export async function loadProductFacts(ctx: HostContext, product: ProductRecord): Promise<ProductFacts> {
  const plugin = ctx.host.pluginByLine.get(product.line);
  let details: Record<string, unknown> = {};
  if (plugin?.facts?.products) {
    const map = await ctx
      .loader<number, Record<string, unknown>>(`facts.products.${plugin.code}`, async (ids) => {
        const m = await plugin.facts!.products!(ctx.host.servicesFor(plugin.code), ids);
        return ids.map((id) => m.get(id) ?? {});
      })
      .load(product.id);
    details = map;
  }
  return {
    id: product.id,
    code: product.code,
    line: product.line,
    issuer: product.issuer,
    partnerCode: product.partnerCode,
    riskRating: product.riskRating as ProductFacts['riskRating'],
    currency: product.currency,
    minimumAmount: product.minimumAmount,
    amountStep: product.amountStep,
    status: product.status as ProductFacts['status'],
    saleStart: product.saleStart?.toISOString() ?? null,
    saleEnd: product.saleEnd?.toISOString() ?? null,
    regime: product.regime as ProductFacts['regime'],
    requiresRiskAssessment: product.requiresRiskAssessment,
    coolingOffHours: product.coolingOffHours,
    liquidity: product.liquidity as ProductFacts['liquidity'],
    details,
    sellerQualification: plugin?.sellerQualification ?? null,
  };
}

/** Assembles the facts object rules read. */
export const assembleFacts = (customer: CustomerFacts, product: ProductFacts, sale: SaleFacts, now: Date): SuitabilityFacts => ({
  customer,
  product,
  sale,
  now: now.toISOString(),
});

const DAY_MS = 86_400_000;

/** The newest report of each kind, with its age at `now`. */
function externalFacts(rows: (typeof externalReports.$inferSelect)[] | Error | undefined, now: Date): CustomerFacts['external'] {
  const out: Record<string, ExternalReportFacts> = {};
  if (!Array.isArray(rows)) return out;
  for (const r of rows) {
    out[r.kind] = {
      source: r.source,
      reportedAt: r.reportedAt.toISOString(),
      ageDays: Math.floor((now.getTime() - r.reportedAt.getTime()) / DAY_MS),
      payload: r.payload,
    };
  }
  return out;
}
