import { graphql } from './gql/index.js';
import type { ApprovalStatus, OrderStatus, PlaceOrderInput } from './gql/graphql.js';
import { execute, type ClientOptions } from './transport.js';

/**
 * Order placement. Since maker-checker, `placeOrder` returns `PlaceOrderResult = Order | Approval`: a
 * large order is held for a second person and comes back as an Approval. Both are selected by
 * fragment; `status` is an OrderStatus on one and an ApprovalStatus on the other, and GraphQL refuses
 * two fields of one name and different types in one selection — hence the two aliases.
 */
export const PlacedOrderFragment = graphql(`
  fragment PlacedOrder on Order {
    id
    orderStatus: status
    side
    placedAt
    coolingOffEndsAt
    quantity
    amount {
      amount
      currency
    }
    product {
      code
      name
    }
    decision {
      outcome
      missingSteps
    }
  }
`);

export const HeldForApprovalFragment = graphql(`
  fragment HeldForApproval on Approval {
    id
    approvalStatus: status
    action
    submittedAt
    targetId
  }
`);

export const PlaceOrderDocument = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ...PlacedOrder
      ...HeldForApproval
    }
  }
`);

/** What the order screen shows next: the order booked, or the approval it awaits. */
export type PlaceOrderOutcome =
  | { kind: 'booked'; orderId: string; status: OrderStatus; amount: string; currency: string; coolingOffEndsAt: string | null }
  | { kind: 'held'; approvalId: string; status: ApprovalStatus; submittedAt: string };

/** Places an order (amount a decimal string; idempotencyKey makes a retry safe). */
export async function placeOrder(client: ClientOptions, input: PlaceOrderInput): Promise<PlaceOrderOutcome> {
  const { data } = await execute(client, PlaceOrderDocument, { input });
  const result = data.placeOrder;
  switch (result.__typename) {
    case 'Order':
      return {
        kind: 'booked',
        orderId: result.id,
        status: result.orderStatus,
        amount: result.amount.amount,
        currency: result.amount.currency,
        coolingOffEndsAt: result.coolingOffEndsAt ?? null,
      };
    case 'Approval':
      return { kind: 'held', approvalId: result.id, status: result.approvalStatus, submittedAt: result.submittedAt };
    default: {
      // A member added to the union later fails to compile here until the screen handles it.
      const unhandled: never = result;
      throw new Error(`unexpected placeOrder result ${JSON.stringify(unhandled)}`);
    }
  }
}
