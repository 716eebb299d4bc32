import { bankYear, insertInBatches, randomOf, type SeedContext } from '../../../src/sdk/index.js';
import { perUnit } from '../conversion.js';
import { forexAnnualUsage, forexDetails, forexRates } from '../schema.js';
import { boardHistory } from './board.js';
import { BOARD, FOREX_CATALOG, toNewProduct } from './catalog.js';
import { holdingsFor } from './holdings.js';
import { usageFor } from './usage.js';

const USAGE_SHARE = 0.1;
const HOLDER_SHARE = 0.12;

/**
 * Demo forex line: 120 days of board rates for 12 currencies (published to the
 * core as reference rates), 31 products across R1–R5, this year's quota usage
 * for about 10 % of onshore customers (some near or over the quota) and
 * positions for about 12 % of customers.
 */
export async function seedForex(ctx: SeedContext): Promise<void> {
  const rnd = randomOf(ctx.random);
  const { rows, days } = boardHistory(ctx.now, rnd);
  await insertInBatches(rows, (batch) => ctx.db.insert(forexRates).values(batch).onConflictDoNothing());
  const latest = days[days.length - 1]!;
  for (const c of BOARD) await ctx.catalog.publishExchangeRate(c.code, perUnit(latest.middle[c.code]!), latest.at);

  const ids = await ctx.catalog.upsertProducts(FOREX_CATALOG.map((def) => toNewProduct(def, ctx.now, latest)));
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

  const year = bankYear(ctx.now);
  const usage = ctx.customers.filter((c) => c.residency === 'ONSHORE').flatMap((c) => (rnd.chance(USAGE_SHARE) ? [usageFor(c, year, rnd)] : []));
  await insertInBatches(usage, (batch) => ctx.db.insert(forexAnnualUsage).values(batch).onConflictDoNothing());

  const holdings = ctx.customers.flatMap((c) => (rnd.chance(HOLDER_SHARE) ? holdingsFor(c, days, idOf, rnd) : []));
  await insertInBatches(holdings, (batch) => ctx.catalog.addHoldings(batch));
}
