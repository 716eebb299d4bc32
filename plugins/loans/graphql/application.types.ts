import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, Money, Node } from '../../../src/sdk/index.js';
import { RepaymentMethod } from './product.type.js';

export enum LoanApplicationStage {
  APPLIED = 'APPLIED',
  INVESTIGATED = 'INVESTIGATED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  DISBURSED = 'DISBURSED',
}
registerEnumType(LoanApplicationStage, {
  name: 'LoanApplicationStage',
  description: '贷款申请阶段（调查与成交）/ Stage of a loan application',
  valuesConfig: {
    APPLIED: { description: 'Applied for; the rules found nothing that blocks it (steps may be outstanding).' },
    INVESTIGATED: { description: '调查: the interview and the documents recorded by the investigating officer.' },
    APPROVED: { description: 'Approved (possibly with changed terms) by someone who neither marketed nor investigated it, within their authority.' },
    DECLINED: { description: 'Declined, with the reason.' },
    DISBURSED: { description: '放款: paid out; the loan (`loan`) carries the schedule from here (跟踪服务).' },
  },
});

export enum LoanApplicationSource {
  LEAD = 'LEAD',
  WEALTH_CENTER = 'WEALTH_CENTER',
  BRANCH = 'BRANCH',
  ONLINE = 'ONLINE',
}
registerEnumType(LoanApplicationSource, {
  name: 'LoanApplicationSource',
  description: 'Where the application came from: a lead (a property developer, a car dealer…), the wealth centre, the branch counter, online.',
  valuesConfig: {
    LEAD: { description: '营销线索 / From a lead (a property developer, a car dealer…); leadId names it.' },
    WEALTH_CENTER: { description: '理财中心 / At a branch wealth centre.' },
    BRANCH: { description: '网点柜面 / At a branch counter.' },
    ONLINE: { description: '线上 / Online or mobile banking.' },
  },
});

export enum LoanDecisionKind {
  APPROVE = 'APPROVE',
  APPROVE_WITH_CHANGES = 'APPROVE_WITH_CHANGES',
  DECLINE = 'DECLINE',
}
registerEnumType(LoanDecisionKind, {
  name: 'LoanDecisionKind',
  description: 'Approve as asked, approve with a changed amount or term, or decline.',
  valuesConfig: {
    APPROVE: { description: '批准 / Approve the amount and term applied for.' },
    APPROVE_WITH_CHANGES: { description: '调整后批准 / Approve a lower amount or another term (amount, termMonths).' },
    DECLINE: { description: '拒绝 / Decline, with the reason in the note.' },
  },
});

@ObjectType('LoanApplicationEvent', { description: 'One step of an application.' })
export class LoanApplicationEvent {
  @Field(() => LoanApplicationStage, { nullable: true, description: 'Stage before (null: applied).' }) fromStage!: string | null;
  @Field(() => LoanApplicationStage, { description: 'Stage after.' }) toStage!: string;
  @Field(() => String, { description: 'Subject of whoever took the step.' }) actor!: string;
  @Field(() => String, { description: 'The note given with it.' }) note!: string;
  @Field(() => ID, { nullable: true, description: 'The decision record the step produced (the rules as evaluated then).' }) decisionRecordId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When.' }) at!: Date;
}

@ObjectType('LoanApplication', {
  implements: Node,
  description: "贷款申请 / A loan application: terms, stage, each step's decision record and history. Visible exactly when its customer is.",
})
export class LoanApplication extends Node {
  @Field(() => Money, { description: 'The amount applied for.' }) amount!: Money;
  @Field(() => Int, { description: 'The term applied for, months.' }) termMonths!: number;
  @Field(() => RepaymentMethod, { description: '还款方式 / How the loan is to be repaid.' }) repaymentMethod!: string;
  @Field(() => String, { nullable: true, description: 'What it finances (consumer and business loans).' }) purpose!: string | null;
  @Field(() => LoanApplicationSource, { description: '申请来源 / Where the application came from.' }) source!: string;
  @Field(() => LoanApplicationStage, { description: '申请阶段 / Where the application is.' }) stage!: string;
  @Field(() => [String], { description: 'Steps recorded (CREDIT_REPORT_AUTHORISATION, FACE_TO_FACE_INTERVIEW).' }) completedSteps!: string[];
  @Field(() => String, { description: 'The outcome of the latest evaluation (ALLOW, WARN, REQUIRE, BLOCK).' }) outcome!: string;
  @Field(() => Money, { nullable: true, description: 'The approved amount (APPROVED).' }) approvedAmount!: Money | null;
  @Field(() => Int, { nullable: true, description: 'The approved term (APPROVED).' }) approvedTermMonths!: number | null;
  @Field(() => DateTimeScalar, { description: '申请时间 / When it was applied for.' }) createdAt!: Date;
}

@InputType('ApplyForLoanInput', { description: '识别销售 → 调查与成交: an application for a customer in your book.' })
export class ApplyForLoanInput {
  @Field(() => ID, { description: 'The borrower (a customer in your book).' }) customerId!: string;
  @Field(() => ID, { description: 'A LoanProduct.' }) productId!: string;
  @Field(() => DecimalScalar, { description: "The amount applied for, CNY (within the product's limits)." }) amount!: string;
  @Field(() => Int, { description: 'The term applied for, in months (one the product offers).' }) termMonths!: number;
  @Field(() => RepaymentMethod, { description: 'How it is to be repaid (one the product offers).' }) repaymentMethod!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Consumer and business loans: CAR, EDUCATION, RENOVATION, TRAVEL, DURABLES, MEDICAL, BUSINESS_OPERATIONS…',
  })
  purpose?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Housing: the property price.' }) propertyValue?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Monthly payments on debt elsewhere.' }) declaredMonthlyDebt?: string;
  @Field(() => Boolean, { nullable: true, description: 'Paid to the seller (受托支付).' }) entrustedPayment?: boolean;
  @Field(() => LoanApplicationSource, { description: 'Where the application came from.' }) source!: string;
  @Field(() => ID, { nullable: true, description: 'The lead it came from (source LEAD).' }) leadId?: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "Pledge loans: the Holding pledged (the customer's open position of a line the product accepts); locked against redemption from disbursement until the loan is settled.",
  })
  pledgedHoldingId?: string;
  @Field(() => String, { description: 'Idempotency key (8–100 printable characters): the same key and input return the first application.' })
  idempotencyKey!: string;
}

@InputType('RecordInvestigationInput', { description: '调查: the investigating officer records the interview and the documents.' })
export class RecordInvestigationInput {
  @Field(() => ID, { description: 'The LoanApplication investigated (stage APPLIED).' }) applicationId!: string;
  @Field(() => Boolean, { description: 'The borrower signed the credit-report authorisation (征信查询授权).' }) creditReportAuthorised!: boolean;
  @Field(() => Boolean, { description: 'The face-to-face interview (面谈) took place.' }) interviewed!: boolean;
  @Field(() => String, { description: 'Findings: income and documents verified, 1–1,000 characters.' }) findings!: string;
}

@InputType('DecideLoanInput', { description: 'The decision, by someone who neither marketed nor investigated the application, within their authority.' })
export class DecideLoanInput {
  @Field(() => ID, { description: 'The LoanApplication decided (stage INVESTIGATED).' }) applicationId!: string;
  @Field(() => LoanDecisionKind, { description: 'Approve, approve with changes, or decline.' }) decision!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'APPROVE_WITH_CHANGES: the approved amount (at most the amount applied for).' }) amount?: string;
  @Field(() => Int, { nullable: true, description: 'APPROVE_WITH_CHANGES: the approved term.' }) termMonths?: number;
  @Field(() => String, { description: 'Why, 1–1,000 characters.' }) note!: string;
}
