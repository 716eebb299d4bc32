import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../auth/principal.js';
import { customers, managers, products } from '../db/schema/index.js';

/**
 * The customers a caller may see, as a SQL condition. Every customer read goes
 * through this, so a customer outside the caller's book behaves exactly as one
 * that does not exist — whatever path reaches it.
 */
export function customerScope(principal: Principal): SQL {
  // Partners never see customer personal data (bookScope: false for every other role).
  return bookScope(principal, { branch: customers.branchId, manager: customers.managerId });
}

/**
 * The managers a caller may see in the roster: a relationship manager only
 * themselves, a branch manager their branch, head office and auditors all.
 * A manager outside it behaves as one that does not exist.
 */
export function managerScope(principal: Principal): SQL {
  return bookScope(principal, { branch: managers.branchId, manager: managers.id });
}

/**
 * The rows of a book a caller may see, as a SQL condition, given the columns
 * that place a row in a branch and with a manager: head office and auditors
 * all; a branch manager their branch's; a relationship manager their own;
 * anyone else (partners) none. Customers, the roster and management figures
 * (complaint statistics) are all scoped by this one rule.
 */
export function bookScope(principal: Principal, columns: { branch: AnyPgColumn; manager: AnyPgColumn }): SQL {
  switch (principal.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return sql`true`;
    case 'BRANCH_MANAGER':
      return principal.branchId ? eq(columns.branch, principal.branchId) : sql`false`;
    case 'RELATIONSHIP_MANAGER':
      return principal.managerId ? eq(columns.manager, principal.managerId) : sql`false`;
    default:
      return sql`false`;
  }
}

/** The branch of manager `managerId`, as a scalar sub-query (null when there is no such manager). */
export const branchOfManagerSql = (managerId: number): SQL => sql`(select ${managers.branchId} from ${managers} where ${managers.id} = ${managerId})`;

/**
 * May `principal` read a manager's own work (their queue, their KPIs): head
 * office and auditors any manager's; a branch manager their branch's managers';
 * a relationship manager only their own — the roster scope, for one row.
 */
export function mayReadManager(principal: Principal, manager: { id: number; branchId: number }): boolean {
  switch (principal.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return true;
    case 'BRANCH_MANAGER':
      return principal.branchId === manager.branchId;
    case 'RELATIONSHIP_MANAGER':
      return principal.managerId === manager.id;
    default:
      return false;
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
