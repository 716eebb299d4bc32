import { and, eq, sql } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/client.js';
import { leadEvents, leads } from '../../db/schema/index.js';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import type { LeadStage } from './lead.enums.js';
import { leadScope } from './lead.scope.js';
import type { LeadRow } from './lead.resolver.js';

/** The lead of a global id, if the caller sees it (else NOT_FOUND: a lead outside the scope does not exist). */
export async function findLead(ctx: HostContext, id: string, field = 'leadId'): Promise<LeadRow> {
  const key = numericIdOf(id, 'Lead');
  if (!key) throw badInput(text('线索编号无效', `${field} is not a lead id`), field);
  const [row] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, key), leadScope(ctx.principal)));
  if (!row) throw notFound(text('线索', 'lead'));
  return row;
}

/** The holder, their branch manager and head office may move a held lead; nobody else. */
export function requireMayMove(ctx: HostContext, lead: LeadRow): void {
  const p = ctx.principal;
  const ok =
    p.role === 'HEAD_OFFICE' ||
    (p.role === 'BRANCH_MANAGER' && p.branchId === lead.branchId) ||
    (p.role === 'RELATIONSHIP_MANAGER' && lead.managerId !== null && p.managerId === lead.managerId);
  if (!ok)
    throw forbidden(
      text('只有持有该线索的客户经理、本网点负责人或总行可以推进', 'Only the manager holding the lead, its branch manager or head office may move it'),
    );
}

export interface Move {
  to: LeadStage;
  /** The holder after the move (undefined: unchanged). */
  managerId?: number | null;
  reason: string;
  /** Other columns the move sets. */
  set?: Partial<typeof leads.$inferInsert>;
  /** Audit details beyond the stages (codes and ids only, never personal data). */
  details?: Record<string, unknown>;
  /** The audit action (default LEAD_<to>). */
  action?: string;
}

/**
 * Moves `lead` in `tx` if nobody moved it since it was read (its version):
 * the row, one history event and one audit entry (LEAD_<stage>), together.
 * Returns null when it changed meanwhile.
 */
export async function applyMove(ctx: HostContext, tx: Tx, lead: LeadRow, move: Move): Promise<LeadRow | null> {
  const managerId = move.managerId === undefined ? lead.managerId : move.managerId;
  const [row] = await tx
    .update(leads)
    .set({
      ...move.set,
      stage: move.to,
      managerId,
      ...(move.managerId !== undefined && move.managerId !== lead.managerId ? { assignedAt: ctx.now } : {}),
      updatedAt: ctx.now,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.id, lead.id), eq(leads.version, lead.version)))
    .returning();
  if (!row) return null;
  await tx.insert(leadEvents).values({
    leadId: lead.id,
    fromStage: lead.stage,
    toStage: move.to,
    managerId,
    branchId: lead.branchId,
    actor: ctx.principal.subject,
    reason: move.reason,
    at: ctx.now,
  });
  await recordAudit(
    { db: tx, principal: ctx.principal, requestId: ctx.requestId },
    {
      action: move.action ?? `LEAD_${move.to}`,
      targetType: 'Lead',
      targetId: toGlobalId('Lead', lead.id),
      details: { from: lead.stage, to: move.to, managerId: managerId === null ? null : toGlobalId('CustomerManager', managerId), ...move.details },
    },
  );
  return row;
}

/** One move in its own transaction; CONFLICT when the lead changed meanwhile. */
export async function moveLead(ctx: HostContext, lead: LeadRow, move: Move, extra?: (tx: Tx) => Promise<void>): Promise<LeadRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const moved = await applyMove(ctx, tx, lead, move);
    if (moved && extra) await extra(tx);
    return moved;
  });
  if (!row) throw conflict(text('线索已被他人更新，请刷新后重试', 'The lead changed meanwhile; reload and retry'));
  return row;
}
