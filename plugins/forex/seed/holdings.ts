import { Decimal, levelNumber, type NewHolding, type Random, type SeedCustomer } from '../../../src/sdk/index.js';
import { isExchange } from '../domain.js';
import type { BoardDay } from './board.js';
import { FOREX_CATALOG, type ForexProductDef } from './catalog.js';

const DAY = 86_400_000;

const ON_SALE = FOREX_CATALOG.filter((d) => (d.status ?? 'ON_SALE') === 'ON_SALE' && (d.saleEndDays ?? 1) > 0);
const SPOT = ON_SALE.filter((d) => d.kind === 'SPOT_EXCHANGE');
const CASH = ON_SALE.filter((d) => d.kind === 'CASH_EXCHANGE');
const DEPOSITS = ON_SALE.filter((d) => d.kind === 'FX_DEPOSIT');
const STRUCTURED = ON_SALE.filter((d) => d.kind === 'STRUCTURED_DEPOSIT');

/** Round an FX amount the way it is held: whole units for low-value currencies. */
const fxUnits = (code: string, amount: Decimal) => amount.toDecimalPlaces(code === 'JPY' || code === 'KRW' ? 0 : 2, Decimal.ROUND_DOWN);

/** A customer's FX positions (one, sometimes two), opened on a day of the board after they joined the bank. */
export function holdingsFor(c: SeedCustomer, days: BoardDay[], idOf: (code: string) => number, rnd: Random): NewHolding[] {
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
