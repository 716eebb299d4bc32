import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InitiatorEnum, ProductLineValues, SaleChannelEnum, SuitabilityOutcomeEnum } from '../domain/common/enums.js';
import { Money } from '../domain/common/money.type.js';
import { Holding } from '../domain/holdings/holding.types.js';
import { Product } from '../domain/products/product.interface.js';
import { Customer } from '../domain/customers/customer.type.js';
import { connectionTypes, Node } from '../graphql/relay/types.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';
import { SuitabilityDecisionType } from '../suitability/decision.types.js';

export enum OrderStatusEnum {
  PENDING = 'PENDING',
  SETTLED = 'SETTLED',
  CANCELLED = 'CANCELLED',
}
export enum DecisionPurposeEnum {
  ORDER = 'ORDER',
  ORDER_REFUSED = 'ORDER_REFUSED',
  APPLICATION = 'APPLICATION',
  BUNDLE_REFUSED = 'BUNDLE_REFUSED',
}
registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description: '订单状态：冷静期中 / 已成交 / 已撤销 / PENDING during cooling-off, SETTLED, CANCELLED',
  valuesConfig: {
    PENDING: { description: '冷静期中 / A purchase within its cooling-off period: it may still be cancelled with a full refund.' },
    SETTLED: { description: '已成交 / Final: the cooling-off period ended (or there was none), or a redemption.' },
    CANCELLED: { description: '已撤销 / Cancelled within the cooling-off period; the amount refunded in full.' },
  },
});
registerEnumType(DecisionPurposeEnum, {
  name: 'DecisionPurpose',
  description:
    '决定记录用途 / Why a decision was recorded: accepted order, refused attempt, a step of an application (loans), or an item of a bundle order refused as a whole (BUNDLE_REFUSED)',
  valuesConfig: {
    ORDER: { description: '订单 / The decision an accepted order was placed under.' },
    ORDER_REFUSED: { description: '拒绝的下单 / An order refused (BLOCK, or REQUIRE with steps missing): evidence of the attempt.' },
    APPLICATION: { description: '贷款申请 / A step of a loan application (applications are judged, not ordered).' },
    BUNDLE_REFUSED: { description: '套餐拒绝 / An item of a bundle order that was refused as a whole.' },
  },
});

@InputType('PlaceOrderInput', {
  description: 'A purchase (BUY) or a redemption (SELL). Suitability is re-checked, with the side, in the transaction that writes the order.',
})
export class PlaceOrderInput {
  @Field(() => ID, { description: "The customer buying or redeeming (in the caller's scope)." }) customerId!: string;
  @Field(() => ID, { description: 'The product (on sale for a BUY, of a loaded line that sells).' }) productId!: string;
  @Field(() => String, {
    nullable: true,
    defaultValue: 'BUY',
    description:
      'BUY (purchase, the default) or SELL (redemption of ACTIVE positions, oldest first; settles at once, no cooling-off, cannot be cancelled). Anything else → BAD_USER_INPUT.',
  })
  side?: string | null;
  @Field(() => DecimalScalar, {
    description:
      'BUY: the amount paid, in the product currency. SELL: the proceeds the client expects, in the product currency; must equal quantity × current unit price ' +
      '(as the line values positions; unpriced: the redeemed cost share) within 0.01, else BAD_USER_INPUT. The order records the computed proceeds.',
  })
  amount!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "SELL only (required, > 0, at most 6 decimals): units to redeem, in the position's units (shares, grams, currency, policies). More than the ACTIVE positions hold " +
      '(positions in cooling-off excluded) → BAD_USER_INPUT naming what is available. Given on a BUY → BAD_USER_INPUT.',
  })
  quantity?: string | null;
  @Field(() => String, { nullable: true, description: 'Defaults to the product currency (the only one accepted).' }) currency?: string | null;
  @Field(() => SaleChannelEnum, { description: 'Where the sale is made.' }) channel!: string;
  @Field(() => InitiatorEnum, { description: 'Who initiated it (a staff-initiated sale meets stricter rules).' }) initiator!: string;
  @Field(() => String, {
    description:
      '8–100 characters, unique per request of the caller: the same key with the same input replays the first result; with another input → IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey!: string;
  @Field(() => [String], { defaultValue: [], description: 'Steps already recorded (SPECIAL_RISK_WARNING_SIGNED, AUDIO_VIDEO_RECORDING…).' })
  completedSteps!: string[];
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Per-line sale terms, as the product line declares them (FX purpose, premium mode, savings plan…); any other key → BAD_USER_INPUT. ' +
      "Sizes are the server's: units, grams, fxAmount, usdAmount, premium, initialDeposit are computed from today's prices and the amount paid. " +
      'A client may state one as a cross-check; one that differs by a rounding step or more → BAD_USER_INPUT naming both figures.',
  })
  details?: Record<string, unknown> | null;
}

@ObjectType('Order', {
  implements: Node,
  description: 'A purchase (PENDING while its cooling-off period runs, then SETTLED; or CANCELLED) or a redemption (SETTLED at once).',
})
export class Order extends Node {
  @Field(() => Customer, { description: '客户 / The customer who bought or redeemed.' }) customer!: Customer;
  @Field(() => Product, { description: '产品 / The product.' }) product!: Product;
  @Field(() => ProductLineValues, { description: "产品线 / The product's line." }) line!: string;
  @Field(() => String, { description: 'BUY (purchase) or SELL (redemption).' }) side!: string;
  @Field(() => Money, {
    description: 'Charged (BUY: at most the amount offered; e.g. whole gram steps of gold at their price) or the proceeds paid out (SELL).',
  })
  amount!: Money;
  @Field(() => DecimalScalar, { description: 'Units booked (BUY) or redeemed (SELL): shares, grams, cards, policies.' }) quantity!: string;
  @Field(() => SaleChannelEnum, { description: '销售渠道 / Where the sale was made.' }) channel!: string;
  @Field(() => InitiatorEnum, { description: '发起方 / Who initiated it.' }) initiator!: string;
  @Field(() => [String], { description: 'Steps recorded with the order (signed warnings, recordings…), as the decision required.' }) completedSteps!: string[];
  @Field(() => GraphQLJSONObject, {
    description: 'The sale terms with the figures the server sized the order by (what the decision checked and the order booked).',
  })
  details!: Record<string, unknown>;
  @Field(() => OrderStatusEnum, { description: '订单状态 / PENDING in the cooling-off period, SETTLED or CANCELLED.' }) status!: string;
  @Field(() => String, { description: "Who placed it: the staff member's subject." }) placedBy!: string;
  @Field(() => DateTimeScalar, { description: '下单时间 / When the order was placed.' }) placedAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "冷静期截止 / When the cooling-off period ends (placedAt + the product's coolingOffHours); null: none.",
  })
  coolingOffEndsAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '成交时间 / When the order settled; null while PENDING or if cancelled.' })
  settledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '撤销时间 / When it was cancelled; null unless CANCELLED.' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: '撤销原因 / Why it was cancelled, as given to cancelOrder; null unless CANCELLED.' }) cancelReason!:
    string | null;
  @Field(() => Money, { nullable: true, description: 'Refund of a cancelled order: always the full amount.' }) refund!: Money | null;
  @Field(() => Holding, { nullable: true, description: 'The position the order opened or added to; for a SELL, the oldest position it reduced.' })
  holding!: Holding | null;
  @Field(() => SuitabilityDecisionType, { description: 'The decision recorded when the order was accepted (compliance evidence).' })
  decision!: SuitabilityDecisionType;
}

export const { Connection: OrderConnection, Edge: OrderEdge } = connectionTypes('Order', () => Order);

@ObjectType('SuitabilityDecisionRecord', { implements: Node, description: 'A recorded decision: evidence of an order accepted or refused.' })
export class SuitabilityDecisionRecordType extends Node {
  @Field(() => DecisionPurposeEnum, { description: 'Why the decision was recorded.' }) purpose!: string;
  @Field(() => SuitabilityOutcomeEnum, { description: '适当性结论 / The outcome: the strictest of its reasons.' }) outcome!: string;
  @Field(() => ProductLineValues, { description: "The product's line." }) line!: string;
  @Field(() => Customer, { nullable: true, description: "The customer judged; null when out of the caller's scope." }) customer!: Customer | null;
  @Field(() => Product, { nullable: true, description: "The product judged; null when its line is not loaded or it is out of the caller's scope." })
  product!: Product | null;
  @Field(() => String, { description: 'Role and subject of the caller.' }) actor!: string;
  @Field(() => String, { nullable: true, description: 'The request that recorded it (x-request-id), to find it in the logs.' }) requestId!: string | null;
  @Field(() => SuitabilityDecisionType, { description: 'The decision as it was made, reasons and all, in the request language.' })
  decision!: SuitabilityDecisionType;
  @Field(() => GraphQLJSONObject, { description: 'Every fact as evaluated.' }) facts!: Record<string, unknown>;
  @Field(() => DateTimeScalar, { description: 'When the rules were evaluated.' }) evaluatedAt!: Date;
}

export const { Connection: SuitabilityDecisionRecordConnection } = connectionTypes('SuitabilityDecisionRecord', () => SuitabilityDecisionRecordType);

@InputType('SuitabilityDecisionFilter', { description: 'Narrows the recorded decisions; every criterion given must match (omitted: any).' })
export class SuitabilityDecisionFilter {
  @Field(() => String, { nullable: true, description: 'Decisions with a reason from this rule.' }) ruleId?: string | null;
  @Field(() => String, { nullable: true, description: 'Decisions with this reason code.' }) reasonCode?: string | null;
  @Field(() => SuitabilityOutcomeEnum, { nullable: true, description: 'Decisions with this outcome.' }) outcome?: string | null;
  @Field(() => ProductLineValues, { nullable: true, description: 'Decisions about products of this line.' }) line?: string | null;
  @Field(() => DecisionPurposeEnum, { nullable: true, description: 'Decisions recorded for this purpose.' }) purpose?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Evaluated at or after.' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Evaluated before.' }) to?: Date | null;
  @Field(() => ID, { nullable: true, description: "Decisions about customers of this branch (the customer's branch when the decision was recorded)." })
  branchId?: string | null;
  @Field(() => ID, { nullable: true, description: "Decisions about customers of this manager (the customer's manager when the decision was recorded)." })
  managerId?: string | null;
  @Field(() => InitiatorEnum, { nullable: true, description: 'Staff-initiated or customer-initiated sales only.' }) initiator?: string | null;
}

@ObjectType('ReasonCount', { description: 'How many recorded decisions with a given outcome gave a reason code.' })
export class ReasonCount {
  @Field(() => String, { description: 'The reason code (SuitabilityReason.code).' }) code!: string;
  @Field(() => SuitabilityOutcomeEnum, {
    description: 'The outcome of those decisions (the strictest of their reasons), so a code appears once per outcome it was seen with.',
  })
  outcome!: string;
  @Field(() => Int, { description: 'How many decisions gave it.' }) count!: number;
}
