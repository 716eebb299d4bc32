import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { bankYear, Customer, Decimal, money, type CustomerRecord, type RequestContext } from '../../../src/sdk/index.js';
import { SETTING_ANNUAL_QUOTA } from '../settings.js';
import { annualUsageLoader } from './loaders.js';
import { FxQuota } from './quota.type.js';

const left = (limit: Decimal, used: string) => Decimal.max(0, limit.sub(used)).toFixed(2);

/** Adds `fxAnnualQuota` to the core `Customer` (batched: one statement per page of customers). */
@Resolver(() => Customer)
export class CustomerFxQuotaResolver {
  @FieldResolver(() => FxQuota, { description: "本年度结售汇便利化额度 / This year's FX facilitation quota (USD)" })
  async fxAnnualQuota(@Root() c: CustomerRecord, @Ctx() ctx: RequestContext): Promise<FxQuota> {
    const usage = await annualUsageLoader(ctx).load(c.id);
    const limit = new Decimal(ctx.settings.get<string>(SETTING_ANNUAL_QUOTA));
    const purchased = usage?.purchasedUsd ?? '0';
    const sold = usage?.soldUsd ?? '0';
    // Foreign individuals have no purchase quota; a watch-listed customer has lost the facilitation channel.
    const purchaseQuotaApplies = c.residency === 'ONSHORE' && !c.fxWatchList;
    const usd = (a: string) => money(new Decimal(a).toFixed(2), 'USD');
    return {
      year: bankYear(ctx.now),
      limit: usd(limit.toFixed(2)),
      purchased: usd(purchased),
      remaining: usd(purchaseQuotaApplies ? left(limit, purchased) : '0'),
      sold: usd(sold),
      sellRemaining: usd(c.fxWatchList ? '0' : left(limit, sold)),
      purchaseQuotaApplies,
    };
  }
}
