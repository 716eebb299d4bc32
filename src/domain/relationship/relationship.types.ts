import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { ComplaintStatusEnum, ContactChannelEnum } from '../common/enums.js';
import { ComplaintSeverityEnum } from '../complaints/complaint.enums.js';

@ObjectType('Contact', { implements: Node, description: 'A logged contact with a customer.' })
export class Contact extends Node {
  @Field(() => ContactChannelEnum) channel!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  @Field(() => String) summary!: string;
  @Field(() => String, { description: 'REACHED, NO_ANSWER, FOLLOW_UP or DECLINED.' }) outcome!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When to contact the customer next: as given, else the contact plan\'s next due date as of this contact.' })
  nextContactAt!: Date | null;
  @Field(() => Boolean, { description: 'Whether the contact reached the customer: outcome REACHED or FOLLOW_UP (NO_ANSWER and DECLINED did not).' })
  reached!: boolean;
}

@ObjectType('Complaint', {
  implements: Node,
  description: 'A complaint; its status moves RECORDED → ACCEPTED → ANALYSED → HANDLED → FEEDBACK_GIVEN.',
})
export class Complaint extends Node {
  @Field(() => String) category!: string;
  @Field(() => String) description!: string;
  @Field(() => ComplaintStatusEnum) status!: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) analysedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) handledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) feedbackAt!: Date | null;
  @Field(() => String, { nullable: true }) analysis!: string | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => String, { nullable: true }) feedback!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Why the complaint was closed without the customer's feedback on its handling (unreachable, declined…), as given when it was closed; null when the feedback was recorded (see satisfaction).",
  })
  feedbackWaivedReason!: string | null;
  @Field(() => Int, { description: 'Optimistic-concurrency version.' }) version!: number;
  @Field(() => ComplaintSeverityEnum, { description: 'Severity given at filing; it sets the response target.' }) severity!: string;
  @Field(() => DateTimeScalar, {
    description: 'Deadline to answer the complainant: recordedAt + the response target of the severity (setting core.complaintResponseHours, as in force at filing).',
  })
  respondBy!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the complaint was last escalated.' }) escalatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was last escalated.' }) escalationReason!: string | null;
}

export const { Connection: ContactConnection } = connectionTypes('Contact', () => Contact);
export const { Connection: ComplaintConnection } = connectionTypes('Complaint', () => Complaint);
