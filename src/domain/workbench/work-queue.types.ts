import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes } from '../../graphql/relay/types.js';
import { Customer } from '../customers/customer.type.js';
import { WorkItemKindEnum } from './work-item-kinds.js';

@ObjectType('WorkItem', { description: "One piece of work in a manager's queue (客户经理工作台待办)." })
export class WorkItem {
  @Field(() => WorkItemKindEnum) kind!: string;
  @Field(() => Customer, { description: 'The customer the work is for.' }) customer!: unknown;
  @Field(() => DateTimeScalar, {
    description:
      'When it is due: the contact plan\'s nextDueAt, the assessment\'s expiry, the complaint\'s respondBy, the end of the cooling-off period, the position\'s maturesAt, (NEAR_NEXT_TIER) the start of the bank\'s day (China) the queue is read on, or (UNASSIGNED) when the customer was created.',
  })
  dueAt!: Date;
  @Field(() => Int, { description: 'Priority of the kind (setting core.workQueue.priorities); the queue is ranked by it, highest first, then by dueAt.' })
  priority!: number;
  @Field(() => String, { description: 'What to do and why, in the request\'s language (zh-CN or en).' }) explanation!: string;
}

export const { Connection: WorkItemConnection } = connectionTypes('WorkItem', () => WorkItem);
