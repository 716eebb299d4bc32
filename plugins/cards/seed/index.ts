import { sql } from 'drizzle-orm';
import { insertInBatches, randomOf, recordCardNumbers, type SeedContext } from '../../../src/sdk/index.js';
import { demoCardNumber } from '../card-numbers.js';
import { cardsDetails } from '../schema.js';
import { SETTING, type AccountClassLimits } from '../settings.js';
import { CARD_CATALOG, toNewProduct } from './catalog.js';
import { planCardHoldings } from './holdings.js';

/**
 * Demo data: the card catalog with its details, card holdings for the demo
 * customers, and bureau reports of students' cards at other banks. Cards have
 * no price, so there is no price history. Deterministic: `ctx.random` and
 * `ctx.now` only.
 */
export async function seedCards(ctx: SeedContext): Promise<void> {
  const ids = await ctx.catalog.upsertProducts(CARD_CATALOG.map((c) => toNewProduct(c, ctx.now)));
  const details = CARD_CATALOG.map((c) => {
    const productId = ids.get(c.code);
    if (productId === undefined) throw new Error(`product ${c.code} was not written`);
    return {
      productId,
      cardKind: c.kind,
      accountClass: c.accountClass ?? null,
      creditCardType: c.creditCardType ?? null,
      network: c.network,
      bin: c.bin,
      annualFee: c.annualFee,
      annualFeeWaiverZh: c.waiver?.[0] ?? null,
      annualFeeWaiverEn: c.waiver?.[1] ?? null,
      creditLimitMin: c.creditLimit?.[0] ?? null,
      creditLimitMax: c.creditLimit?.[1] ?? null,
      coBrandPartner: c.coBrandPartner ?? null,
    };
  });
  await ctx.db
    .insert(cardsDetails)
    .values(details)
    .onConflictDoUpdate({
      target: cardsDetails.productId,
      set: {
        cardKind: sql`excluded.card_kind`,
        accountClass: sql`excluded.account_class`,
        creditCardType: sql`excluded.credit_card_type`,
        network: sql`excluded.network`,
        bin: sql`excluded.bin`,
        annualFee: sql`excluded.annual_fee`,
        annualFeeWaiverZh: sql`excluded.annual_fee_waiver_zh`,
        annualFeeWaiverEn: sql`excluded.annual_fee_waiver_en`,
        creditLimitMin: sql`excluded.credit_limit_min`,
        creditLimitMax: sql`excluded.credit_limit_max`,
        coBrandPartner: sql`excluded.co_brand_partner`,
      },
    });

  const plan = planCardHoldings(ctx.customers, ids, randomOf(ctx.random), ctx.now, {
    maxCardsPerCustomer: ctx.settings.get<number>(SETTING.maxCardsPerCustomer),
    studentCardBankCap: ctx.settings.get<number>(SETTING.studentCardBankCap),
    minimumAgePrimaryCredit: ctx.settings.get<number>(SETTING.minimumAgePrimaryCredit),
    classIIIBalanceCapCny: ctx.settings.get<AccountClassLimits>(SETTING.accountClassLimits).CLASS_III.balanceCny,
  });
  await insertInBatches(plan.holdings, (batch) => ctx.catalog.addHoldings(batch));
  // The numbers of the cards the demo customers hold (open ones), for identification at the counter.
  const binOf = new Map(CARD_CATALOG.map((c) => [ids.get(c.code)!, c.bin]));
  const held = new Map<number, number>();
  const cards = plan.holdings
    .filter((h) => h.status !== 'CLOSED')
    .map((h) => {
      const n = (held.get(h.customerId) ?? 0) + 1;
      held.set(h.customerId, n);
      return { customerId: h.customerId, pan: demoCardNumber(binOf.get(h.productId)!, h.customerId, n), issuedAt: h.openedAt };
    });
  await insertInBatches(cards, (batch) => recordCardNumbers(ctx.db, batch));
  // The credit bureau's reports of the demo students (征信报告): the host keeps them with the other external facts.
  await insertInBatches(plan.studentReports, (batch) =>
    ctx.catalog.recordExternalReports(
      batch.map((r) => ({
        customerId: r.customerId,
        kind: 'CREDIT_REPORT' as const,
        reportedAt: r.reportedAt,
        reference: `CRC-DEMO-${r.customerId}`,
        payload: {
          cards: r.banks.map((issuer) => ({ issuer, type: 'CREDIT', student: true })),
          loans: [],
          overdue: { current: false, maxDaysLast24Months: 0 },
        },
      })),
    ),
  );
  ctx.log.info(
    { products: ids.size, holdings: plan.holdings.length, cardNumbers: cards.length, studentReports: plan.studentReports.length },
    'cards demo seeded',
  );
}
