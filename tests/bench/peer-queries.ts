import { toGlobalId } from '../../src/graphql/relay/global-id.js';

/**
 * The peer's documents for Q1 and Q2, selecting what finmart's do
 * (`customerCard`, `customerPage` in queries.ts) in PostGraphile's own schema,
 * and the mapping of its answers onto finmart's shape, so the two can be
 * compared byte for byte.
 */

const SELECTION = 'rowId riskLevel openHoldings(first: 20) { nodes { productByProductId { code line } marketValueAmount marketValueCurrency } }';

/** Q2 for the peer: the first page of customers by id. */
export const peerPage = `query PeerPage($first: Int!) { allCustomers(first: $first, orderBy: PRIMARY_KEY_ASC) { nodes { ${SELECTION} } } }`;

/** Q1 for the peer: one customer by key. */
export const peerCard = `query PeerCard($rowId: Int!) { customerByRowId(rowId: $rowId) { ${SELECTION} } }`;

interface PeerCustomer {
  rowId: number;
  riskLevel: string | null;
  openHoldings: { nodes: { productByProductId: { code: string; line: string }; marketValueAmount: string; marketValueCurrency: string }[] };
}

const asFinmart = (c: PeerCustomer) => ({
  id: toGlobalId('Customer', c.rowId),
  riskProfile: c.riskLevel === null ? null : { level: c.riskLevel },
  holdings: {
    edges: c.openHoldings.nodes.map((h) => ({
      node: {
        product: { code: h.productByProductId.code, line: h.productByProductId.line },
        marketValue: { amount: h.marketValueAmount, currency: h.marketValueCurrency },
      },
    })),
  },
});

/** The peer's Q2 answer in finmart's shape. */
export const peerPageAsFinmart = (data: { allCustomers: { nodes: PeerCustomer[] } }) => ({
  customers: { edges: data.allCustomers.nodes.map((n) => ({ node: asFinmart(n) })) },
});

/** The peer's Q1 answer in finmart's shape. */
export const peerCardAsFinmart = (data: { customerByRowId: PeerCustomer | null }) => ({
  customer: data.customerByRowId ? asFinmart(data.customerByRowId) : null,
});
