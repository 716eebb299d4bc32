import { sql } from 'drizzle-orm';
import { bankDay, text, type LineWorkItems } from '../../../src/sdk/index.js';
import { loanInstalments, loans } from '../schema.js';
import { SETTING_REMINDERS, type ReminderSetting } from '../settings.js';

const DAY_MS = 86_400_000;

/**
 * 跟踪服务 in the manager's work queue: one item per open loan of the book, about its first
 * instalment not paid in full — LOANS_OVERDUE once its due date has passed (due then), else
 * LOANS_REPAYMENT_DUE when it falls due within loans.reminders.dueWithinDays (a reminder to call).
 */
export const loanWorkItems: LineWorkItems = {
  subjectType: 'Loan',
  kinds: {
    LOANS_OVERDUE: {
      priority: (s) => s.get<ReminderSetting>(SETTING_REMINDERS).priorities.LOANS_OVERDUE,
      explain: (d) => text(`贷款自 ${d} 起逾期：联系借款人催收并了解原因`, `Loan overdue since ${d}: contact the borrower to collect and learn why`),
    },
    LOANS_REPAYMENT_DUE: {
      priority: (s) => s.get<ReminderSetting>(SETTING_REMINDERS).priorities.LOANS_REPAYMENT_DUE,
      explain: (d) => text(`贷款于 ${d} 到期还款：提醒借款人备足还款资金`, `Loan instalment due on ${d}: remind the borrower to fund the repayment account`),
    },
  },
  sql(customersOfBook, now, settings) {
    const today = bankDay(now);
    const horizon = bankDay(new Date(now.getTime() + settings.get<ReminderSetting>(SETTING_REMINDERS).dueWithinDays * DAY_MS));
    // The first unpaid instalment of each open loan (repayments clear the oldest first); due at the start of its day in China.
    return sql`select x.customer_id, case when x.due_date < ${today}::date then 'LOANS_OVERDUE' else 'LOANS_REPAYMENT_DUE' end as kind, x.subject_id,
        (x.due_date::timestamp at time zone 'UTC') - interval '8 hours' as due_at
      from (select distinct on (l.id) l.customer_id, l.id as subject_id, i.due_date
        from ${loans} l join ${loanInstalments} i on i.loan_id = l.id and i.paid_at is null
        where l.status = 'ACTIVE' and l.customer_id in (${customersOfBook})
        order by l.id, i.n) x
      where x.due_date <= ${horizon}::date`;
  },
};
