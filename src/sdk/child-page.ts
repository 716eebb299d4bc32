/**
 * Paged child lists under a parent — a product's price, NAV or rate history —
 * the host's own loader (`childPage`): the same page of every parent resolved
 * together in ONE statement (`row_number() over (partition by parent)`), the
 * counts in one more only when `totalCount` is asked for.
 *
 * Why the SDK exports it: funds, gold and forex each wrote that window-function
 * loader again for their histories. `cursorKey` covers a history keyed by a
 * date rather than an id (funds pages NAVs by their date as yyyymmdd).
 */
export { childPage, type ChildListSpec } from '../graphql/relay/child-pages.js';
export type { KeysetPage } from '../graphql/relay/paginate.js';
