import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { ComplaintStatusEnum, ContactChannelEnum, ContactOutcomeEnum } from '../common/enums.js';
import { ComplaintCategoryEnum, ComplaintSeverityEnum } from '../complaints/complaint.enums.js';

@ObjectType('Contact', { implements: Node, description: '客户联系记录 / A logged contact with a customer (call, visit, message), by their manager or branch.' })
export class Contact extends Node {
  @Field(() => ContactChannelEnum, { description: '联系方式 / How the customer was contacted.' }) channel!: string;
  @Field(() => DateTimeScalar, { description: '联系时间 / When the contact took place (as logged; never in the future).' }) occurredAt!: Date;
  @Field(() => String, { description: '联系摘要 / What was discussed, as the manager wrote it (up to 500 characters).' }) summary!: string;
  @Field(() => ContactOutcomeEnum, { description: '联系结果 / How the contact ended.' }) outcome!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When to contact the customer next: as given, else the contact plan's next due date as of this contact.",
  })
  nextContactAt!: Date | null;
  @Field(() => Boolean, { description: 'Whether the contact reached the customer: outcome REACHED or FOLLOW_UP (NO_ANSWER and DECLINED did not).' })
  reached!: boolean;
}

@ObjectType('Complaint', {
  implements: Node,
  description: '客户投诉 / A complaint; its status moves RECORDED → ACCEPTED → ANALYSED → HANDLED → FEEDBACK_GIVEN.',
})
export class Complaint extends Node {
  @Field(() => ComplaintCategoryEnum, { description: '投诉类别 / What the complaint is about.' }) category!: string;
  @Field(() => String, { description: "投诉内容 / The complaint in the customer's words, as recorded (up to 2,000 characters)." }) description!: string;
  @Field(() => ComplaintStatusEnum, { description: '处理状态 / Where the complaint is in its handling.' }) status!: string;
  @Field(() => DateTimeScalar, { description: '登记时间 / When the complaint was filed.' }) recordedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '受理时间 / When it was accepted; null before.' }) acceptedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '分析完成时间 / When its cause was analysed; null before.' }) analysedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '处理完成时间 / When it was handled (resolved); null before.' }) handledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '反馈时间 / When the customer was given the outcome (the complaint closed); null before.' })
  feedbackAt!: Date | null;
  @Field(() => String, { nullable: true, description: '原因分析 / The analysis written at the step to ANALYSED; null before.' }) analysis!: string | null;
  @Field(() => String, { nullable: true, description: '处理结果 / The resolution written at the step to HANDLED; null before.' }) resolution!: string | null;
  @Field(() => String, { nullable: true, description: '反馈内容 / What the customer was told, written at the step to FEEDBACK_GIVEN; null before.' })
  feedback!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Why the complaint was closed without the customer's feedback on its handling (unreachable, declined…), as given when it was closed; null when the feedback was recorded (see satisfaction).",
  })
  feedbackWaivedReason!: string | null;
  @Field(() => Int, { description: 'Optimistic-concurrency version.' }) version!: number;
  @Field(() => ComplaintSeverityEnum, { description: 'Severity given at filing; it sets the response target.' }) severity!: string;
  @Field(() => DateTimeScalar, {
    description:
      'Deadline to answer the complainant: recordedAt + the response target of the severity (setting core.complaintResponseHours, as in force at filing).',
  })
  respondBy!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the complaint was last escalated.' }) escalatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was last escalated.' }) escalationReason!: string | null;
}

export const { Connection: ContactConnection } = connectionTypes('Contact', () => Contact);
export const { Connection: ComplaintConnection } = connectionTypes('Complaint', () => Complaint);
