import { getTableColumns, sql } from 'drizzle-orm';
import { bankDay, Decimal, insertInBatches, randomOf, type NewProduct, type SeedContext } from '../../../src/sdk/index.js';
import { fundsDetails, fundsNavHistory } from '../schema.js';
import { FUNDS_SETTINGS, type PrivateMinimumsCny } from '../settings.js';
import { FUND_CATALOG, type FundSeedDef } from './catalog.js';
import { fundHoldings, type SeededFund } from './holdings.js';
import { navSeries, publishedAt, tradingDates, type SeedNav } from './nav.js';

/** NAV points per product. */
export const NAV_POINTS = 120;
const DAY_MS = 86_400_000;

/** Re-seeding updates details in place: every column but the key from the proposed row. */
const updateFromExcluded = Object.fromEntries(
  Object.entries(getTableColumns(fundsDetails))
    .filter(([key]) => key !== 'productId')
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);

/**
 * Demo data of the funds line: the catalog (core rows + details), 120 trading
 * days of NAVs per priced product, and customer holdings. Minimums and
 * cooling-off periods come from the bank's settings at seed time, so a bank
 * that changes them gets a catalog that agrees with its rules.
 * Deterministic: only `ctx.random` and `ctx.now`.
 */
export async function seedFunds(ctx: SeedContext): Promise<void> {
  const coolingOff = ctx.settings.get<number>(FUNDS_SETTINGS.privateCoolingOffHours);
  const privateMinimums = ctx.settings.get<PrivateMinimumsCny>(FUNDS_SETTINGS.privateMinimumsCny);
  const wealthMinimum = ctx.settings.get<string>(FUNDS_SETTINGS.publicWealthMinimumCny);

  const minimumOf = (def: FundSeedDef): string =>
    'fixed' in def.minimum ? def.minimum.fixed : 'privateClass' in def.minimum ? privateMinimums[def.assetClass] : wealthMinimum;

  const random = randomOf(ctx.random);
  const dates = tradingDates(ctx.now, NAV_POINTS);
  const navs = new Map<string, SeedNav[]>(FUND_CATALOG.map((def) => [def.code, navSeries(def, dates, random)]));
  const inDays = (days: number | undefined) => (days === undefined ? null : new Date(ctx.now.getTime() + days * DAY_MS));

  const products: NewProduct[] = FUND_CATALOG.map((def) => {
    const series = navs.get(def.code)!;
    const latest = series.at(-1);
    return {
      code: def.code,
      nameZh: def.nameZh,
      nameEn: def.nameEn,
      issuer: def.house,
      riskRating: def.riskRating,
      currency: 'CNY',
      minimumAmount: minimumOf(def),
      amountStep: def.minimum.step,
      status: def.status ?? 'ON_SALE',
      saleStart: inDays(def.saleStartInDays),
      saleEnd: inDays(def.saleEndInDays),
      liquidity: def.liquidity,
      function: def.function,
      businessType: 'INTERMEDIARY',
      regime: def.isBankWealth ? 'WEALTH' : 'SECURITIES',
      requiresRiskAssessment: true,
      coolingOffHours: def.isPrivate ? coolingOff : 0,
      // A fund still raising money is subscribed at par (1.0000) and has no NAV yet.
      unitPrice: latest?.nav ?? (def.status === 'DRAFT' ? null : '1.0000'),
      unitPriceAt: latest ? publishedAt(latest.date) : null,
    };
  });
  const ids = await ctx.catalog.upsertProducts(products);
  const idOf = (code: string): number => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`funds seed: catalog returned no id for ${code}`);
    return id;
  };

  const detailRows = FUND_CATALOG.map((def) => ({
    productId: idOf(def.code),
    fundType: def.fundType,
    fundHouse: def.house,
    managerName: def.manager,
    isPrivate: def.isPrivate ?? false,
    assetClass: def.assetClass,
    isBankWealth: def.isBankWealth ?? false,
    issuerType: def.issuerType,
    sipSupported: def.sipMinimum !== undefined,
    sipMinimum: def.sipMinimum ?? null,
    managementFeeRate: def.feeRate,
    establishedOn:
      def.establishedYearsAgo === null ? null : new Date(ctx.now.getTime() - Math.round(def.establishedYearsAgo * 365.25) * DAY_MS).toISOString().slice(0, 10),
  }));
  await insertInBatches(detailRows, (rows) =>
    ctx.db.insert(fundsDetails).values(rows).onConflictDoUpdate({
      target: fundsDetails.productId,
      set: updateFromExcluded,
    }),
  );

  const navRows = FUND_CATALOG.flatMap((def) =>
    navs.get(def.code)!.map((n) => ({ productId: idOf(def.code), navDate: n.date, nav: n.nav, accumulatedNav: n.accumulatedNav })),
  );
  await insertInBatches(navRows, (rows) => ctx.db.insert(fundsNavHistory).values(rows).onConflictDoNothing());

  const seeded: SeededFund[] = FUND_CATALOG.map((def) => ({
    id: idOf(def.code),
    def,
    regime: def.isBankWealth ? 'WEALTH' : 'SECURITIES',
    minimum: new Decimal(minimumOf(def)),
    step: new Decimal(def.minimum.step),
    navs: navs.get(def.code)!,
    lastPurchaseDate: def.purchasesEndedDaysAgo === undefined ? null : bankDay(inDays(-def.purchasesEndedDaysAgo)!),
  }));
  const holdings = fundHoldings(ctx.customers, seeded, random);
  await insertInBatches(holdings, (rows) => ctx.catalog.addHoldings(rows));

  ctx.log.info(
    { products: products.length, navs: navRows.length, holdings: holdings.length, holders: new Set(holdings.map((h) => h.customerId)).size },
    'funds seeded',
  );
}
