import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { DecimalScalar, FinmartError, money, numericIdOf, requireRole, text, type RequestContext } from '../../../src/sdk/index.js';
import { INSURANCE_CURRENCY } from '../domain.js';
import { quotePremium } from '../quote.js';
import { detailsLoader, ratesLoader } from './loaders.js';
import { InsuranceQuote } from './quote.type.js';

const notFound = () => new FinmartError('NOT_FOUND', text('未找到该保险产品', 'Insurance product not found'));

/** `insuranceQuote`: prices a policy from the product's rate table. */
@Resolver()
export class InsuranceQuoteResolver {
  @Query(() => InsuranceQuote, {
    description:
      "保费试算 / Premium quote: sum assured ÷ 1,000 × the rate for the insured's age, sex and payment years. " +
      "BAD_USER_INPUT (naming the argument) for an age outside the product's band, a payment period or term it does not offer, " +
      'or a sex other than MALE/FEMALE. Partners may quote their own products only.',
  })
  async insuranceQuote(
    @Arg('productId', () => ID, { description: 'The insurance product (global id).' }) productId: string,
    @Arg('age', () => Int, { description: "The insured's age in whole years." }) age: number,
    @Arg('sex', () => String, { description: "The insured's sex: MALE or FEMALE (the `Gender` values)." }) sex: string,
    @Arg('termYears', () => Int, { nullable: true, description: "Cover term; omitted = the product's (whole-life products have none)." })
    termYears: number | null | undefined,
    @Arg('paymentYears', () => Int, { description: 'Payment period in years (1 = single premium).' }) paymentYears: number,
    @Arg('sumAssured', () => DecimalScalar, { description: 'Sum assured (保额), in the product currency (CNY).' }) sumAssured: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InsuranceQuote> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'PARTNER', 'AUDITOR');
    const id = numericIdOf(productId, 'Product');
    if (id === null) throw notFound();
    const [details, rates] = await Promise.all([detailsLoader(ctx).load(id), ratesLoader(ctx).load(id)]);
    if (!details) throw notFound();
    // A partner sees only its own products; another insurer's look the same as missing ones.
    if (ctx.principal.role === 'PARTNER' && ctx.principal.partnerCode !== details.insurer) throw notFound();
    const q = quotePremium(details, rates, { age, sex, termYears, paymentYears, sumAssured });
    return {
      annualPremium: money(q.annualPremium, INSURANCE_CURRENCY),
      totalPremium: money(q.totalPremium, INSURANCE_CURRENCY),
      paymentYears: q.paymentYears,
      sumAssured: money(q.sumAssured, INSURANCE_CURRENCY),
      ratePerThousand: q.ratePerThousand,
    };
  }
}
