import { Decimal, levelNumber, type NewHolding, type Random, type SeedContext, type SeedCustomer } from '@finmart/sdk';
import { SETTING_REQUIRED_LEVEL } from '../settings.js';
import { GOLD_CATALOG } from './catalog.js';
import { productPrice, type BasePrice } from './prices.js';

const ON_SALE = GOLD_CATALOG.filter((d) => (d.status ?? 'ON_SALE') === 'ON_SALE' && d.saleEndDays === undefined);
const BARS = ON_SALE.filter((d) => d.goldType === 'PHYSICAL_BAR');
const ACCOUNTS = ON_SALE.filter((d) => d.goldType === 'ACCOUNT_GOLD');
const PLANS = ON_SALE.filter((d) => d.goldType === 'GOLD_SAVINGS_PLAN');

/**
 * A customer's gold positions (one, sometimes two) in grams, opened on a day after they joined the bank. Account
 * gold goes mostly to customers at or above the required level; a few below it keep positions opened before the
 * bank raised the level.
 */
export function holdingsFor(c: SeedCustomer, ctx: SeedContext, base: BasePrice[], idOf: (code: string) => number, rnd: Random): NewHolding[] {
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
