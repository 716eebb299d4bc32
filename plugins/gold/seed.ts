import { Decimal, levelNumber, type NewHolding, type NewProduct, type SeedContext, type SeedCustomer } from '../../src/sdk/index.js';
import { goldDetails, goldPrices } from './schema.js';
import { GOLD_CATALOG, type GoldProductDef } from './seed-catalog.js';
import { SETTING_MINIMUM, SETTING_REQUIRED_LEVEL, type AccountGoldMinimum } from './settings.js';
import { isAccountGold } from './terms.js';

const DAY = 86_400_000;
const HISTORY_DAYS = 120;
const BATCH = 500;
/** Account gold price 120 days before the demo's "now", CNY per gram (2026 level). */
const START_PRICE = 865;
const HOLDER_SHARE = 0.15;

/** Seeded helpers over the plugin's PRNG. */
function helpers(random: () => number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { normal, int, pick, chance: (p: number) => random() < p };
}

/** Daily account-gold prices: a log-normal random walk, oldest first, the last one at `now`. */
function basePrices(now: Date, normal: () => number): { at: Date; price: number }[] {
  const out: { at: Date; price: number }[] = [];
  let price = START_PRICE;
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    out.push({ at: new Date(now.getTime() - i * DAY), price });
    price *= Math.exp(0.0005 + 0.011 * normal());
  }
  return out;
}

const productPrice = (def: GoldProductDef, base: number) => new Decimal(base + def.premiumPerGram).toDecimalPlaces(2).toFixed(2);

function coreRow(def: GoldProductDef, ctx: SeedContext, latest: { at: Date; price: string }): NewProduct {
  const account = isAccountGold(def.goldType);
  // The core risk match runs on every regime: rate account gold at the level the bank requires (C3 → R3).
  const required = ctx.settings.get<string>(SETTING_REQUIRED_LEVEL);
  const days = (d: number | undefined) => (d === undefined ? null : new Date(ctx.now.getTime() + d * DAY));
  return {
    code: def.code,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    issuer: def.issuer,
    riskRating: account ? (`R${levelNumber(required)}` as NewProduct['riskRating']) : 'R1',
    currency: 'CNY',
    // Gold sizes are in grams (gold.minimum); the core amount checks stay open.
    minimumAmount: '0',
    amountStep: '0',
    status: def.status ?? 'ON_SALE',
    saleStart: days(def.saleStartDays),
    saleEnd: days(def.saleEndDays),
    liquidity: account ? 'HIGH' : 'MEDIUM',
    function: account ? 'INVESTMENT' : 'PRESERVATION',
    businessType: 'INTERMEDIARY',
    regime: 'OTHER',
    requiresRiskAssessment: account,
    coolingOffHours: 0,
    unitPrice: latest.price,
    unitPriceAt: latest.at,
  };
}

async function insertBatched<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Demo gold line: the catalog, 120 daily gram prices per product, and positions
 * (in grams) for about 15 % of customers. Account gold goes mostly to customers
 * at or above the required level; a few below it keep positions opened before
 * the bank raised the level (they may still redeem).
 */
export async function seedGold(ctx: SeedContext): Promise<void> {
  const rnd = helpers(ctx.random);
  const base = basePrices(ctx.now, rnd.normal);
  const latestBase = base[base.length - 1]!;
  const ids = await ctx.catalog.upsertProducts(GOLD_CATALOG.map((def) => coreRow(def, ctx, { at: latestBase.at, price: productPrice(def, latestBase.price) })));
  const idOf = (code: string) => ids.get(code)!;
  const minimum = ctx.settings.get<AccountGoldMinimum>(SETTING_MINIMUM);

  await ctx.db
    .insert(goldDetails)
    .values(
      GOLD_CATALOG.map((def) => ({
        productId: idOf(def.code),
        goldType: def.goldType,
        purity: def.purity,
        barWeightGrams: def.barWeightGrams,
        minimumGrams: def.barWeightGrams ?? minimum.grams,
        gramStep: def.barWeightGrams ?? minimum.gramStep,
      })),
    )
    .onConflictDoNothing();

  const priceRows = GOLD_CATALOG.flatMap((def) => base.map((b) => ({ productId: idOf(def.code), at: b.at, pricePerGram: productPrice(def, b.price) })));
  await insertBatched(priceRows, (batch) => ctx.db.insert(goldPrices).values(batch).onConflictDoNothing());

  const holdings = ctx.customers.flatMap((c) => (rnd.chance(HOLDER_SHARE) ? holdingsFor(c, ctx, base, idOf, rnd) : []));
  await insertBatched(holdings, (batch) => ctx.catalog.addHoldings(batch));
}

const ON_SALE = GOLD_CATALOG.filter((d) => (d.status ?? 'ON_SALE') === 'ON_SALE' && d.saleEndDays === undefined);
const BARS = ON_SALE.filter((d) => d.goldType === 'PHYSICAL_BAR');
const ACCOUNTS = ON_SALE.filter((d) => d.goldType === 'ACCOUNT_GOLD');
const PLANS = ON_SALE.filter((d) => d.goldType === 'GOLD_SAVINGS_PLAN');

function holdingsFor(
  c: SeedCustomer,
  ctx: SeedContext,
  base: { at: Date; price: number }[],
  idOf: (code: string) => number,
  rnd: ReturnType<typeof helpers>,
): NewHolding[] {
  const days = base.filter((b) => b.at.getTime() >= c.openedAt.getTime());
  if (days.length === 0) return [];
  const required = levelNumber(ctx.settings.get<string>(SETTING_REQUIRED_LEVEL));
  const qualifies = c.riskLevel !== null && levelNumber(c.riskLevel) >= required;
  const count = rnd.chance(0.12) ? 2 : 1;
  const out: NewHolding[] = [];
  for (let n = 0; n < count; n++) {
    const day = rnd.pick(days);
    const kind = qualifies ? rnd.pick(['ACCOUNT', 'ACCOUNT', 'PLAN', 'BAR'] as const) : rnd.chance(0.08) && c.riskLevel !== null ? 'ACCOUNT' : 'BAR';
    if (kind === 'BAR') {
      const def = rnd.pick(BARS.filter((b) => Number(b.barWeightGrams) <= (Number(c.householdFinancialAssets) > 3_000_000 ? 1000 : 100)));
      const bars = rnd.int(1, 3);
      const grams = new Decimal(def.barWeightGrams!).mul(bars);
      out.push({
        customerId: c.id,
        productId: idOf(def.code),
        quantity: grams.toFixed(),
        costAmount: grams.mul(productPrice(def, day.price)).toFixed(2),
        costCurrency: 'CNY',
        openedAt: day.at,
        attributes: { goldType: def.goldType, purity: def.purity, bars, barWeightGrams: def.barWeightGrams, deliveredToCustomer: rnd.chance(0.7) },
      });
    } else if (kind === 'ACCOUNT') {
      const def = rnd.pick(ACCOUNTS);
      const grams = new Decimal(rnd.int(10, 2000)).div(10); // 1.0 … 200.0 g in 0.1 g steps
      out.push({
        customerId: c.id,
        productId: idOf(def.code),
        quantity: grams.toFixed(),
        costAmount: grams.mul(productPrice(def, day.price)).toFixed(2),
        costCurrency: 'CNY',
        openedAt: day.at,
        attributes: { goldType: def.goldType, purity: def.purity },
      });
    } else {
      const def = rnd.pick(PLANS);
      const contribution = rnd.pick([200, 500, 1000, 2000, 5000]);
      const contributions = rnd.int(1, def.code === 'GOLD-PLAN-WEEKLY' ? 16 : 4);
      const paid = new Decimal(contribution * contributions);
      out.push({
        customerId: c.id,
        productId: idOf(def.code),
        quantity: paid.div(productPrice(def, day.price)).toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed(),
        costAmount: paid.toFixed(2),
        costCurrency: 'CNY',
        openedAt: day.at,
        attributes: {
          goldType: def.goldType,
          purity: def.purity,
          plan: { frequency: def.code === 'GOLD-PLAN-WEEKLY' ? 'WEEKLY' : 'MONTHLY', contributionCny: String(contribution), contributions },
        },
      });
    }
  }
  return out;
}
