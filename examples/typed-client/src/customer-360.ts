import { graphql } from './gql/index.js';
import type { Customer360Query } from './gql/graphql.js';
import { execute, type ClientOptions } from './transport.js';

/**
 * The customer 360 (客户全景): one customer with their tier, holdings and their values, orders,
 * contacts, complaints, points, and whether a product the manager has in mind suits them.
 */
export const Customer360Document = graphql(`
  query Customer360($id: ID!, $productId: ID!, $amount: Decimal) {
    customer(id: $id) {
      id
      name
      phone
      age
      lifeStage
      tier
      activity
      sizeClass
      nextTier {
        tier
        gap {
          amount
          currency
        }
      }
      riskProfile {
        level
        expired
        expiresAt
      }
      manager {
        id
        name
      }
      branch {
        id
        name
      }
      totalAssets {
        amount
        currency
      }
      productCoverage {
        linesHeld
        linesTotal
        ratio
      }
      holdings(first: 20) {
        totalCount
        edges {
          node {
            id
            quantity
            openedAt
            marketValue {
              amount
              currency
            }
            marketValueCny {
              amount
              currency
            }
            product {
              id
              code
              name
              line
              riskRating
            }
          }
        }
      }
      orders(first: 10) {
        totalCount
        edges {
          node {
            id
            side
            status
            placedAt
            amount {
              amount
              currency
            }
            product {
              code
              name
            }
          }
        }
      }
      contacts(first: 5) {
        totalCount
        edges {
          node {
            id
            channel
            occurredAt
            reached
            summary
            nextContactAt
          }
        }
      }
      complaints(first: 5) {
        totalCount
        edges {
          node {
            id
            category
            severity
            status
            recordedAt
            respondBy
            overdue
          }
        }
      }
      points {
        balance
        expiringSoon
        expiringWithinDays
      }
      suitability(productId: $productId, amount: $amount) {
        outcome
        missingSteps
        requiredSteps
        reasons {
          code
          outcome
          message
        }
      }
    }
  }
`);

type Customer = NonNullable<Customer360Query['customer']>;

/** What the screen shows: the query's data, and a few figures derived from it (typed all the way). */
export interface Customer360View {
  customer: Customer;
  /** Holdings' market value in CNY, summed as decimal strings turned into cents (no float money). */
  holdingsValueCnyCents: bigint;
  /** Whether the product may be sold now: no step missing and not blocked. */
  maySell: boolean;
  /** Complaints among those shown not yet handled (RECORDED, ACCEPTED or ANALYSED). */
  unhandledComplaints: number;
}

const cents = (amount: string): bigint => {
  const [whole = '0', fraction = ''] = amount.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2)));
};

/** Loads the customer 360 of `customerId`, judging `productId` (for `amount`, a decimal string) for them; null when out of scope or missing. */
export async function loadCustomer360(client: ClientOptions, customerId: string, productId: string, amount?: string): Promise<Customer360View | null> {
  const { data } = await execute(client, Customer360Document, { id: customerId, productId, amount: amount ?? null });
  const customer = data.customer;
  if (!customer) return null;
  return {
    customer,
    holdingsValueCnyCents: customer.holdings.edges.reduce((sum, e) => sum + cents(e.node.marketValueCny.amount), 0n),
    maySell: customer.suitability.outcome !== 'BLOCK' && customer.suitability.missingSteps.length === 0,
    unhandledComplaints: customer.complaints.edges.filter((e) => e.node.status !== 'HANDLED' && e.node.status !== 'FEEDBACK_GIVEN').length,
  };
}
