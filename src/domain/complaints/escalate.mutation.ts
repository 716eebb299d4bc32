import { WRITER_ROLES } from '../../auth/principal.js';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { complaints } from '../../db/schema/index.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { checkText } from '../customers/customer.validation.js';
import { Complaint } from '../relationship/relationship.types.js';
import { ESCALATION_LEVELS } from './complaint.enums.js';

@InputType('EscalateComplaintInput', { description: 'Raises a complaint one escalation level (NONE → BRANCH → HEAD_OFFICE), with the reason.' })
export class EscalateComplaintInput {
  @Field(() => ID, { description: 'A complaint of a customer in your book, open (not yet FEEDBACK_GIVEN).' }) complaintId!: string;
  @Field(() => String, { description: '1–500 characters; kept on the complaint (the audit entry records the levels, not the text).' }) reason!: string;
}

const TOP = ESCALATION_LEVELS.length - 1;

@Resolver()
export class EscalateComplaintResolver {
  @Mutation(() => Complaint, {
    description:
      "Escalates a complaint one level up, never down; audited (COMPLAINT_ESCALATED with the levels from and to). The customer's manager, branch manager or head office; " +
      'a complaint already answered (FEEDBACK_GIVEN) or already at HEAD_OFFICE → BAD_USER_INPUT; escalated by someone else meanwhile → CONFLICT.',
  })
  async escalateComplaint(
    @Arg('input', () => EscalateComplaintInput, { description: 'The complaint and why it goes up a level.' }) input: EscalateComplaintInput,
    @Ctx() ctx: HostContext,
  ) {
    requireRole(ctx, ...WRITER_ROLES);
    const reason = checkText(input.reason, 'reason', 500);
    const id = numericIdOf(input.complaintId, 'Complaint');
    const [current] = id ? await ctx.db.select().from(complaints).where(eq(complaints.id, id)) : [];
    // Scoped through the customer: a complaint outside the caller's book does not exist for them.
    if (!current || !(await customerLoader(ctx).load(current.customerId))) throw notFound(text('投诉', 'complaint'));
    if (current.feedbackAt !== null) {
      throw badInput(
        text('投诉已答复（FEEDBACK_GIVEN），不能再升级', 'The complaint has been answered (FEEDBACK_GIVEN); it cannot be escalated'),
        'complaintId',
      );
    }
    if (current.escalationLevel >= TOP) {
      throw badInput(text('投诉已升级至总行，无法再升级', 'The complaint is already escalated to head office; there is no higher level'), 'complaintId');
    }
    const from = current.escalationLevel;
    const row = await ctx.db.transaction(async (tx) => {
      // The level read above is the guard: two concurrent escalations cannot both move it from the same level.
      const [updated] = await tx
        .update(complaints)
        .set({ escalationLevel: from + 1, escalatedAt: ctx.now, escalationReason: reason, version: sql`${complaints.version} + 1` })
        .where(and(eq(complaints.id, current.id), eq(complaints.escalationLevel, from), isNull(complaints.feedbackAt)))
        .returning();
      if (!updated) return null;
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'COMPLAINT_ESCALATED',
          targetType: 'Complaint',
          targetId: toGlobalId('Complaint', current.id),
          details: { from: ESCALATION_LEVELS[from], to: ESCALATION_LEVELS[from + 1], severity: current.severity, category: current.category },
        },
      );
      return updated;
    });
    if (!row) throw conflict(text('投诉已被他人处理，请刷新后重试', 'The complaint changed meanwhile; reload and retry'));
    return { ...row, id: toGlobalId('Complaint', row.id) };
  }
}
