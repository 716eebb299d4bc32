import { Decimal } from 'decimal.js';
import type { HostContext } from '../graphql/context.js';
import { incomeBands, RISK_LEVELS_BY_ATTITUDE, tierThresholds, type RiskAttitude } from '../domain/customers/classification.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import { decide } from '../suitability/service.js';
import type { CustomerFacts, RiskLevel, SuitabilityReason } from '../sdk/contract/suitability.js';
import type { BundleTarget } from './targeting.js';

const YEAR_MS = 365.25 * 86_400_000;

/** One item that no customer of the segment could buy, with the reasons the most favourable one met. */
export interface InfeasibleItem {
  productId: number;
  reasons: SuitabilityReason[];
}

/**
 * The customers a segment could hold, as rules see them: every risk level of its attitudes, ages at the
 * bounds and middle of its life stages, household income at the bottom of its income bands, assets at its
 * minimum tier — otherwise as favourable as a real customer can be (identity verified, assessment fresh,
 * onshore, full capacity, stable income, no watch list, nothing held) while remaining an ordinary investor:
 * one year short of the professional-investor experience (core.professionalInvestor), since professionals
 * are not risk-matched and would make any product look sellable to any attitude.
 */
export function segmentCustomers(target: BundleTarget, ctx: HostContext): CustomerFacts[] {
  const levels = (
    target.targetRiskAttitudes.length > 0
      ? target.targetRiskAttitudes.flatMap((a) => RISK_LEVELS_BY_ATTITUDE[a as RiskAttitude] ?? [])
      : ['C1', 'C2', 'C3', 'C4', 'C5']
  ) as RiskLevel[];
  const { middleAged, senior } = ctx.settings.get<{ middleAged: number; senior: number }>('core.lifeStageAges');
  const AGES: Record<string, number[]> = {
    YOUNG: [18, 25, middleAged - 1],
    MIDDLE_AGED: [middleAged, Math.floor((middleAged + senior) / 2), senior - 1],
    SENIOR: [senior, senior + 5, 75],
  };
  const ages = [...new Set(target.targetLifeStages.length > 0 ? target.targetLifeStages.flatMap((s) => AGES[s] ?? []) : [25, 45, 65])];
  const bands = incomeBands(ctx.settings);
  const INCOME: Record<string, string> = { ULTRA_HIGH: bands.ULTRA_HIGH, MIDDLE_HIGH: bands.MIDDLE_HIGH, GENERAL: '120000' };
  const incomes = target.targetIncomeBands.length > 0 ? target.targetIncomeBands.map((b) => INCOME[b] ?? '120000') : ['120000', bands.ULTRA_HIGH];
  const assets = target.minimumTier && target.minimumTier !== 'STANDARD' ? tierThresholds('ASSETS', ctx.settings)[target.minimumTier as 'GOLD'] : '500000';
  const experienceYears = Math.max(0, ctx.settings.get<{ experienceYears: number }>('core.professionalInvestor').experienceYears - 1);
  const now = ctx.now;
  const out: CustomerFacts[] = [];
  for (const level of levels)
    for (const age of ages)
      for (const income of incomes) {
        const birth = new Date(now.getTime() - (age + 0.5) * YEAR_MS).toISOString().slice(0, 10);
        out.push({
          id: 0,
          birthDate: birth,
          age,
          residency: 'ONSHORE',
          nationality: 'CN',
          student: false,
          legalCapacity: 'FULL',
          idVerified: true,
          investorType: 'ORDINARY',
          investorTypeBasis: null,
          personalAnnualIncome: income,
          householdAnnualIncome: income,
          householdFinancialAssets: Decimal.max(assets, income).toFixed(2),
          incomeThreeYearAverage: income,
          hasStableIncome: true,
          fxWatchList: false,
          risk: {
            level,
            lowestCategory: false,
            experienceYears,
            assessedAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + YEAR_MS).toISOString(),
            expired: false,
          },
          holdings: [],
          external: {},
          lines: {},
        });
      }
  return out;
}

/**
 * The items of a bundle that no customer of its target segment could be sold (every candidate of
 * {@link segmentCustomers} BLOCKed, a manager recommending it at the counter), each with the reasons of the
 * candidate that came closest. Steps (REQUIRE) do not make an item infeasible: they can be taken.
 */
export async function infeasibleItems(
  ctx: HostContext,
  target: BundleTarget,
  items: { product: ProductRecord; amount: string | null }[],
): Promise<InfeasibleItem[]> {
  const candidates = segmentCustomers(target, ctx);
  const out: InfeasibleItem[] = [];
  for (const { product, amount } of items) {
    let closest: SuitabilityReason[] | null = null;
    let feasible = false;
    for (const c of candidates) {
      const { decision } = await decide(ctx, c, product, { side: 'BUY', amount, channel: 'COUNTER', initiator: 'STAFF', details: {}, completedSteps: [] });
      if (decision.outcome !== 'BLOCK') {
        feasible = true;
        break;
      }
      const blocks = decision.reasons.filter((r) => r.outcome === 'BLOCK');
      if (closest === null || blocks.length < closest.length) closest = blocks;
    }
    if (!feasible) out.push({ productId: product.id, reasons: closest ?? [] });
  }
  return out;
}
