import type { SeedContext } from '../../../src/sdk/index.js';
import { loanDetails } from '../schema.js';
import { LOAN_PRODUCTS } from './catalog.js';
import { seedDemoLoans } from './holdings.js';

const BANK = 'FinMart Bank';

/** The demo loan catalog (twelve products, on sale, with their terms) and the demo bank's loans in every classification. */
export async function seedLoans(ctx: SeedContext): Promise<void> {
  const ids = await ctx.catalog.upsertProducts(
    LOAN_PRODUCTS.map((p) => ({
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      issuer: BANK,
      // A loan carries no investment risk for the borrower to be matched against.
      riskRating: 'R1' as const,
      currency: 'CNY',
      minimumAmount: p.minAmount,
      amountStep: '0.01',
      liquidity: 'LOW' as const,
      function: 'PRESERVATION' as const,
      businessType: 'LOAN' as const,
      regime: 'OTHER' as const,
      requiresRiskAssessment: false,
      coolingOffHours: 0,
      unitPrice: null,
    })),
  );
  await ctx.db
    .insert(loanDetails)
    .values(LOAN_PRODUCTS.map(({ code, nameZh: _z, nameEn: _e, ...terms }) => ({ productId: ids.get(code)!, ...terms })))
    .onConflictDoNothing();
  const loans = await seedDemoLoans(ctx, ids);
  ctx.log.info({ plugin: 'loans', products: LOAN_PRODUCTS.length, loans }, 'loans seeded');
}
