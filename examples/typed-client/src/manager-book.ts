import { graphql } from './gql/index.js';
import type { ManagerBookQuery, WorkItemKind } from './gql/graphql.js';
import { execute, type ClientOptions } from './transport.js';

/**
 * The manager's book (客户经理工作台): the customers assigned to one manager, a page at a time, beside
 * that manager's work queue (what to do next, ranked by priority then due date).
 */
export const ManagerBookDocument = graphql(`
  query ManagerBook($managerId: ID!, $first: Int = 20, $after: String, $queueFirst: Int = 20, $kinds: [WorkItemKind!]) {
    me {
      role
      managerId
    }
    customers(first: $first, after: $after, filter: { managerId: $managerId }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          tier
          activity
          sizeClass
          lastActivityAt
          totalAssets {
            amount
            currency
          }
          nextTier {
            tier
            gap {
              amount
              currency
            }
          }
        }
      }
    }
    manager: node(id: $managerId) {
      __typename
      ... on CustomerManager {
        id
        name
        grade
        branch {
          name
        }
        workQueue(first: $queueFirst, kinds: $kinds) {
          totalCount
          edges {
            node {
              kind
              priority
              dueAt
              explanation
              customer {
                id
                name
                tier
              }
            }
          }
        }
      }
    }
  }
`);

type Book = ManagerBookQuery['customers'];
type ManagerNode = Extract<NonNullable<ManagerBookQuery['manager']>, { __typename: 'CustomerManager' }>;

export interface ManagerBookView {
  customers: Book['edges'][number]['node'][];
  totalCustomers: number;
  nextPage: string | null;
  /** The manager (null when the id is not a manager the caller may see). */
  manager: Omit<ManagerNode, 'workQueue'> | null;
  /** The work queue, grouped by kind in rank order. */
  queue: Map<WorkItemKind, ManagerNode['workQueue']['edges'][number]['node'][]>;
}

/** One page of a manager's book and their work queue (only `kinds`, when given). */
export async function loadManagerBook(
  client: ClientOptions,
  managerId: string,
  opts: { after?: string; kinds?: WorkItemKind[] } = {},
): Promise<ManagerBookView> {
  const { data } = await execute(client, ManagerBookDocument, { managerId, after: opts.after ?? null, kinds: opts.kinds ?? null });
  const manager = data.manager?.__typename === 'CustomerManager' ? data.manager : null;
  const queue = new Map<WorkItemKind, ManagerNode['workQueue']['edges'][number]['node'][]>();
  for (const { node } of manager?.workQueue.edges ?? []) {
    const items = queue.get(node.kind) ?? [];
    items.push(node);
    queue.set(node.kind, items);
  }
  return {
    customers: data.customers.edges.map((e) => e.node),
    totalCustomers: data.customers.totalCount,
    nextPage: data.customers.pageInfo.hasNextPage ? (data.customers.pageInfo.endCursor ?? null) : null,
    manager: manager ? { __typename: manager.__typename, id: manager.id, name: manager.name, grade: manager.grade, branch: manager.branch } : null,
    queue,
  };
}
