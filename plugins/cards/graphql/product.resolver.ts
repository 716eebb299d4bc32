import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byKey, Money, money, type ProductRecord, type RequestContext } from '../../../src/sdk/index.js';
import type { CardDetailsRow } from '../domain.js';
import { loadCardDetails } from '../facts.js';
import { SETTING, type AccountClassLimits } from '../settings.js';
import { CardDailyLimits } from './daily-limits.type.js';
import { CardProduct } from './product.type.js';
import { AccountClassEnum, CardKindEnum, CreditCardTypeEnum } from './enums.js';

/** The request's details loader: every product of a page in one statement. */
function details(ctx: RequestContext, p: ProductRecord): Promise<CardDetailsRow | null> {
  return ctx
    .loader<number, CardDetailsRow | null>('cards.details', async (ids) => byKey(ids, await loadCardDetails(ctx.db, ids), (row) => row.productId))
    .load(p.id);
}

const orNull = (amount: string | null, currency: string): Money | null => (amount === null ? null : money(amount, currency));

/** The line's own fields of `CardProduct`, from `cards_details` and bank settings. */
@Resolver(() => CardProduct)
export class CardProductResolver {
  @FieldResolver(() => CardKindEnum)
  async cardKind(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<CardKindEnum> {
    return (await this.row(p, ctx)).cardKind as CardKindEnum;
  }

  @FieldResolver(() => AccountClassEnum, { nullable: true })
  async accountClass(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<AccountClassEnum | null> {
    return (await this.row(p, ctx)).accountClass as AccountClassEnum | null;
  }

  @FieldResolver(() => CreditCardTypeEnum, { nullable: true })
  async creditCardType(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<CreditCardTypeEnum | null> {
    return (await this.row(p, ctx)).creditCardType as CreditCardTypeEnum | null;
  }

  @FieldResolver(() => String)
  async network(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.row(p, ctx)).network;
  }

  @FieldResolver(() => Money)
  async annualFee(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<Money> {
    return money((await this.row(p, ctx)).annualFee, p.currency);
  }

  @FieldResolver(() => String, { nullable: true })
  async annualFeeWaiverRule(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    const row = await this.row(p, ctx);
    return ctx.lang === 'en' ? row.annualFeeWaiverEn : row.annualFeeWaiverZh;
  }

  @FieldResolver(() => Money, { nullable: true })
  async creditLimitMin(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<Money | null> {
    return orNull((await this.row(p, ctx)).creditLimitMin, p.currency);
  }

  @FieldResolver(() => Money, { nullable: true })
  async creditLimitMax(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<Money | null> {
    return orNull((await this.row(p, ctx)).creditLimitMax, p.currency);
  }

  @FieldResolver(() => String, { nullable: true })
  async coBrandPartner(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.row(p, ctx)).coBrandPartner;
  }

  /** Class II/III limits come from the bank setting, so a changed setting shows at once. */
  @FieldResolver(() => CardDailyLimits, { nullable: true })
  async dailyLimits(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<CardDailyLimits | null> {
    const row = await this.row(p, ctx);
    if (row.cardKind !== 'DEBIT') return null;
    const limits = ctx.settings.get<AccountClassLimits>(SETTING.accountClassLimits);
    const cny = (amount: string) => money(amount, 'CNY');
    if (row.accountClass === 'CLASS_II') {
      const l = limits.CLASS_II;
      return { nonLinkedInflowDaily: cny(l.dailyCny), outflowDaily: cny(l.dailyCny), annualLimit: cny(l.annualCny), balanceCap: null };
    }
    if (row.accountClass === 'CLASS_III') {
      const l = limits.CLASS_III;
      return { nonLinkedInflowDaily: cny(l.dailyCny), outflowDaily: cny(l.dailyCny), annualLimit: cny(l.annualCny), balanceCap: cny(l.balanceCny) };
    }
    return null;
  }

  private async row(p: ProductRecord, ctx: RequestContext): Promise<CardDetailsRow> {
    const row = await details(ctx, p);
    // Every card product is written with its details row; a missing one is a data fault, not an empty answer.
    if (!row) throw new Error(`cards_details row missing for product ${p.id}`);
    return row;
  }
}
