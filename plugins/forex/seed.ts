import { Decimal, levelNumber, type NewHolding, type NewProduct, type SeedContext, type SeedCustomer } from '../../src/sdk/index.js';
import { perUnit, shanghaiYear } from './conversion.js';
import { forexAnnualUsage, forexDetails, forexRates } from './schema.js';
import { BOARD, FOREX_CATALOG, type ForexProductDef } from './seed-catalog.js';
import { isExchange } from './terms.js';

const DAY = 86_400_000;
const HISTORY_DAYS = 120;
const BATCH = 500;
const USAGE_SHARE = 0.1;
const HOLDER_SHARE = 0.12;

/** Seeded helpers over the plugin's PRNG. */
function helpers(random: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { normal, int, pick, chance: (p: number) => random() < p, logNormal: (median: number, sigma: number) => median * Math.exp(sigma * normal()) };
}
type Rnd = ReturnType<typeof helpers>;

interface BoardDay {
  at: Date;
  middle: Record<string, string>;
  sell: Record<string, string>;
}

const fix4 = (n: number) => new Decimal(n).toDecimalPlaces(4).toFixed(4);

/** Daily board rates, oldest first, the last at `now`: a log-normal walk of each middle rate. */
function boardHistory(now: Date, rnd: Rnd) {
  const rows: (typeof forexRates.$inferInsert)[] = [];
  const days: BoardDay[] = [];
  const level = Object.fromEntries(BOARD.map((c) => [c.code, c.startMiddle]));
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    const at = new Date(now.getTime() - i * DAY);
    const day: BoardDay = { at, middle: {}, sell: {} };
    for (const c of BOARD) {
      const m = level[c.code]!;
      const row = { currency: c.code, at, middleRate: fix4(m), buyRate: fix4(m * (1 - c.halfSpread)), sellRate: fix4(m * (1 + c.halfSpread)) };
      rows.push(row);
      day.middle[c.code] = row.middleRate;
      day.sell[c.code] = row.sellRate;
      level[c.code] = m * Math.exp(c.dailyVol * rnd.normal());
    }
    days.push(day);
  }
  return { rows, days };
}

function coreRow(def: ForexProductDef, now: Date, latest: BoardDay): NewProduct {
  const exchange = isExchange(def.kind);
  const deposit = def.kind === 'FX_DEPOSIT' || def.kind === 'STRUCTURED_DEPOSIT';
  const days = (d: number | undefined) => (d === undefined ? null : new Date(now.getTime() + d * DAY));
  return {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    issuer: 'FinMart Bank',
    riskRating: def.riskRating,
    currency: def.currency,
    minimumAmount: def.minimumAmount,
    amountStep: def.amountStep,
    status: def.status ?? 'ON_SALE',
    saleStart: days(def.saleStartDays),
    saleEnd: days(def.saleEndDays),
    liquidity: exchange || def.kind === 'FX_MARGIN' ? 'HIGH' : def.kind === 'FX_DEPOSIT' ? 'MEDIUM' : 'LOW',
    function: exchange || def.kind === 'FX_DEPOSIT' ? 'PRESERVATION' : 'INVESTMENT',
    businessType: deposit ? 'DEPOSIT' : 'INTERMEDIARY',
    regime: 'OTHER',
    // Exchange and plain deposits (R1) need no assessment; anything carrying market risk does.
    requiresRiskAssessment: def.riskRating !== 'R1',
    coolingOffHours: 0,
    unitPrice: perUnit(latest.middle[def.currency]!),
    unitPriceAt: latest.at,
  };
}

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Demo forex line: 120 days of board rates for 12 currencies (published to the
 * core as reference rates), 31 products across R1–R5, this year's quota usage
 * for about 10 % of onshore customers (some near or over the quota) and
 * positions for about 12 % of customers.
 */
export async function seedForex(ctx: SeedContext): Promise<void> {
  const rnd = helpers(ctx.random);
  const { rows, days } = boardHistory(ctx.now, rnd);
  await insertBatched(rows, (batch) => ctx.db.insert(forexRates).values(batch).onConflictDoNothing());
  const latest = days[days.length - 1]!;
  for (const c of BOARD) await ctx.catalog.publishExchangeRate(c.code, perUnit(latest.middle[c.code]!), latest.at);

  const ids = await ctx.catalog.upsertProducts(FOREX_CATALOG.map((def) => coreRow(def, ctx.now, latest)));
  const idOf = (code: string) => ids.get(code)!;
  await ctx.db
    .insert(forexDetails)
    .values(
      FOREX_CATALOG.map((def) => ({
        productId: idOf(def.code),
        kind: def.kind,
        currency: def.currency,
        termMonths: def.termMonths ?? null,
        annualRatePct: def.annualRatePct ?? null,
        linkedCurrency: def.linkedCurrency ?? null,
      })),
    )
    .onConflictDoNothing();

  const year = shanghaiYear(ctx.now);
  const usage = ctx.customers.filter((c) => c.residency === 'ONSHORE').flatMap((c) => (rnd.chance(USAGE_SHARE) ? [usageFor(c, year, rnd)] : []));
  await insertBatched(usage, (batch) => ctx.db.insert(forexAnnualUsage).values(batch).onConflictDoNothing());

  const holdings = ctx.customers.flatMap((c) => (rnd.chance(HOLDER_SHARE) ? holdingsFor(c, days, idOf, rnd) : []));
  await insertBatched(holdings, (batch) => ctx.catalog.addHoldings(batch));
}

const usd2 = (n: number) => new Decimal(n).toDecimalPlaces(2).toFixed(2);

/** Mostly modest purchases; one in ten close to the quota, one in twenty above it (with documents). */
function usageFor(c: SeedCustomer, year: number, rnd: Rnd): typeof forexAnnualUsage.$inferInsert {
  const band = rnd.int(1, 20);
  const purchased = band === 1 ? 50_000 + rnd.int(1, 30_000) : band <= 3 ? 45_000 + rnd.int(0, 5_000) : Math.min(44_000, rnd.logNormal(6_000, 0.9));
  const sold = rnd.chance(0.35) ? Math.min(50_000, rnd.logNormal(5_000, 1)) : 0;
  return { customerId: c.id, year, purchasedUsd: usd2(purchased), soldUsd: usd2(sold) };
}

const ON_SALE = FOREX_CATALOG.filter((d) => (d.status ?? 'ON_SALE') === 'ON_SALE' && (d.saleEndDays ?? 1) > 0);
const SPOT = ON_SALE.filter((d) => d.kind === 'SPOT_EXCHANGE');
const CASH = ON_SALE.filter((d) => d.kind === 'CASH_EXCHANGE');
const DEPOSITS = ON_SALE.filter((d) => d.kind === 'FX_DEPOSIT');
const STRUCTURED = ON_SALE.filter((d) => d.kind === 'STRUCTURED_DEPOSIT');

/** Round an FX amount the way it is held: whole units for low-value currencies. */
const fxUnits = (code: string, amount: Decimal) => amount.toDecimalPlaces(code === 'JPY' || code === 'KRW' ? 0 : 2, Decimal.ROUND_DOWN);

function holdingsFor(c: SeedCustomer, days: BoardDay[], idOf: (code: string) => number, rnd: Rnd): NewHolding[] {
  const open = days.filter((d) => d.at.getTime() >= c.openedAt.getTime());
  if (open.length === 0) return [];
  const level = c.riskLevel === null ? 0 : levelNumber(c.riskLevel);
  const out: NewHolding[] = [];
  const count = rnd.chance(0.2) ? 2 : 1;
  for (let n = 0; n < count; n++) {
    const day = rnd.pick(open);
    const roll = rnd.int(1, 100);
    // Spot balances are common; deposits need spare FX; structured only for customers rated for them.
    const fits = (d: ForexProductDef) => d.riskRating === 'R1' || level >= levelNumber(d.riskRating);
    const suitable = STRUCTURED.filter(fits);
    const def =
      roll <= 50
        ? rnd.chance(0.6)
          ? SPOT[0]!
          : rnd.pick(SPOT)
        : roll <= 65
          ? rnd.pick(CASH)
          : roll <= 90 || suitable.length === 0
            ? rnd.pick(DEPOSITS.filter(fits))
            : rnd.pick(suitable);
    const usdEquivalent = Math.min(80_000, rnd.logNormal(def.kind === 'CASH_EXCHANGE' ? 1_500 : 8_000, 0.8));
    let fx = fxUnits(def.currency, new Decimal(usdEquivalent).mul(day.middle.USD!).div(day.middle[def.currency]!));
    if (def.kind === 'STRUCTURED_DEPOSIT' || def.kind === 'FX_DEPOSIT') {
      fx = Decimal.max(def.minimumAmount, fx.div(1000).floor().mul(1000));
    }
    const exchange = isExchange(def.kind);
    out.push({
      customerId: c.id,
      productId: idOf(def.code),
      quantity: fx.toFixed(),
      // Exchange positions cost the CNY paid at the board's selling rate; deposits cost their principal.
      costAmount: exchange ? fx.mul(day.sell[def.currency]!).div(100).toFixed(2) : fx.toFixed(2),
      costCurrency: exchange ? 'CNY' : def.currency,
      openedAt: day.at,
      attributes: {
        kind: def.kind,
        currency: def.currency,
        ...(def.termMonths ? { termMonths: def.termMonths, maturesAt: new Date(day.at.getTime() + def.termMonths * 30 * DAY).toISOString() } : {}),
        ...(def.linkedCurrency ? { linkedCurrency: def.linkedCurrency } : {}),
      },
    });
  }
  return out;
}
