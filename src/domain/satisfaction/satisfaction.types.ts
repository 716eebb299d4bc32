import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Node, PageInfo } from '../../graphql/relay/types.js';
import { SATISFACTION_SUBJECT_TYPES } from './satisfaction.definitions.js';

export enum SatisfactionSubjectTypeEnum {
  CONTACT = 'CONTACT',
  COMPLAINT = 'COMPLAINT',
  ORDER = 'ORDER',
}
// The enum and the list the service checks against must not drift apart.
if (Object.keys(SatisfactionSubjectTypeEnum).join() !== SATISFACTION_SUBJECT_TYPES.join())
  throw new Error('SatisfactionSubjectTypeEnum and SATISFACTION_SUBJECT_TYPES differ');
registerEnumType(SatisfactionSubjectTypeEnum, {
  name: 'SatisfactionSubjectType',
  description: '满意度调查对象 / What a satisfaction response is about',
  valuesConfig: {
    CONTACT: { description: 'A logged contact that reached the customer (outcome REACHED or FOLLOW_UP); the id is a Contact.' },
    COMPLAINT: { description: 'The handling of a complaint, once it is HANDLED or closed; the id is a Complaint.' },
    ORDER: { description: 'A sale: the id is an Order.' },
  },
});

@InputType('SatisfactionSubjectInput', { description: 'The contact, complaint or order the customer rates.' })
export class SatisfactionSubjectInput {
  @Field(() => SatisfactionSubjectTypeEnum, { description: 'What kind of subject it is.' }) type!: string;
  @Field(() => ID, { description: "The subject's global id (a Contact, Complaint or Order, as `type` says); it must be the customer's own." }) id!: string;
}

@InputType('RecordSatisfactionInput', {
  description: "客户满意度追踪调查 / One customer's answer to a satisfaction survey about one contact, complaint or order (one answer per subject).",
})
export class RecordSatisfactionInput {
  @Field(() => ID, { description: 'The customer who answered: a customer in your book (others are NOT_FOUND).' }) customerId!: string;
  @Field(() => SatisfactionSubjectInput, { description: 'What the answer is about.' }) subject!: SatisfactionSubjectInput;
  @Field(() => Int, { description: 'CSAT score, 1 (very dissatisfied) to 5 (very satisfied).' }) score!: number;
  @Field(() => Int, { nullable: true, description: 'How likely the customer is to recommend the bank, 0 to 10 (for NPS); omit when not asked.' })
  recommend?: number | null;
  @Field(() => String, {
    nullable: true,
    description: "The customer's own words, 1–500 characters; kept on the response and never written to the audit trail or a log.",
  })
  comment?: string | null;
}

@ObjectType('SatisfactionSubject', { description: 'What a satisfaction response is about.' })
export class SatisfactionSubject {
  @Field(() => SatisfactionSubjectTypeEnum, { description: 'A contact, a complaint or an order.' }) type!: string;
  @Field(() => ID, { description: 'The Contact, Complaint or Order (global id); read it with `node`.' }) id!: string;
}

@ObjectType('SatisfactionResponse', {
  implements: Node,
  description:
    "客户满意度 / A customer's satisfaction with one contact, complaint or order: a CSAT score (1–5) and, when asked, the likelihood to recommend " +
    '(0–10, for NPS). Visible to whoever sees the customer. The manager and branch are those responsible for the subject when it happened ' +
    "(contact: its manager and the customer's branch; complaint: as recorded at filing; order: the seller, else the customer's manager and branch at the time), " +
    'so a later reassignment does not move old scores between books.',
})
export class SatisfactionResponse extends Node {
  @Field(() => SatisfactionSubject, { description: 'What the response is about.' }) subject!: SatisfactionSubject;
  @Field(() => Int, { description: 'CSAT score, 1–5; 4 and 5 count as satisfied.' }) score!: number;
  @Field(() => Int, { nullable: true, description: 'Likelihood to recommend, 0–10 (9–10 promoter, 7–8 passive, 0–6 detractor); null when not asked.' })
  recommend!: number | null;
  @Field(() => String, { nullable: true, description: "The customer's comment, as recorded." }) comment!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded; the KPIs count it in the period holding this instant.' }) recordedAt!: Date;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) recordedBy!: string;
}

@ObjectType('SatisfactionResponseEdge', { description: 'One satisfaction response in a page.' })
export class SatisfactionResponseEdge {
  @Field(() => String, { description: 'Opaque cursor of this response, for `after` / `before`.' }) cursor!: string;
  @Field(() => SatisfactionResponse, { description: 'The response.' }) node!: SatisfactionResponse;
}

@ObjectType('SatisfactionResponseConnection', { description: "A page of a customer's satisfaction responses, newest first." })
export class SatisfactionResponseConnection {
  @Field(() => [SatisfactionResponseEdge], { description: 'The responses of this page.' }) edges!: SatisfactionResponseEdge[];
  @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to reach them.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: "All the customer's responses (counted only when asked for)." }) totalCount!: number;
}

@ArgsType()
export class SatisfactionPageArgs {
  @Field(() => Int, { nullable: true, description: 'Responses after `after` (default 20, max 100).' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the response to page after (pageInfo.endCursor of the previous page).' }) after?:
    string | null;
  @Field(() => Int, { nullable: true, description: 'Responses before `before` (max 100).' }) last?: number | null;
  @Field(() => String, { nullable: true, description: 'The cursor of the response to page before (pageInfo.startCursor of the next page).' }) before?:
    string | null;
}
