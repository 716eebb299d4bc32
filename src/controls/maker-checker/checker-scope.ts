import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.js';
import { approvals } from '../../db/schema/index.js';

/**
 * May this principal decide approvals at all: the CHECKER role, or a head-office or branch-manager principal
 * holding the checker permission (JWT claim `checker`).
 */
export const hasCheckerPermission = (p: Principal): boolean =>
  p.role === 'CHECKER' || ((p.role === 'HEAD_OFFICE' || p.role === 'BRANCH_MANAGER') && p.checker === true);

/**
 * The approvals a checker decides: a branch checker (a branch manager, or a CHECKER with a branch) those of
 * their branch — what branch staff made; a head-office checker (head office, or a CHECKER without a branch)
 * every one. Bank-wide actions (settings, bundles, grades, adjustments) carry no branch: head office checks them.
 */
export function checkerScope(p: Principal): SQL {
  if (!hasCheckerPermission(p)) return sql`false`;
  const branchChecker = p.role === 'BRANCH_MANAGER' || (p.role === 'CHECKER' && p.branchId !== undefined);
  if (!branchChecker) return sql`true`;
  return p.branchId ? eq(approvals.branchId, p.branchId) : sql`false`;
}

/** The approvals a caller sees: what they may decide, what they made themselves; auditors all; partners none. */
export function approvalScope(p: Principal): SQL {
  if (p.role === 'AUDITOR') return sql`true`;
  if (p.role === 'PARTNER') return sql`false`;
  return or(checkerScope(p), eq(approvals.makerSubject, p.subject))!;
}
