import { sql } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { recordAudit } from '../../audit/record.js';
import { resultRows } from '../../db/result-rows.js';
import { satisfactionResponses } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { reachedOutcome } from '../customers/activity.js';
import { checkText } from '../customers/customer.validation.js';
import {
  COMMENT_MAX,
  RECOMMEND_MAX,
  RECOMMEND_MIN,
  SATISFACTION_SUBJECT_TYPES,
  SCORE_MAX,
  SCORE_MIN,
  SUBJECT_NODE_TYPE,
  type SatisfactionSubjectType,
} from './satisfaction.definitions.js';

/** What recordSatisfaction receives, before checks. */
export interface SatisfactionRequest {
  customerId: string;
  subject: { type: string; id: string };
  score: number;
  recommend?: number | null;
  comment?: string | null;
}

/** A request that passed every check that needs no statement. */
export interface CheckedSatisfaction {
  customerKey: number;
  subjectType: SatisfactionSubjectType;
  subjectKey: number;
  score: number;
  recommend: number | null;
  comment: string | null;
}

export type SatisfactionRow = typeof satisfactionResponses.$inferSelect;

/** Each subject type's name in Chinese, for messages. */
const SUBJECT_ZH: Readonly<Record<SatisfactionSubjectType, string>> = { CONTACT: '联系记录', COMPLAINT: '投诉', ORDER: '订单' };

/** Complaint states whose handling the customer can rate. */
const RATEABLE_COMPLAINT = ['HANDLED', 'FEEDBACK_GIVEN'];

/** Checks a request before any statement runs: ids' shapes, the scales, the comment. */
export function checkSatisfactionRequest(input: SatisfactionRequest): CheckedSatisfaction {
  const customerKey = numericIdOf(input.customerId, 'Customer');
  if (customerKey === null) throw badInput(text('customerId 不是有效的客户标识', 'customerId is not a customer id'), 'customerId');
  const type = input.subject?.type as SatisfactionSubjectType;
  if (!(SATISFACTION_SUBJECT_TYPES as readonly string[]).includes(type)) {
    throw badInput(
      text(`调查对象类型须为 ${SATISFACTION_SUBJECT_TYPES.join('/')}`, `subject.type must be one of ${SATISFACTION_SUBJECT_TYPES.join(', ')}`),
      'subject.type',
    );
  }
  const subjectKey = numericIdOf(input.subject.id, SUBJECT_NODE_TYPE[type]);
  if (subjectKey === null) {
    throw badInput(text(`subject.id 不是有效的${SUBJECT_ZH[type]}标识`, `subject.id is not a ${SUBJECT_NODE_TYPE[type]} id`), 'subject.id');
  }
  if (!Number.isInteger(input.score) || input.score < SCORE_MIN || input.score > SCORE_MAX) {
    throw badInput(text(`满意度评分须为 ${SCORE_MIN} 到 ${SCORE_MAX} 的整数`, `score must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`), 'score');
  }
  const recommend = input.recommend ?? null;
  if (recommend !== null && (!Number.isInteger(recommend) || recommend < RECOMMEND_MIN || recommend > RECOMMEND_MAX)) {
    throw badInput(
      text(`推荐意愿须为 ${RECOMMEND_MIN} 到 ${RECOMMEND_MAX} 的整数`, `recommend must be a whole number from ${RECOMMEND_MIN} to ${RECOMMEND_MAX}`),
      'recommend',
    );
  }
  const comment = input.comment == null ? null : checkText(input.comment, 'comment', COMMENT_MAX);
  return { customerKey, subjectType: type, subjectKey, score: input.score, recommend, comment };
}

/** The subject as the response needs it: whose it is, whether it can be rated, who was responsible. */
interface SubjectFacts {
  customerId: number;
  managerId: number | null;
  branchId: number | null;
  /** Contact outcome or complaint status: what decides whether it can be rated. */
  state: string | null;
}

/**
 * The subject's facts in one statement. Manager and branch responsible when it
 * happened: a contact's manager and the customer's branch; a complaint's as
 * recorded at filing; an order's seller, else the customer's manager and branch
 * of the last end-of-day close on or before the order's (Beijing) day, else
 * the customer's own now.
 */
async function subjectFacts(ctx: HostContext, type: SatisfactionSubjectType, key: number): Promise<SubjectFacts | null> {
  const query =
    type === 'CONTACT'
      ? sql`select k.customer_id, k.manager_id, c.branch_id, k.outcome as state from contacts k join customers c on c.id = k.customer_id where k.id = ${key}`
      : type === 'COMPLAINT'
        ? sql`select x.customer_id, x.manager_id, x.branch_id, x.status as state from complaints x where x.id = ${key}`
        : sql`select o.customer_id,
              coalesce(o.seller_manager_id, at_time.manager_id, c.manager_id) as manager_id,
              coalesce(o.seller_branch_id, at_time.branch_id, c.branch_id) as branch_id, null as state
            from orders o join customers c on c.id = o.customer_id
              left join lateral (select d.manager_id, d.branch_id from customer_day_closes d
                where d.customer_id = o.customer_id and d.day <= (o.placed_at at time zone 'UTC' + interval '8 hours')::date
                order by d.day desc limit 1) at_time on o.seller_manager_id is null or o.seller_branch_id is null
            where o.id = ${key}`;
  const [r] = resultRows(await ctx.db.execute(query));
  if (!r) return null;
  const num = (v: unknown) => (v == null ? null : Number(v));
  return { customerId: Number(r.customer_id), managerId: num(r.manager_id), branchId: num(r.branch_id), state: r.state == null ? null : String(r.state) };
}

/**
 * Records a customer's satisfaction with one of their contacts, complaints or
 * orders. Checks everything that needs no statement first; the customer must be
 * in the caller's book (else NOT_FOUND, like a missing one) and the subject the
 * customer's own and rateable (else BAD_USER_INPUT, whoever's it is). One
 * response per subject: the unique index decides (a second → CONFLICT). The
 * response and its audit entry (RECORD_SATISFACTION: subject, scores and whether
 * there is a comment — never the comment) are written in one transaction.
 */
export async function recordSatisfaction(ctx: HostContext, input: SatisfactionRequest): Promise<SatisfactionRow> {
  const checked = checkSatisfactionRequest(input);
  const customer = await customerLoader(ctx).load(checked.customerKey);
  if (!customer) throw notFound(text('客户', 'customer'));
  const facts = await subjectFacts(ctx, checked.subjectType, checked.subjectKey);
  // Someone else's subject and no subject at all answer alike: nothing about other customers leaks.
  if (!facts || facts.customerId !== customer.id) {
    throw badInput(
      text(
        `subject.id 不是该客户的${SUBJECT_ZH[checked.subjectType]}`,
        `subject.id is not one of this customer's ${SUBJECT_NODE_TYPE[checked.subjectType].toLowerCase()}s`,
      ),
      'subject.id',
    );
  }
  if (checked.subjectType === 'CONTACT' && !reachedOutcome(facts.state ?? '')) {
    throw badInput(text('该次联系未联系到客户，无法评价', 'That contact did not reach the customer; there is nothing to rate'), 'subject.id');
  }
  if (checked.subjectType === 'COMPLAINT' && !RATEABLE_COMPLAINT.includes(facts.state ?? '')) {
    throw badInput(text('投诉处理完毕（HANDLED）后才能评价', 'A complaint can be rated once it is HANDLED'), 'subject.id');
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(satisfactionResponses)
        .values({
          customerId: customer.id,
          subjectType: checked.subjectType,
          subjectId: checked.subjectKey,
          score: checked.score,
          recommend: checked.recommend,
          comment: checked.comment,
          managerId: facts.managerId,
          branchId: facts.branchId,
          recordedBy: ctx.principal.subject,
          recordedAt: ctx.now,
        })
        .returning();
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'SATISFACTION_RECORDED',
          targetType: 'SatisfactionResponse',
          targetId: toGlobalId('SatisfactionResponse', row!.id),
          // Never the comment: free text may hold personal data.
          details: {
            customerId: toGlobalId('Customer', customer.id),
            subjectType: checked.subjectType,
            subjectId: toGlobalId(SUBJECT_NODE_TYPE[checked.subjectType], checked.subjectKey),
            score: checked.score,
            recommend: checked.recommend,
            hasComment: checked.comment !== null,
          },
        },
      );
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict(
        text(
          `该${SUBJECT_ZH[checked.subjectType]}已有满意度记录`,
          `A satisfaction response for that ${SUBJECT_NODE_TYPE[checked.subjectType].toLowerCase()} is already recorded`,
        ),
      );
    }
    throw e;
  }
}
