import { registerEnumType } from 'type-graphql';
import { text, type LocalizedText } from '../../i18n/localized.js';
import type { NextTier } from '../customers/classification.js';
import { beijingDay, beijingTimeOfDay } from '../common/beijing-time.js';

/** The kinds of work in a manager's queue. */
export const WORK_ITEM_KINDS = [
  'CONTACT_DUE',
  'CONTACT_OVERDUE',
  'DORMANT_REACTIVATION',
  'RISK_ASSESSMENT_EXPIRING',
  'RISK_ASSESSMENT_EXPIRED',
  'COMPLAINT_OPEN',
  'COOLING_OFF_ENDING',
  'PRODUCT_MATURING',
  'NEAR_NEXT_TIER',
  'UNASSIGNED',
  'LEAD_NEW',
  'LEAD_FEEDBACK_OVERDUE',
  'CUSTOMER_AT_BRANCH',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export enum WorkItemKindEnum {
  CONTACT_DUE = 'CONTACT_DUE',
  CONTACT_OVERDUE = 'CONTACT_OVERDUE',
  DORMANT_REACTIVATION = 'DORMANT_REACTIVATION',
  RISK_ASSESSMENT_EXPIRING = 'RISK_ASSESSMENT_EXPIRING',
  RISK_ASSESSMENT_EXPIRED = 'RISK_ASSESSMENT_EXPIRED',
  COMPLAINT_OPEN = 'COMPLAINT_OPEN',
  COOLING_OFF_ENDING = 'COOLING_OFF_ENDING',
  PRODUCT_MATURING = 'PRODUCT_MATURING',
  NEAR_NEXT_TIER = 'NEAR_NEXT_TIER',
  UNASSIGNED = 'UNASSIGNED',
  LEAD_NEW = 'LEAD_NEW',
  LEAD_FEEDBACK_OVERDUE = 'LEAD_FEEDBACK_OVERDUE',
  CUSTOMER_AT_BRANCH = 'CUSTOMER_AT_BRANCH',
  LINE_ITEM = 'LINE_ITEM',
}

/** What the queue may be asked for: the host's kinds and the product lines' items. */
export type QueueKind = WorkItemKind | 'LINE_ITEM';
export const QUEUE_KINDS: readonly QueueKind[] = [...WORK_ITEM_KINDS, 'LINE_ITEM'];

registerEnumType(WorkItemKindEnum, {
  name: 'WorkItemKind',
  description: "客户经理待办类型 / Kind of work in a manager's queue (look-ahead and priority: setting core.workQueue)",
  valuesConfig: {
    CONTACT_DUE: { description: 'The contact plan falls due within contactDueWithinDays (not yet overdue); not for dormant customers.' },
    CONTACT_OVERDUE: { description: "The contact plan's nextDueAt has passed; not for dormant customers." },
    DORMANT_REACTIVATION: { description: 'A DORMANT customer whose (reactivation) contact is due within contactDueWithinDays or overdue.' },
    RISK_ASSESSMENT_EXPIRING: { description: 'The newest risk assessment expires within assessmentExpiringWithinDays.' },
    RISK_ASSESSMENT_EXPIRED: { description: 'The newest risk assessment has expired (riskProfile.expired).' },
    COMPLAINT_OPEN: { description: 'A complaint without feedback past its respondBy (Complaint.overdue); one item per complaint.' },
    COOLING_OFF_ENDING: { description: 'A pending order whose cooling-off period ends within coolingOffEndingWithinHours; one item per order.' },
    PRODUCT_MATURING: {
      description:
        "An open position that matures within productMaturingWithinDays: its attributes carry `maturesAt` (a line's product detail, copied into the position when booked), an instant as ISO 8601 UTC with milliseconds (2027-01-31T16:00:00.000Z); one item per position.",
    },
    NEAR_NEXT_TIER: {
      description:
        'A customer within setting core.nearNextTier of the tier above theirs (临界区间客户拓展上移): exactly the customers of `customers(filter: { nearNextTier: true })`, on the valuation snapshot; one item per customer. ' +
        "Due at the start of the bank's day (China) the queue is read on, so pages of one day page consistently; the explanation names the next tier and the gap (as Customer.nextTier, on the snapshot).",
    },
    UNASSIGNED: {
      description:
        "A customer of the manager's branch without a manager; only for branch managers and head office (the same customers appear in the queue of every manager of the branch).",
    },
    LEAD_NEW: {
      description:
        'A lead the manager holds (DISTRIBUTED: claimed or distributed) awaiting feedback (信息反馈), due core.leads.feedbackDueDays after it was assigned; `lead` is set, `customer` null.',
    },
    LEAD_FEEDBACK_OVERDUE: {
      description: 'A lead the manager holds whose feedback is past due (assigned more than core.leads.feedbackDueDays ago, still DISTRIBUTED).',
    },
    CUSTOMER_AT_BRANCH: {
      description:
        'The customer was identified at a branch counter (identifyCustomer) within core.counter.visitNoticeHours: go and greet them; one item per visit, due when identified.',
    },
    LINE_ITEM: {
      description:
        "An item a product line raises about its own records (e.g. loans: LOANS_REPAYMENT_DUE, LOANS_OVERDUE): `lineKind` names it, `subjectId` is the record (a Loan…), priority from the line's settings.",
    },
  },
});

export interface WorkQueueSetting {
  contactDueWithinDays: number;
  assessmentExpiringWithinDays: number;
  coolingOffEndingWithinHours: number;
  productMaturingWithinDays: number;
  priorities: Record<WorkItemKind, number>;
}

const MEASURE_ZH = { ASSETS: '资产', CONTRIBUTION: '贡献' } as const;

/** What to do and why, in both languages (`next`: the next tier and gap, for NEAR_NEXT_TIER). */
export function explanationOf(kind: WorkItemKind, dueAt: Date, next?: NextTier | null): LocalizedText {
  const d = beijingDay(dueAt);
  switch (kind) {
    case 'NEAR_NEXT_TIER':
      if (!next) return text('客户临近上一等级，可拓展上移', 'Customer close to the next tier: grow the relationship');
      return text(
        `客户距 ${next.tier} 等级仅差 ${next.gap} 元（${MEASURE_ZH[next.basis]}），可拓展上移`,
        `Customer is ${next.gap} CNY of ${next.basis.toLowerCase()} short of ${next.tier}: grow the relationship`,
      );
    case 'CONTACT_DUE':
      return text(`按联系计划，应于 ${d} 前联系客户`, `The contact plan calls for a contact by ${d}`);
    case 'CONTACT_OVERDUE':
      return text(`联系计划已逾期：应于 ${d} 联系客户`, `Contact overdue: the plan called for one by ${d}`);
    case 'DORMANT_REACTIVATION':
      return text(`休眠客户，请于 ${d} 前致电唤醒`, `Dormant customer: reactivation call due by ${d}`);
    case 'RISK_ASSESSMENT_EXPIRING':
      return text(`风险测评将于 ${d} 到期，请安排重新测评`, `Risk assessment expires on ${d}: arrange a new one`);
    case 'RISK_ASSESSMENT_EXPIRED':
      return text(`风险测评已于 ${d} 过期，重新测评前不能销售需测评的产品`, `Risk assessment expired on ${d}: no sale that needs one until reassessed`);
    case 'COMPLAINT_OPEN':
      return text(`投诉已超过答复时限（${d}），尚未反馈客户`, `Complaint past its response deadline (${d}) without feedback`);
    case 'COOLING_OFF_ENDING':
      return text(`订单冷静期将于 ${d} 结束，请做好回访`, `The order's cooling-off period ends on ${d}: call the customer back`);
    case 'PRODUCT_MATURING':
      return text(
        `客户持有的产品将于 ${d} 到期，请提前沟通续作或赎回安排`,
        `A product the customer holds matures on ${d}: discuss reinvestment or redemption ahead`,
      );
    case 'UNASSIGNED':
      return text('网点客户尚未分配客户经理', 'Branch customer without a manager: assign one');
    case 'LEAD_NEW':
      return text(`新线索：请于 ${d} 前完成信息反馈`, `New lead: give feedback by ${d}`);
    case 'CUSTOMER_AT_BRANCH':
      return text(
        `客户于 ${beijingTimeOfDay(dueAt)} 在网点办理业务，请前往接待`,
        `The customer came to a branch counter at ${beijingTimeOfDay(dueAt)}: go and greet them`,
      );
    case 'LEAD_FEEDBACK_OVERDUE':
      return text(`线索反馈已逾期：应于 ${d} 前反馈`, `Lead feedback overdue: it was due by ${d}`);
  }
}
