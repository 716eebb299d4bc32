import { eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { managers } from '../db/schema/index.js';

/**
 * The branch a member of branch staff works at: a branch manager's (their token names it), a relationship
 * manager's as the roster has it (a manager moved to another branch works there from the move on, whatever an
 * older token says). Null for anyone else, or a manager the roster does not know.
 */
export async function ownBranchOf(ctx: Pick<HostContext, 'principal' | 'db'>): Promise<number | null> {
  const p = ctx.principal;
  if (p.role === 'BRANCH_MANAGER') return p.branchId ?? null;
  if (p.role !== 'RELATIONSHIP_MANAGER' || p.managerId === undefined) return null;
  const [m] = await ctx.db.select({ branchId: managers.branchId }).from(managers).where(eq(managers.id, p.managerId));
  return m?.branchId ?? null;
}
