import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { leadLoader } from '../leads/lead.loader.js';
import { Lead } from '../leads/lead.types.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes } from '../../graphql/relay/types.js';
import { Customer } from '../customers/customer.type.js';
import { WorkItemKindEnum } from './work-item-kinds.js';

@ObjectType('WorkItem', { description: "One piece of work in a manager's queue (客户经理工作台待办)." })
export class WorkItem {
  @Field(() => WorkItemKindEnum, { description: '待办类型 / What the work is (sets its priority and message).' }) kind!: string;
  @Field(() => Customer, {
    nullable: true,
    description: 'The customer the work is for; null for lead items (LEAD_NEW, LEAD_FEEDBACK_OVERDUE: no customer yet).',
  })
  customer!: unknown;
  @Field(() => String, {
    nullable: true,
    description: "LINE_ITEM: the line's kind of item (e.g. LOANS_REPAYMENT_DUE, LOANS_OVERDUE); null for the host's kinds.",
  })
  lineKind!: string | null;
  @Field(() => ID, { nullable: true, description: "LINE_ITEM: the record it is about (e.g. a Loan), resolvable with node(id); null for the host's kinds." })
  subjectId!: string | null;
  /** The lead of a lead item (resolved by WorkItemLeadResolver, batched). */
  leadId!: number | null;
  @Field(() => DateTimeScalar, {
    description:
      "When it is due: the contact plan's nextDueAt, the assessment's expiry, the complaint's respondBy, the end of the cooling-off period, the position's maturesAt, (lead items) the lead's feedback due date, (NEAR_NEXT_TIER) the start of the bank's day (China) the queue is read on, or (UNASSIGNED) when the customer was created.",
  })
  dueAt!: Date;
  @Field(() => Int, { description: 'Priority of the kind (setting core.workQueue.priorities); the queue is ranked by it, highest first, then by dueAt.' })
  priority!: number;
  @Field(() => String, { description: "What to do and why, in the request's language (zh-CN or en)." }) explanation!: string;
}

/** A lead item's lead: one statement for every lead item of the request, and only when selected. */
@Resolver(() => WorkItem)
export class WorkItemLeadResolver {
  @FieldResolver(() => Lead, { nullable: true, description: 'The lead (LEAD_NEW, LEAD_FEEDBACK_OVERDUE); null for the other kinds.' })
  lead(@Root() item: WorkItem, @Ctx() ctx: HostContext) {
    return item.leadId === null ? null : leadLoader(ctx).load(item.leadId);
  }
}

export const { Connection: WorkItemConnection } = connectionTypes('WorkItem', () => WorkItem);
