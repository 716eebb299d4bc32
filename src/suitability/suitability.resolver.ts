import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { and, asc, eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { productScope } from '../access/scope.js';
import { products } from '../db/schema/index.js';
import { InitiatorEnum, ProductLineValues, SaleChannelEnum } from '../domain/common/enums.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { Customer } from '../domain/customers/customer.type.js';
import { findCustomer } from '../domain/customers/customer.query.js';
import { ProductConnection } from '../domain/products/product-connection.js';
import { findProduct, lineIn } from '../domain/products/product.query.js';
import { notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import { keysetPage, toConnection } from '../graphql/relay/paginate.js';
import { ConnectionArgs } from '../graphql/relay/types.js';
import { DecimalScalar } from '../graphql/scalars.js';
import { presentDecision, SuitabilityDecisionType, SuitabilityInput } from './decision.types.js';
import { loadCustomerFacts } from './facts-loader.js';
import { decide, decideFor } from './service.js';
import type { Initiator, SaleChannel } from '../sdk/contract/suitability.js';

@Resolver()
export class CheckSuitabilityResolver {
  @Query(() => SuitabilityDecisionType, { description: 'Checks a sale without writing anything.' })
  async checkSuitability(
    @Arg('input', () => SuitabilityInput, { description: 'The customer, the product, the amount and how the sale would be made.' }) input: SuitabilityInput,
    @Ctx() ctx: HostContext,
  ) {
    const customer = await findCustomer(ctx, input.customerId);
    if (!customer) throw notFound(text('客户', 'customer'));
    const product = await findProduct(ctx, input.productId);
    if (!product) throw notFound(text('产品', 'product'));
    const result = await decideFor(ctx, customer.id, product, {
      side: input.side === 'SELL' ? 'SELL' : 'BUY',
      amount: input.amount ?? null,
      currency: input.currency ?? null,
      channel: input.channel as SaleChannel,
      initiator: input.initiator as Initiator,
      details: input.details ?? {},
      completedSteps: input.completedSteps,
    });
    // The decision describes the customer (its reasons quote their facts): keyed by customerId, reading it is an audited customer read.
    return { ...presentDecision(result!.decision, ctx.lang), customerId: customer.id };
  }
}

/** On-sale products the caller may see, once per request and line (a page of customers shares them). */
function onSaleProducts(ctx: HostContext, line: string | null) {
  return ctx
    .loader<string, (typeof products.$inferSelect)[]>('suitability.onSaleProducts', (keys) =>
      Promise.all(
        keys.map((key) =>
          ctx.db
            .select()
            .from(products)
            .where(
              and(
                productScope(ctx.principal),
                eq(products.status, 'ON_SALE'),
                key !== '*' ? eq(products.line, key) : lineIn([...ctx.host.pluginByLine.keys()]),
              ),
            )
            .orderBy(asc(products.id)),
        ),
      ),
    )
    .load(line ?? '*');
}

@Resolver(() => Customer)
export class CustomerSuitabilityResolver {
  @FieldResolver(() => SuitabilityDecisionType, { description: 'Could this customer buy this product?' })
  async suitability(
    @Root() c: CustomerRecord,
    @Ctx() ctx: HostContext,
    @Arg('productId', () => ID, { description: 'The product to judge (global id).' }) productId: string,
    @Arg('amount', () => DecimalScalar, {
      nullable: true,
      description: 'The amount of the sale, in the product currency; omitted: amount rules are not judged.',
    })
    amount?: string,
    @Arg('channel', () => SaleChannelEnum, { defaultValue: 'COUNTER', description: 'The channel of the sale (default COUNTER).' }) channel?: string,
    @Arg('initiator', () => InitiatorEnum, {
      defaultValue: 'CUSTOMER',
      description: 'Who initiates the sale (default CUSTOMER for suitability, STAFF for eligibleProducts: what a manager may recommend).',
    })
    initiator?: string,
  ) {
    const product = await findProduct(ctx, productId);
    if (!product) throw notFound(text('产品', 'product'));
    const result = await decideFor(ctx, c.id, product, {
      side: 'BUY',
      amount: amount ?? null,
      channel: channel as SaleChannel,
      initiator: initiator as Initiator,
      details: {},
      completedSteps: [],
    });
    return presentDecision(result!.decision, ctx.lang);
  }

  @FieldResolver(() => ProductConnection, {
    description:
      'On-sale products whose decision is not BLOCK, each edge with its decision. Defaults describe a manager ' +
      'recommending at the counter (initiator STAFF), the strictest common case.',
  })
  async eligibleProducts(
    @Root() c: CustomerRecord,
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('line', () => ProductLineValues, { nullable: true, description: 'Only products of this line; omitted: every loaded line.' }) line?: string,
    @Arg('channel', () => SaleChannelEnum, { defaultValue: 'COUNTER', description: 'The channel of the sale (default COUNTER).' }) channel?: string,
    @Arg('initiator', () => InitiatorEnum, {
      defaultValue: 'STAFF',
      description: 'Who initiates the sale (default CUSTOMER for suitability, STAFF for eligibleProducts: what a manager may recommend).',
    })
    initiator?: string,
  ) {
    const page = keysetPage(args, ctx.settings.get('core.pageSize'));
    const customer = await loadCustomerFacts(ctx, c.id);
    if (!customer) throw notFound(text('客户', 'customer'));
    const candidates = await onSaleProducts(ctx, line ?? null);
    const decided = await Promise.all(
      candidates.map(async (p) => ({
        product: p,
        decision: (
          await decide(ctx, customer, p, {
            side: 'BUY',
            amount: null,
            channel: channel as SaleChannel,
            initiator: initiator as Initiator,
            details: {},
            completedSteps: [],
          })
        ).decision,
      })),
    );
    const eligible = decided.filter((d) => d.decision.outcome !== 'BLOCK');
    let items = eligible.filter(
      (d) => (page.afterKey === undefined || d.product.id > page.afterKey) && (page.beforeKey === undefined || d.product.id < page.beforeKey),
    );
    if (page.direction === 'backward') items = items.reverse();
    const conn = toConnection(
      page,
      items.slice(0, page.limit),
      (d) => d.product.id,
      () => eligible.length,
    );
    conn.edges = conn.edges.map((e) => {
      const d = e.node as (typeof eligible)[number];
      return { cursor: e.cursor, node: d.product, decision: presentDecision(d.decision, ctx.lang) };
    });
    return conn;
  }
}
