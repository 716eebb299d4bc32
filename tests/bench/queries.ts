/** The bench's GraphQL documents (the same text is sent to every target). */

const holdingFields360 = 'edges { node { id product { code name line } marketValue { amount currency } } }';

/** One customer's 360; `bundles` adds `bundleOffers` when the schema has it. */
export const customer360 = (bundles: string | null) => `query Customer360($id: ID!) {
  customer(id: $id) {
    id name age lifeStage
    riskProfile { level expired }
    tier
    totalAssets { amount currency }
    holdings(first: 100) { ${holdingFields360} }
    eligibleProducts(first: 20) { edges { node { code name line } decision { outcome } } }${bundles ? `\n    ${bundles}` : ''}
  }
}`;

/** Q2: a manager's page of customers with their risk level and holdings (the selection the peer answers too). */
export const customerPage = `query CustomerPage($first: Int!) {
  customers(first: $first) {
    edges { node { id riskProfile { level } holdings(first: 20) { edges { node { product { code line } marketValue { amount currency } } } } } }
  }
}`;

/** Q1: one customer, the same selection. */
export const customerCard = `query CustomerCard($id: ID!) {
  customer(id: $id) { id riskProfile { level } holdings(first: 20) { edges { node { product { code line } marketValue { amount currency } } } } }
}`;

/** Introspects the fields of `Customer.bundleOffers` (null when absent). */
export const bundleOffersProbe = `{ __type(name: "Customer") { fields { name args { name type { kind } } } } }`;

/** A manager's filtered, paginated book with holdings (the scale bench's second query). */
export const managerBook = `query ManagerBook($after: String, $managerId: ID!) {
  customers(first: 50, after: $after, filter: { managerId: $managerId, riskLevel: C3 }) {
    edges { node { id name riskProfile { level } holdings(first: 100) { edges { node { product { code line } marketValue { amount currency } } } } } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** The page of 100 (the cap) with up to 100 holdings each, sizes written as literals: must pass the default cost limit. */
export const literalPageOf100 = `{
  customers(first: 100) {
    edges { node { id riskProfile { level } holdings(first: 100) { edges { node { product { code line } marketValue { amount currency } } } } } }
  }
}`;

/** A page of `managers` (1 or 16 in the bench) with each one's work queue of 50, the customers selected as a workbench screen does. */
export const managerQueues = `query ManagerQueues($managers: Int!) {
  managers(first: $managers) {
    edges { node { id code workQueue(first: 50) { totalCount edges { node { kind dueAt priority explanation customer { id name tier activity } } } } } }
  }
}`;
