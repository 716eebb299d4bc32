import { WRITER_ROLES } from '../../auth/principal.js';
import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { complaints, contacts, customers, satisfactionResponses } from '../../db/schema/index.js';
import { badInput, conflict, FinmartError, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { text } from '../../i18n/localized.js';
import { ComplaintStatusEnum, ContactChannelEnum, ContactOutcomeEnum } from '../common/enums.js';
import { customerLoader } from '../core-loaders.js';
import { checkText } from '../customers/customer.validation.js';
import { activityOfCount, activitySince, businessCountSql, lastReachedSql } from '../customers/activity.js';
import { contactPlanOf } from '../customers/contact-plan.js';
import { Complaint, Contact } from './relationship.types.js';
import { ComplaintCategoryEnum, ComplaintSeverityEnum } from '../complaints/complaint.enums.js';
import { checkComplaintRequest, linkedOrder, respondByNow } from '../complaints/file-complaint.js';

@InputType('LogContactInput', { description: 'A contact with a customer to log: channel, what was said, how it ended.' })
export class LogContactInput {
  @Field(() => ID, { description: "The customer (in the caller's scope)." }) customerId!: string;
  @Field(() => ContactChannelEnum, { description: 'How the customer was contacted.' }) channel!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now.' }) occurredAt?: Date;
  @Field(() => String, { description: 'What was discussed, 1–500 characters.' }) summary!: string;
  @Field(() => ContactOutcomeEnum, { description: 'How the contact ended: REACHED and FOLLOW_UP reached the customer; NO_ANSWER and DECLINED did not.' })
  outcome!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When to contact the customer next. Defaults to the contact plan's next due date as of this contact (customer.contactPlan.nextDueAt).",
  })
  nextContactAt?: Date;
}

@InputType('FileComplaintInput', { description: 'A complaint to file for a customer; it starts RECORDED with respondBy set from its severity.' })
export class FileComplaintInput {
  @Field(() => ID, { description: "The customer complaining (in the caller's scope)." }) customerId!: string;
  @Field(() => ComplaintCategoryEnum, { description: 'What the complaint is about; MIS_SELLING needs orderId.' }) category!: string;
  @Field(() => String, { description: "The complaint in the customer's words, 1–2,000 characters." }) description!: string;
  @Field(() => ComplaintSeverityEnum, {
    nullable: true,
    description: "Defaults to MEDIUM. Sets respondBy = now + the severity's response target (setting core.complaintResponseHours).",
  })
  severity?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The order complained about: required for MIS_SELLING, allowed for any category. Must be one of the customer's orders (else BAD_USER_INPUT); its decision record is linked too.",
  })
  orderId?: string | null;
}

@InputType('AdvanceComplaintInput', { description: 'Moves a complaint to its next state, with the note that step needs.' })
export class AdvanceComplaintInput {
  @Field(() => ID, { description: 'The complaint.' }) complaintId!: string;
  @Field(() => Int, { description: 'The version read (Complaint.version): a stale one is refused (CONFLICT).' }) version!: number;
  @Field(() => ComplaintStatusEnum, {
    description: 'The next state: only the one after the current (RECORDED → ACCEPTED → ANALYSED → HANDLED → FEEDBACK_GIVEN).',
  })
  to!: string;
  @Field(() => String, { nullable: true, description: 'Analysis (ANALYSED), resolution (HANDLED) or feedback (FEEDBACK_GIVEN).' })
  note?: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Only for the step to FEEDBACK_GIVEN, and only when no satisfaction response for the complaint is recorded: why the customer's feedback could not be " +
      'had (unreachable, declined to answer…), 1–500 characters; kept as Complaint.feedbackWaivedReason. Without a response or a reason the step is refused ' +
      '(BAD_USER_INPUT, reason FEEDBACK_REQUIRED).',
  })
  feedbackWaivedReason?: string | null;
}

const OUTCOMES: string[] = Object.values(ContactOutcomeEnum);
/** The only forward move from each state, with the timestamp and note column it fills. */
const NEXT: Record<string, { to: string; at: 'acceptedAt' | 'analysedAt' | 'handledAt' | 'feedbackAt'; note?: 'analysis' | 'resolution' | 'feedback' }> = {
  RECORDED: { to: 'ACCEPTED', at: 'acceptedAt' },
  ACCEPTED: { to: 'ANALYSED', at: 'analysedAt', note: 'analysis' },
  ANALYSED: { to: 'HANDLED', at: 'handledAt', note: 'resolution' },
  HANDLED: { to: 'FEEDBACK_GIVEN', at: 'feedbackAt', note: 'feedback' },
};

/**
 * A complaint is closed (FEEDBACK_GIVEN) only with the customer's feedback on its handling recorded
 * (recordSatisfaction on the complaint) or a reason it could not be had — never both, never neither.
 */
function closingNeedsFeedback(rated: boolean, waiver: string | null): void {
  if (!rated && waiver === null) {
    throw new FinmartError(
      'BAD_USER_INPUT',
      text(
        '结案前须记录客户对投诉处理的满意度（recordSatisfaction），或说明无法取得反馈的原因（feedbackWaivedReason）',
        "Record the customer's satisfaction with the handling (recordSatisfaction) before closing, or give the reason it could not be had (feedbackWaivedReason)",
      ),
      { field: 'feedbackWaivedReason', reason: 'FEEDBACK_REQUIRED' },
    );
  }
  if (rated && waiver !== null) {
    throw badInput(
      text('客户反馈已记录，无需填写 feedbackWaivedReason', "The customer's feedback is on record; feedbackWaivedReason is not needed"),
      'feedbackWaivedReason',
    );
  }
}

async function customerInScope(ctx: HostContext, id: string) {
  const key = numericIdOf(id, 'Customer');
  const c = key ? await customerLoader(ctx).load(key) : null;
  if (!c) throw notFound(text('客户', 'customer'));
  return c;
}

@Resolver()
export class RelationshipMutationResolver {
  @Mutation(() => Contact, {
    description:
      "Logs a contact. Whether it reached the customer follows from its outcome (REACHED and FOLLOW_UP did; NO_ANSWER and DECLINED did not): a reached contact counts as business for activity and restarts the contact plan; nextContactAt defaults to the plan's next due date after it.",
  })
  async logContact(@Arg('input', () => LogContactInput, { description: 'The contact to log.' }) input: LogContactInput, @Ctx() ctx: HostContext) {
    requireRole(ctx, ...WRITER_ROLES);
    const c = await customerInScope(ctx, input.customerId);
    if (!OUTCOMES.includes(input.outcome))
      throw badInput(text(`联系结果须为 ${OUTCOMES.join('/')}`, `outcome must be one of ${OUTCOMES.join(', ')}`), 'outcome');
    const occurredAt = input.occurredAt ?? ctx.now;
    if (occurredAt.getTime() > ctx.now.getTime() + 60_000) throw badInput(text('联系时间不能晚于当前时间', 'occurredAt cannot be in the future'), 'occurredAt');
    const summary = checkText(input.summary, 'summary', 500);
    const row = await ctx.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(contacts)
        .values({
          customerId: c.id,
          managerId: ctx.principal.managerId ?? c.managerId,
          channel: input.channel,
          occurredAt,
          summary,
          outcome: input.outcome,
          nextContactAt: input.nextContactAt ?? null,
        })
        .returning();
      await tx
        .update(customers)
        .set({ lastActivityAt: sql`greatest(${customers.lastActivityAt}, ${occurredAt.toISOString()}::timestamptz)` })
        .where(eq(customers.id, c.id));
      if (input.nextContactAt) return r;
      // The plan as of this contact (same transaction: it counts if it reached the customer).
      const [b] = await tx
        .select({
          count: businessCountSql(sql`${customers.id}`, activitySince(ctx.now, ctx.settings)).mapWith(Number),
          reached: sql<string | Date | null>`${lastReachedSql(sql`${customers.id}`)}`,
        })
        .from(customers)
        .where(eq(customers.id, c.id));
      const plan = contactPlanOf(c, activityOfCount(b.count, ctx.settings), b.reached ? new Date(b.reached) : null, ctx.now, ctx.settings);
      const [withNext] = await tx.update(contacts).set({ nextContactAt: plan.nextDueAt }).where(eq(contacts.id, r.id)).returning();
      return withNext;
    });
    return { ...row, id: toGlobalId('Contact', row.id) };
  }

  @Mutation(() => Complaint, {
    description:
      "Records a complaint (state RECORDED), with the customer's manager and branch of now as the responsible ones, its severity and deadline, and the order (and decision record) it is about.",
  })
  async fileComplaint(@Arg('input', () => FileComplaintInput, { description: 'The complaint to file.' }) input: FileComplaintInput, @Ctx() ctx: HostContext) {
    requireRole(ctx, ...WRITER_ROLES);
    const checked = checkComplaintRequest(input);
    const c = await customerInScope(ctx, input.customerId);
    const link = await linkedOrder(ctx, checked.orderKey, c.id);
    const [row] = await ctx.db
      .insert(complaints)
      .values({
        customerId: c.id,
        managerId: c.managerId,
        branchId: c.branchId,
        category: checked.category,
        description: checked.description,
        severity: checked.severity,
        recordedAt: ctx.now,
        respondBy: respondByNow(ctx, ctx.now, checked.severity),
        ...link,
      })
      .returning();
    return { ...row, id: toGlobalId('Complaint', row.id) };
  }

  @Mutation(() => Complaint, {
    description:
      "Moves a complaint one step forward; states are never skipped or reversed. The last step (FEEDBACK_GIVEN) needs the customer's satisfaction with the " +
      'handling recorded (recordSatisfaction on the complaint) or a feedbackWaivedReason; without either → BAD_USER_INPUT with reason FEEDBACK_REQUIRED.',
  })
  async advanceComplaint(
    @Arg('input', () => AdvanceComplaintInput, { description: 'The complaint, the version read, the next state and its note.' }) input: AdvanceComplaintInput,
    @Ctx() ctx: HostContext,
  ) {
    requireRole(ctx, ...WRITER_ROLES);
    const id = numericIdOf(input.complaintId, 'Complaint');
    const waiver = input.feedbackWaivedReason == null ? null : checkText(input.feedbackWaivedReason, 'feedbackWaivedReason', 500);
    if (waiver !== null && input.to !== 'FEEDBACK_GIVEN') {
      throw badInput(
        text('feedbackWaivedReason 仅用于结案（FEEDBACK_GIVEN）', 'feedbackWaivedReason applies only to the step to FEEDBACK_GIVEN'),
        'feedbackWaivedReason',
      );
    }
    // The complaint with whether the customer's satisfaction with its handling is on record (one statement).
    const [current] = id
      ? await ctx.db
          .select({
            complaint: complaints,
            rated: sql<boolean>`exists (select 1 from ${satisfactionResponses} s where s.subject_type = 'COMPLAINT' and s.subject_id = ${complaints}.id)`,
          })
          .from(complaints)
          .where(eq(complaints.id, id))
      : [];
    if (!current || !(await customerLoader(ctx).load(current.complaint.customerId))) throw notFound(text('投诉', 'complaint'));
    const step = NEXT[current.complaint.status];
    if (!step || step.to !== input.to) {
      throw badInput(
        text(
          `投诉当前状态为 ${current.complaint.status}，下一步只能是 ${step?.to ?? '（已结束）'}`,
          `Complaint is ${current.complaint.status}; the next state can only be ${step?.to ?? '(none: closed)'}`,
        ),
        'to',
      );
    }
    const note = step.note ? checkText(input.note ?? '', 'note', 2000) : undefined;
    if (step.to === 'FEEDBACK_GIVEN') closingNeedsFeedback(current.rated === true || String(current.rated) === 'true', waiver);
    const [row] = await ctx.db
      .update(complaints)
      .set({
        status: step.to,
        [step.at]: ctx.now,
        ...(step.note ? { [step.note]: note } : {}),
        ...(waiver !== null ? { feedbackWaivedReason: waiver } : {}),
        version: sql`${complaints.version} + 1`,
      })
      .where(and(eq(complaints.id, current.complaint.id), eq(complaints.version, input.version), eq(complaints.status, current.complaint.status)))
      .returning();
    if (!row) throw conflict(text('投诉已被他人处理，请刷新后重试', 'The complaint changed meanwhile; reload and retry'));
    return { ...row, id: toGlobalId('Complaint', row.id) };
  }
}
