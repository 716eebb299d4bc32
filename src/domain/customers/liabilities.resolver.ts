import { Decimal } from 'decimal.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { Money, money } from '../common/money.type.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';
import { totalAssetsCny } from './customer.resolver.js';

/**
 * What the customers of a request owe, summed over every line that lends (the plugins'
 * `liabilities`): one call per lending line for the whole page of customers.
 */
export function liabilitiesCny(c: CustomerRecord, ctx: HostContext): Promise<string> {
  return ctx
    .loader<number, string>('core.liabilities', async (ids) => {
      const totals = new Map<number, Decimal>(ids.map((id) => [id, new Decimal(0)]));
      for (const plugin of ctx.host.plugins) {
        if (!plugin.liabilities) continue;
        const owed = await plugin.liabilities(ctx.host.servicesFor(plugin.code), ids);
        for (const [id, amount] of owed) totals.set(id, (totals.get(id) ?? new Decimal(0)).add(amount));
      }
      return ids.map((id) => totals.get(id)!.toFixed(2));
    })
    .load(c.id);
}

/** The customer's liabilities and net assets (客户负债与净资产), beside the assets. */
@Resolver(() => Customer)
export class CustomerLiabilitiesResolver {
  @FieldResolver(() => Money, {
    description: 'What the customer owes the bank, in CNY: the outstanding principal of their loans (every lending line). Tier and KPIs stay on assets.',
  })
  async liabilities(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<Money> {
    return money(await liabilitiesCny(c, ctx), 'CNY');
  }

  @FieldResolver(() => Money, { description: 'totalAssets − liabilities, in CNY (negative when the customer owes more than they hold here).' })
  async netAssets(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<Money> {
    const [assets, owed] = await Promise.all([totalAssetsCny(c, ctx), liabilitiesCny(c, ctx)]);
    return money(new Decimal(assets).sub(owed).toFixed(2), 'CNY');
  }
}
