import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { ageAt, Customer, money, Money, onSaleProductsOfLine, Product, type CustomerRecord, type RequestContext } from '../../../src/sdk/index.js';
import { offerFor } from '../offers.js';
import { readLoanTerms, type LoanTerms } from '../domain.js';
import { loanDetailsLoader } from './loaders.js';
import { RepaymentMethod } from './product.type.js';

export enum OfferLimitEnum {
  PRODUCT_MAXIMUM = 'PRODUCT_MAXIMUM',
  DEBT_TO_INCOME = 'DEBT_TO_INCOME',
  HOUSING_PAYMENT = 'HOUSING_PAYMENT',
  AGE = 'AGE',
  NO_INCOME = 'NO_INCOME',
}
registerEnumType(OfferLimitEnum, {
  name: 'LoanOfferLimit',
  description: 'What bounds a pre-qualified loan amount.',
  valuesConfig: {
    PRODUCT_MAXIMUM: { description: "The product's largest loan." },
    DEBT_TO_INCOME: { description: 'All monthly debt payments within setting loans.debtToIncome.totalDebtMax of income.' },
    HOUSING_PAYMENT: { description: 'The housing payment within setting loans.debtToIncome.housingPaymentMax of income.' },
    AGE: { description: 'No term of the product ends by the age of setting loans.maxAgeAtMaturity.' },
    NO_INCOME: { description: 'No income on file.' },
  },
});

@ObjectType('LoanOffer', {
  description:
    "贷款预审 / A pre-qualified loan (渠道营销 · 识别销售): the largest amount the customer could borrow of a product under the bank's settings, indicative only — the application is judged by the loan rules. Pledge loans are not listed (their amount depends on the pledged holding).",
})
export class LoanOffer {
  @Field(() => Product, { description: 'The loan product.' }) product!: unknown;
  @Field(() => Boolean, { description: 'Whether any amount of it can be offered.' }) available!: boolean;
  @Field(() => Money, { nullable: true, description: 'The largest indicative amount (CNY); null when not available.' }) maxAmount!: Money | null;
  @Field(() => Int, { nullable: true, description: "The longest term the borrower's age allows (months), the one the amount is computed for." }) termMonths!:
    number | null;
  @Field(() => RepaymentMethod, { description: 'The method the amount is computed for (level payments when offered).' }) repaymentMethod!: string;
  @Field(() => Money, { nullable: true, description: 'The largest monthly payment at that amount and term.' }) monthlyPayment!: Money | null;
  @Field(() => OfferLimitEnum, { description: 'What bounds the amount (or makes it unavailable).' }) limitedBy!: string;
  @Field(() => String, { description: "Why, in the request's language." }) explanation!: string;
}

/** Adds `loanOffers` to the core `Customer`: the loan catalog is read once per request, terms batched. */
@Resolver(() => Customer)
export class CustomerLoanOffersResolver {
  @FieldResolver(() => [LoanOffer], {
    description: 'Pre-qualified loans (贷款预审) for this customer, one per loan product on sale except pledge loans, by product id.',
  })
  async loanOffers(@Root() c: CustomerRecord, @Ctx() ctx: RequestContext): Promise<LoanOffer[]> {
    const products = await onSaleProductsOfLine(ctx, 'LOANS');
    const terms = await loanDetailsLoader(ctx).loadMany(products.map((p) => p.id));
    const age = ageAt(c.birthDate, ctx.now);
    const out: LoanOffer[] = [];
    products.forEach((p, i) => {
      const row = terms[i];
      const t = row && !(row instanceof Error) ? readLoanTerms(row as unknown as Record<string, unknown>) : null;
      if (!t || t.kind === 'PLEDGE') return;
      // No loans are booked by this line yet: the customer's existing monthly debt here is nothing; debts elsewhere come with the application.
      const o = offerFor(t as LoanTerms, { age, personalAnnualIncome: c.personalAnnualIncome }, '0', ctx.settings);
      out.push({
        product: p,
        available: o.available,
        maxAmount: o.maxAmount === null ? null : money(o.maxAmount, 'CNY'),
        termMonths: o.termMonths,
        repaymentMethod: o.method,
        monthlyPayment: o.monthlyPayment === null ? null : money(o.monthlyPayment, 'CNY'),
        limitedBy: o.limitedBy,
        explanation: ctx.t(o.explanation),
      });
    });
    return out;
  }
}
