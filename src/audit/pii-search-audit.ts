import type { HostContext } from '../graphql/context.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import type { AuditEntry } from './record.js';
import { deferAudit } from './request-audit.js';

/** What a search by phone or ID number found: which customers, and which identifier matched each. */
export interface IdentifierSearchResult {
  matches: { customerId: number; by: 'phone' | 'idNumber' }[];
}

/** The PII_SEARCH entries of one search: one per customer found, or one `CustomerSearch` entry when none was. */
export function identifierSearchEntries({ matches }: IdentifierSearchResult): AuditEntry[] {
  // A search that finds nobody still tells the caller something: it is recorded too.
  if (matches.length === 0) return [{ action: 'PII_SEARCH', targetType: 'CustomerSearch', targetId: '-', details: { matches: 0 } }];
  return matches.map((m) => ({ action: 'PII_SEARCH', targetType: 'Customer', targetId: toGlobalId('Customer', m.customerId), details: { matchedBy: m.by } }));
}

/**
 * Audits a search by a full phone or ID number like a reveal (PII_SEARCH).
 * The searched value is never stored: details name the identifier only. The
 * entries go into the request's audit (see {@link deferAudit}): every search
 * and 360 read of one request is written in one insert before the response
 * leaves, and a failed write withholds the response.
 */
export function auditIdentifierSearch(ctx: HostContext, result: IdentifierSearchResult): void {
  deferAudit(ctx, identifierSearchEntries(result));
}
