import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes } from '../../graphql/relay/types.js';
import { ManagerGradeEnum } from '../common/enums.js';
import { CustomerManager } from './organisation.types.js';

@ObjectType('ManagerQualification', {
  description: 'A licence a manager holds to sell a line (基金销售资格, 保险代理资格, 黄金交易资格…).',
})
export class ManagerQualification {
  @Field(() => String, { description: 'What it licenses: FUND_SALES, INSURANCE_AGENT, GOLD_TRADING, or a kind a product line names in its manifest.' })
  kind!: string;
  @Field(() => String, { description: 'The certificate number issued by the regulator or industry association.' })
  number!: string;
  @Field(() => DateTimeScalar, { description: 'When it lapses.' })
  expiresAt!: Date;
  @Field(() => Boolean, {
    description: 'Not yet expired at the request instant (expiresAt is after now). Only a valid qualification lets its holder sell the line.',
  })
  valid!: boolean;
}

@ObjectType('ManagerGradeChange', { description: 'One change of a manager’s grade by head office, with its reason.' })
export class ManagerGradeChange {
  @Field(() => ManagerGradeEnum, { description: 'The grade before the change.' }) fromGrade!: string;
  @Field(() => ManagerGradeEnum, { description: 'The grade after the change.' }) toGrade!: string;
  @Field(() => String, { description: 'The written reason head office gave.' }) reason!: string;
  @Field(() => String, { description: 'Subject of the head-office user who made the change.' }) changedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When it was made.' }) changedAt!: Date;
}

@InputType('ManagerFilter', { description: 'Filters for the manager roster; all given filters must match.' })
export class ManagerFilter {
  @Field(() => ID, { nullable: true, description: 'Only managers of this branch.' }) branchId?: string;
  @Field(() => ManagerGradeEnum, { nullable: true, description: 'Only managers of this grade.' }) grade?: string;
}

export const { Connection: CustomerManagerConnection } = connectionTypes('CustomerManager', () => CustomerManager);
