import { eq, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { customers, managers, products } from '../db/schema/index.js';

/**
 * The customers a caller may see, as a SQL condition. Every customer read goes
 * through this, so a customer outside the caller's book behaves exactly as one
 * that does not exist — whatever path reaches it.
 */
export function customerScope(principal: Principal): SQL {
  switch (principal.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return sql`true`;
    case 'BRANCH_MANAGER':
      return principal.branchId ? eq(customers.branchId, principal.branchId) : sql`false`;
    case 'RELATIONSHIP_MANAGER':
      return principal.managerId ? eq(customers.managerId, principal.managerId) : sql`false`;
    default:
      // Partners never see customer personal data.
      return sql`false`;
  }
}

/**
 * The managers a caller may see in the roster: a relationship manager only
 * themselves, a branch manager their branch, head office and auditors all.
 * A manager outside it behaves as one that does not exist.
 */
export function managerScope(principal: Principal): SQL {
  switch (principal.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return sql`true`;
    case 'BRANCH_MANAGER':
      return principal.branchId ? eq(managers.branchId, principal.branchId) : sql`false`;
    case 'RELATIONSHIP_MANAGER':
      return principal.managerId ? eq(managers.id, principal.managerId) : sql`false`;
    default:
      return sql`false`;
  }
}

/** Products a caller may see: partners only their own; drafts only for head office, auditors and the owner. */
export function productScope(principal: Principal): SQL {
  if (principal.role === 'PARTNER') {
    return principal.partnerCode ? eq(products.partnerCode, principal.partnerCode) : sql`false`;
  }
  if (principal.role === 'HEAD_OFFICE' || principal.role === 'AUDITOR') return sql`true`;
  return sql`${products.status} <> 'DRAFT'`;
}
