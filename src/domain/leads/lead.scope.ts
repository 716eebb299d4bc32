import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.js';
import { branchOfManagerSql } from '../../access/scope.js';
import { leads } from '../../db/schema/index.js';

/**
 * The leads a caller sees (资源内部共享, within the bank only): head office and
 * auditors all; a branch manager their branch's; a relationship manager those
 * in their branch's shared pool (nobody holds them) and those they hold;
 * partners none. A lead outside it behaves as one that does not exist.
 */
export function leadScope(p: Principal): SQL {
  switch (p.role) {
    case 'HEAD_OFFICE':
    case 'AUDITOR':
      return sql`true`;
    case 'BRANCH_MANAGER':
      return p.branchId ? eq(leads.branchId, p.branchId) : sql`false`;
    case 'RELATIONSHIP_MANAGER': {
      if (!p.managerId) return sql`false`;
      const ownBranch = sql`${leads.branchId} = ${branchOfManagerSql(p.managerId)}`;
      return or(eq(leads.managerId, p.managerId), and(isNull(leads.managerId), ownBranch))!;
    }
    default:
      return sql`false`;
  }
}
