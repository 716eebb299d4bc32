import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { Money } from '../common/money.type.js';
import { CreateCustomerInput } from '../customers/customer.inputs.js';
import { Customer } from '../customers/customer.type.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { LeadContactRoleEnum, LeadDistributionStrategyEnum, LeadSourceEnum, LeadStageEnum, ProspectKindEnum } from './lead.enums.js';

@ObjectType('LeadLocation', { description: 'Where the prospect is: district and WGS 84 coordinates (used by NEAREST distribution).' })
export class LeadLocation {
  @Field(() => String, { description: 'District (区县), as recorded.' }) district!: string;
  @Field(() => Float, { description: 'Latitude, degrees.' }) latitude!: number;
  @Field(() => Float, { description: 'Longitude, degrees.' }) longitude!: number;
}

@ObjectType('LeadProspect', { description: 'Who the lead is about. Personal data: the phone is masked except for the manager holding the lead.' })
export class LeadProspect {
  @Field(() => ProspectKindEnum, { description: 'PERSON or BUSINESS_OWNER.' }) kind!: string;
  @Field(() => String, { description: "The prospect's name." }) name!: string;
  @Field(() => String, { nullable: true, description: 'The company (BUSINESS_OWNER).' }) company!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone; masked (138****5678) unless you hold the lead.' }) phone!: string | null;
}

@ObjectType('LeadContactPerson', { description: 'A person found in feedback (信息反馈). Phone masked unless you hold the lead.' })
export class LeadContactPerson {
  @Field(() => LeadContactRoleEnum, { description: 'DECISION_MAKER (决策人员), INFORMANT (提供线索人员) or OPERATOR (具体操作人员).' }) role!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Title or position.' }) title!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone; masked unless you hold the lead.' }) phone!: string | null;
}

@ObjectType('LeadEvent', { description: 'One move of a lead: stages, the holder after it, who, when and why.' })
export class LeadEvent {
  @Field(() => LeadStageEnum, { nullable: true, description: 'The stage before (null: created).' }) fromStage!: string | null;
  @Field(() => LeadStageEnum, { description: 'The stage after.' }) toStage!: string;
  @Field(() => ID, { nullable: true, description: 'The manager holding the lead after the move.' }) managerId!: string | null;
  @Field(() => String, { description: 'Subject of whoever moved it.' }) actor!: string;
  @Field(() => String, { description: "Why: the caller's note, or the distribution's reason." }) reason!: string;
  @Field(() => DateTimeScalar, { description: 'When.' }) at!: Date;
}

@ObjectType('Lead', {
  implements: Node,
  description: 'A marketing lead (营销线索), before the prospect is a customer. Shared inside the bank only: partners never see leads.',
})
export class Lead extends Node {
  @Field(() => LeadSourceEnum, { description: 'Where it came from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'The source named (the developer, dealer, campaign…).' }) sourceDetail!: string | null;
  @Field(() => String, { description: 'Industry code (setting core.leadIndustries).' }) industry!: string;
  @Field(() => String, { description: "The industry's name in the request's language." }) industryName!: string;
  @Field(() => Money, { description: 'Estimated value to the bank (CNY).' }) estimatedValue!: Money;
  @Field(() => String, { description: 'Free notes.' }) notes!: string;
  @Field(() => LeadStageEnum, { description: 'Where it is in the information mechanism.' }) stage!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the current holder got it.' }) assignedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was converted.' }) convertedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was dropped.' }) dropReason!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was collected.' }) createdAt!: Date;
}

export const { Connection: LeadConnection } = connectionTypes('Lead', () => Lead);

@InputType('LeadFilter', { description: 'Filters for leads; all given must match.' })
export class LeadFilter {
  @Field(() => LeadStageEnum, { nullable: true, description: 'Only this stage.' }) stage?: string;
  @Field(() => ID, { nullable: true, description: 'Only leads held by this manager.' }) managerId?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: only leads nobody holds (the shared pool); false: only held ones.' }) unassigned?: boolean;
  @Field(() => ID, { nullable: true, description: "Only leads of this branch's pool." }) branchId?: string;
  @Field(() => String, { nullable: true, description: 'Only this industry code.' }) industry?: string;
  @Field(() => LeadSourceEnum, { nullable: true, description: 'Only this source.' }) source?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only leads collected at or after this instant.' }) createdAfter?: Date;
}

@InputType('LeadProspectInput', { description: 'The prospect.' })
export class LeadProspectInput {
  @Field(() => ProspectKindEnum, { description: 'A private person or a business owner.' }) kind!: string;
  @Field(() => String, { description: '1–60 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Required for BUSINESS_OWNER; 1–100 characters.' }) company?: string;
  @Field(() => String, { nullable: true, description: 'Mainland mobile number.' }) phone?: string;
}

@InputType('CreateLeadInput', { description: 'A lead collected (信息收集), into the pool of a branch.' })
export class CreateLeadInput {
  @Field(() => LeadSourceEnum, { description: 'Where the lead came from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'The source named, up to 100 characters.' }) sourceDetail?: string;
  @Field(() => ID, { nullable: true, description: 'The referring customer (CUSTOMER_REFERRAL; required for it), in your book.' }) referrerCustomerId?: string;
  @Field(() => LeadProspectInput, { description: 'Who the lead is about.' }) prospect!: LeadProspectInput;
  @Field(() => String, { description: 'Industry code of setting core.leadIndustries.' }) industry!: string;
  @Field(() => String, { description: 'District, 1–40 characters.' }) district!: string;
  @Field(() => Float, { description: 'Latitude, −90 to 90.' }) latitude!: number;
  @Field(() => Float, { description: 'Longitude, −180 to 180.' }) longitude!: number;
  @Field(() => DecimalScalar, { description: 'Estimated value, CNY, ≥ 0.' }) estimatedValue!: string;
  @Field(() => String, { nullable: true, description: 'Up to 1,000 characters.' }) notes?: string;
  @Field(() => ID, { nullable: true, description: 'The branch pool (default: yours; head office must give it).' }) branchId?: string;
}

@InputType('LeadContactPersonInput', { description: 'A person found in feedback.' })
export class LeadContactPersonInput {
  @Field(() => LeadContactRoleEnum, { description: "The person's part in the business." }) role!: string;
  @Field(() => String, { description: '1–60 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Up to 60 characters.' }) title?: string;
  @Field(() => String, { nullable: true, description: 'Mainland mobile number.' }) phone?: string;
}

@InputType('AdvanceLeadInput', { description: 'Moves a held lead one step forward: DISTRIBUTED → FEEDBACK (信息反馈) → REFINED (信息修补).' })
export class AdvanceLeadInput {
  @Field(() => ID, { description: 'The lead (held by the caller).' }) leadId!: string;
  @Field(() => LeadStageEnum, { description: 'FEEDBACK or REFINED: the stage right after the current one.' }) toStage!: string;
  @Field(() => String, { description: 'What was learnt, 1–1,000 characters (kept in the history).' }) note!: string;
  @Field(() => [LeadContactPersonInput], { nullable: true, description: 'People found (FEEDBACK requires at least one).' }) contacts?: LeadContactPersonInput[];
  @Field(() => DecimalScalar, { nullable: true, description: 'A revised estimated value (REFINED).' }) estimatedValue?: string;
}

@InputType('DropLeadInput', { description: 'Gives a lead up, with the reason.' })
export class DropLeadInput {
  @Field(() => ID, { description: 'The lead to give up.' }) leadId!: string;
  @Field(() => String, { description: '1–500 characters.' }) reason!: string;
}

@InputType('ConvertLeadInput', { description: '信息转换: links a lead to the customer it became, and optionally their first order.' })
export class ConvertLeadInput {
  @Field(() => ID, { description: 'The lead that became a customer.' }) leadId!: string;
  @Field(() => ID, { nullable: true, description: 'An existing customer in your book. Exactly one of customerId and newCustomer.' }) customerId?: string;
  @Field(() => CreateCustomerInput, {
    nullable: true,
    description: 'A customer to open for the prospect, in the same transaction as the conversion (as createCustomer would).',
  })
  newCustomer?: CreateCustomerInput;
  @Field(() => ID, { nullable: true, description: "The customer's first order, if any." }) orderId?: string;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' }) note?: string;
}

@InputType('DistributeLeadsInput', { description: 'Assigns leads of the pool to managers of your scope (信息发布 at the marketing meeting).' })
export class DistributeLeadsInput {
  @Field(() => [ID], { description: 'Leads in your scope, 1–10,000; those already held are reported, not moved.' }) leadIds!: string[];
  @Field(() => LeadDistributionStrategyEnum, { description: 'How to assign the leads.' }) strategy!: string;
  @Field(() => Int, { nullable: true, description: 'Open leads a manager may hold after this distribution (default setting core.leads.defaultCapacity).' })
  capacity?: number;
  @Field(() => String, { description: 'Idempotency key (8–100 printable characters): the same key and input return the first result.' })
  idempotencyKey!: string;
}

@ObjectType('LeadAssignment', { description: 'What distributeLeads did with one lead, and why.' })
export class LeadAssignment {
  @Field(() => Lead, { description: 'The lead.' }) lead!: Lead;
  @Field(() => CustomerManager, {
    nullable: true,
    description: 'Its holder after the distribution (null: published for claiming, or no manager could take it).',
  })
  manager!: unknown;
  @Field(() => String, { description: 'Why, in the request\'s language ("nearest: 2.3 km", "industry: 制造业", "capacity reached"…).' }) reason!: string;
}

export { Branch, Customer };
