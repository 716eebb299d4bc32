import { bankDay, bankDayStart, Decimal, type NewHolding, type Random, type SeedCustomer } from '../../../src/sdk/index.js';
import type { FundSeedDef } from './catalog.js';
import type { SeedNav } from './nav.js';

/** A seeded product as the holdings generator needs it. */
export interface SeededFund {
  id: number;
  def: FundSeedDef;
  regime: 'WEALTH' | 'SECURITIES';
  minimum: Decimal;
  step: Decimal;
  navs: SeedNav[];
  /** Last date customers could buy (closed or ended products); null = up to today. */
  lastPurchaseDate: string | null;
}

const levelOf = (risk: string): number => Number(risk.slice(1));

/** Share of customers with a risk level who hold funds, and of those without one (legacy cash funds). */
const HOLDER_SHARE = 0.45;
const UNASSESSED_HOLDER_SHARE = 0.03;
/** Chance that one pick is a fund one level above the customer's (bought with a signed special warning). */
const ABOVE_LEVEL_SHARE = 0.08;
/** Private products only for customers far above every qualified-investor asset test. */
const PRIVATE_MIN_ASSETS = new Decimal(5_000_000);

/**
 * Demo fund positions: about 45 % of customers with a risk level hold 1–4
 * funds, chosen mostly at or just below their level; a few hold a fund one level
 * above (funds allow it after a signed special risk warning; wealth products
 * never do); private products go only to clearly qualified, C4+ customers.
 * Units are the cost divided by the NAV of the purchase date, so today's value
 * shows a real gain or loss. Deterministic for a given `random`.
 */
export function fundHoldings(customers: readonly SeedCustomer[], funds: readonly SeededFund[], random: Random): NewHolding[] {
  const buyable = funds.filter((f) => f.navs.length > 0);
  const cash = buyable.filter((f) => f.def.fundType === 'MONEY_MARKET');
  const out: NewHolding[] = [];
  for (const c of customers) {
    if (!c.riskLevel) {
      // Money market positions opened before an assessment was required for them.
      if (cash.length > 0 && random.chance(UNASSESSED_HOLDER_SHARE)) {
        const h = position(c, random.pick(cash), random, false);
        if (h) out.push(h);
      }
      continue;
    }
    if (!random.chance(HOLDER_SHARE)) continue;
    const level = levelOf(c.riskLevel);
    const count = random.weighted([
      [1, 35],
      [2, 35],
      [3, 20],
      [4, 10],
    ]);
    const held = new Set<number>();
    for (let k = 0; k < count; k++) {
      const above = level >= 2 && level < 5 && random.chance(ABOVE_LEVEL_SHARE);
      const candidates = buyable.filter((f) => !held.has(f.id) && fits(c, level, f, above));
      if (candidates.length === 0) continue;
      const fund = random.weighted(
        candidates.map((f) => {
          const gap = level - levelOf(f.def.riskRating);
          return [f, gap === 0 ? 3 : gap === 1 ? 2 : gap < 0 ? 1 : 0.5] as const;
        }),
      );
      const h = position(c, fund, random, above);
      if (h) {
        held.add(fund.id);
        out.push(h);
      }
    }
  }
  return out;
}

function fits(c: SeedCustomer, level: number, f: SeededFund, above: boolean): boolean {
  const rating = levelOf(f.def.riskRating);
  if (f.def.isPrivate) {
    return !above && level >= 4 && rating <= level && new Decimal(c.householdFinancialAssets).gte(PRIVATE_MIN_ASSETS);
  }
  if (above) return f.regime === 'SECURITIES' && rating === level + 1;
  return rating <= level;
}

/** One position, or null when the customer cannot afford the minimum or the product was not buyable while they banked here. */
function position(c: SeedCustomer, f: SeededFund, random: Random, aboveLevel: boolean): NewHolding | null {
  const assets = new Decimal(c.householdFinancialAssets);
  const share = f.def.isPrivate ? 0.08 + random.next() * 0.12 : 0.02 + random.next() * 0.13;
  const budget = assets.times(share.toFixed(4));
  const ceiling = assets.times(f.def.isPrivate ? '0.4' : '0.3');
  if (f.minimum.gt(ceiling)) return null;

  // Round amounts the way people buy (hundreds, or the product's step), then snap to minimum + k × step.
  const unit = Decimal.max(f.step, 100);
  let cost = Decimal.max(budget.dividedToIntegerBy(unit).times(unit), f.minimum);
  if (f.step.gt(0)) cost = f.minimum.plus(cost.minus(f.minimum).dividedToIntegerBy(f.step).times(f.step));

  const since = bankDay(c.openedAt);
  const first = f.navs.findIndex((n) => n.date >= since);
  const last = f.lastPurchaseDate === null ? f.navs.length - 1 : f.navs.findLastIndex((n) => n.date <= f.lastPurchaseDate!);
  if (first < 0 || last < first) return null;
  const bought = f.navs[random.int(first, last)]!;

  const units = cost.dividedBy(bought.nav).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  // Orders are taken between 09:30 and the 15:00 cut-off, priced at that day's NAV.
  const minuteOfDay = random.int(570, 899);
  const openedAt = new Date(bankDayStart(bought.date).getTime() + minuteOfDay * 60_000);
  const sip = f.def.sipMinimum !== undefined && random.chance(0.25);
  return {
    customerId: c.id,
    productId: f.id,
    quantity: units.toFixed(2),
    costAmount: cost.toFixed(2),
    costCurrency: 'CNY',
    openedAt,
    status: 'ACTIVE',
    attributes: {
      purchaseDate: bought.date,
      purchaseNav: bought.nav,
      dividendMode: f.def.fundType === 'MONEY_MARKET' || random.chance(0.6) ? 'REINVEST' : 'CASH',
      sip,
      ...(sip ? { sipMonthlyAmount: Decimal.max(f.def.sipMinimum!, cost.dividedBy(24).dividedToIntegerBy(100).times(100)).toFixed(2) } : {}),
      ...(aboveLevel ? { specialRiskWarningSigned: true } : {}),
    },
  };
}
