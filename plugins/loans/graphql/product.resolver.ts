import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { Money, money, type ProductRecord, type RequestContext } from '../../../src/sdk/index.js';
import { loanDetailsLoader, type LoanDetailsRow } from './loaders.js';
import { LoanKind, LoanProduct, RepaymentMethod } from './product.type.js';

async function termsOf(ctx: RequestContext, p: ProductRecord): Promise<LoanDetailsRow> {
  const d = await loanDetailsLoader(ctx).load(p.id);
  // A loan product without its terms row is broken data, not a user error.
  if (!d) throw new Error(`loan details missing for product ${p.id}`);
  return d;
}

/** The loans line's own fields of `LoanProduct`. */
@Resolver(() => LoanProduct)
export class LoanProductResolver {
  @FieldResolver(() => LoanKind)
  async loanKind(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).kind;
  }
  @FieldResolver(() => String)
  async category(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).category;
  }
  @FieldResolver(() => Float)
  async annualRate(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return Number((await termsOf(ctx, p)).annualRate);
  }
  @FieldResolver(() => Int)
  async minTermMonths(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).minTermMonths;
  }
  @FieldResolver(() => Int)
  async maxTermMonths(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).maxTermMonths;
  }
  @FieldResolver(() => Money)
  async minLoanAmount(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return money((await termsOf(ctx, p)).minAmount, 'CNY');
  }
  @FieldResolver(() => Money)
  async maxLoanAmount(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return money((await termsOf(ctx, p)).maxAmount, 'CNY');
  }
  @FieldResolver(() => [RepaymentMethod])
  async repaymentMethods(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).repaymentMethods;
  }
  @FieldResolver(() => String)
  async collateral(@Root() p: ProductRecord, @Ctx() ctx: RequestContext) {
    return (await termsOf(ctx, p)).collateral;
  }
}
