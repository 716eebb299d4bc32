import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, Money, Node } from '../../../src/sdk/index.js';
import { RepaymentMethod } from './product.type.js';

export enum LoanClassification {
  NORMAL = 'NORMAL',
  SPECIAL_MENTION = 'SPECIAL_MENTION',
  SUBSTANDARD = 'SUBSTANDARD',
  DOUBTFUL = 'DOUBTFUL',
  LOSS = 'LOSS',
}
registerEnumType(LoanClassification, {
  name: 'LoanClassification',
  description: '贷款五级分类 / Five-category loan classification, from days past due (setting loans.classification)',
  valuesConfig: {
    NORMAL: { description: '正常: nothing past due.' },
    SPECIAL_MENTION: { description: '关注: an instalment past due, up to substandardAfterDays (90).' },
    SUBSTANDARD: { description: '次级: past due more than substandardAfterDays (90).' },
    DOUBTFUL: { description: '可疑: past due more than doubtfulAfterDays (270).' },
    LOSS: { description: '损失: past due more than lossAfterDays (360).' },
  },
});

export enum LoanStatus {
  ACTIVE = 'ACTIVE',
  SETTLED = 'SETTLED',
}
registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'ACTIVE while anything is owed; SETTLED (结清) once every instalment is paid (a pledge is then released).',
  valuesConfig: {
    ACTIVE: { description: '还款中 / Something is still owed.' },
    SETTLED: { description: '已结清 / Every instalment is paid; a pledge is released.' },
  },
});

export enum LoanWarningCode {
  OVERDUE = 'OVERDUE',
  DEBT_TO_INCOME_ABOVE_LIMIT = 'DEBT_TO_INCOME_ABOVE_LIMIT',
  PLEDGE_COVER_BELOW = 'PLEDGE_COVER_BELOW',
}
registerEnumType(LoanWarningCode, {
  name: 'LoanWarningCode',
  description: '贷后预警信号 / Post-loan early-warning signal',
  valuesConfig: {
    OVERDUE: { description: 'An instalment is past due and unpaid.' },
    DEBT_TO_INCOME_ABOVE_LIMIT: {
      description:
        "The borrower's monthly debt service (this bank's open loans and debt declared elsewhere) is now above loans.debtToIncome.totalDebtMax of monthly income.",
    },
    PLEDGE_COVER_BELOW: { description: "The pledged position's market value ÷ the outstanding principal is below loans.pledge.warnCoverBelow." },
  },
});

@ObjectType('LoanInstalment', { description: '还款计划中的一期 / One instalment of the repayment schedule.' })
export class LoanInstalment {
  @Field(() => Int, { description: 'Its number, 1 … term.' }) n!: number;
  @Field(() => DateScalar, { description: 'Due on this bank day (China).' }) dueDate!: string;
  @Field(() => Money, { description: '本金 / Principal due with this instalment.' }) principal!: Money;
  @Field(() => Money, { description: '利息 / Interest due with this instalment.' }) interest!: Money;
  @Field(() => Money, { description: 'Principal + interest.' }) total!: Money;
  @Field(() => Money, { description: 'Paid of it so far.' }) paid!: Money;
  @Field(() => Boolean, { description: 'Past due and not paid in full.' }) overdue!: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was paid in full.' }) paidAt!: Date | null;
}

@ObjectType('LoanRepayment', { description: '一笔还款 / A repayment received, and what of the schedule it paid.' })
export class LoanRepayment {
  @Field(() => Money, { description: '还款金额 / The amount received.' }) amount!: Money;
  @Field(() => Money, { description: 'Of which principal.' }) principal!: Money;
  @Field(() => Money, { description: 'Of which interest.' }) interest!: Money;
  @Field(() => [Int], { description: 'The instalments it paid (in part or in full).' }) instalments!: number[];
  @Field(() => DateTimeScalar, { description: '还款时间 / When it was received.' }) paidAt!: Date;
}

@ObjectType('LoanWarning', { description: '贷后预警 / A post-loan early-warning signal with the figures it saw.' })
export class LoanWarning {
  @Field(() => LoanWarningCode, { description: '预警类型 / What the signal is.' }) code!: string;
  @Field(() => String, { description: "In the request's language." }) message!: string;
}

@ObjectType('Loan', {
  implements: Node,
  description:
    "贷款 / A disbursed loan: the customer's liability, its schedule, repayments, classification and warnings (跟踪服务). Visible exactly when its customer is.",
})
export class Loan extends Node {
  @Field(() => Money, { description: 'The principal paid out.' }) principal!: Money;
  @Field(() => Int, { description: '期限 / The term, in months, as approved.' }) termMonths!: number;
  @Field(() => RepaymentMethod, { description: '还款方式 / How it is repaid.' }) repaymentMethod!: string;
  @Field(() => DecimalScalar, { description: 'Annual interest rate, a fraction, as approved.' }) annualRate!: string;
  @Field(() => DateScalar, { description: 'The bank day it was paid out; instalments fall due on this day of each month.' }) disbursedOn!: string;
  @Field(() => LoanStatus, { description: '贷款状态 / Active or settled.' }) status!: string;
}

@InputType('DisburseLoanInput', { description: '放款: pays out an APPROVED application.' })
export class DisburseLoanInput {
  @Field(() => ID, { description: 'The approved LoanApplication.' }) applicationId!: string;
  @Field(() => String, { description: 'Idempotency key (8–100 printable characters): the same key returns the first disbursement.' }) idempotencyKey!: string;
}

@InputType('RecordRepaymentInput', { description: '还款: a repayment received for a loan.' })
export class RecordRepaymentInput {
  @Field(() => ID, { description: 'The Loan.' }) loanId!: string;
  @Field(() => DecimalScalar, { description: 'Amount received, CNY; at most what is still owed.' }) amount!: string;
  @Field(() => String, { description: 'Idempotency key (8–100 printable characters): the same key and input return the first booking.' })
  idempotencyKey!: string;
}
