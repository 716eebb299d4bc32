import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bundle } from '../bundles/bundle.types.js';
import { Product } from '../domain/products/product.interface.js';
import { connectionTypes, Node } from '../graphql/relay/types.js';
import { DateTimeScalar } from '../graphql/scalars.js';

export enum ImpactDirectionEnum {
  LOSES = 'LOSES',
  GAINS = 'GAINS',
  CHANGES = 'CHANGES',
}
registerEnumType(ImpactDirectionEnum, {
  name: 'ImpactDirection',
  description: 'LOSES: ALLOW/WARN → REQUIRE/BLOCK; GAINS: REQUIRE/BLOCK → ALLOW/WARN; CHANGES: same side, another outcome or other reasons.',
});

export enum ImpactStatusEnum {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImpactStatusEnum, { name: 'ImpactStatus', description: 'The run: RUNNING (progress moves), DONE (figures final), FAILED (error says why).' });

@InputType('SettingValueInput', { description: 'A bank setting and a proposed value (validated against the setting\'s schema).' })
export class SettingValueInput {
  @Field(() => String) key!: string;
  @Field(() => GraphQLJSON) value!: unknown;
}

@InputType('PreviewRuleChangeInput', { description: 'A proposed change: setting values, rules to switch off or back on, and the instant to judge at.' })
export class PreviewRuleChangeInput {
  @Field(() => [SettingValueInput], { defaultValue: [] }) settings!: SettingValueInput[];
  @Field(() => [String], { defaultValue: [], description: 'Rule ids to switch off (core.risk-matching…).' }) disableRules!: string[];
  @Field(() => [String], { defaultValue: [], description: 'Rule ids switched off today (core.disabledRules) to switch back on.' }) enableRules!: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Judge as of this instant (default: now), within a year of now.' }) asOf?: Date;
}

@InputType('ChangeSettingInput', { description: 'Applies a bank setting change an impact report previewed.' })
export class ChangeSettingInput {
  @Field(() => String) key!: string;
  @Field(() => GraphQLJSON) value!: unknown;
  @Field(() => String, { description: 'Why, 1–500 characters (kept with the change).' }) reason!: string;
  @Field(() => ID, { description: 'The DONE ImpactReport whose proposal set this key to this value.' }) impactReportId!: string;
}

@ObjectType('ImpactProgress', { description: 'Customers evaluated so far.' })
export class ImpactProgress {
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
}

@ObjectType('ImpactCount', { description: 'How many customer × product pairs move each way, for one key (a line, branch or manager id).' })
export class ImpactCount {
  @Field(() => String) key!: string;
  @Field(() => Int) loses!: number;
  @Field(() => Int) gains!: number;
  @Field(() => Int) changes!: number;
}

@ObjectType('ImpactProductCount', { description: 'How many customers a product is lost to, won for, or changed for.' })
export class ImpactProductCount {
  @Field(() => Product, { nullable: true }) product!: unknown;
  @Field(() => Int) loses!: number;
  @Field(() => Int) gains!: number;
  @Field(() => Int) changes!: number;
}

@ObjectType('ImpactBundle', { description: 'An active bundle with an item some customers would lose.' })
export class ImpactBundle {
  @Field(() => Bundle, { nullable: true }) bundle!: unknown;
  @Field(() => Int, { description: 'Customers who would lose at least one of its items.' }) customersLosingAnItem!: number;
}

@ObjectType('ImpactEntry', { description: 'One customer × product whose eligibility changes, with the reason codes that appear and disappear.' })
export class ImpactEntry {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => String) line!: string;
  @Field(() => ImpactDirectionEnum) direction!: string;
  @Field(() => String, { description: 'Outcome today.' }) before!: string;
  @Field(() => String, { description: 'Outcome under the proposal.' }) after!: string;
  @Field(() => [String]) codesAdded!: string[];
  @Field(() => [String]) codesRemoved!: string[];
  @Field(() => ID, { nullable: true }) branchId!: string | null;
  @Field(() => ID, { nullable: true }) managerId!: string | null;
}
export const { Connection: ImpactEntryConnection } = connectionTypes('ImpactEntry', () => ImpactEntry);

@ObjectType('ImpactReport', {
  implements: Node,
  description:
    '规则变更影响分析 / What a proposed rule or setting change would do to the whole book × the whole catalog, judged as eligibleProducts judges (a manager recommending at the counter), over one consistent snapshot. Head office and auditors only.',
})
export class ImpactReport extends Node {
  @Field(() => ImpactStatusEnum) status!: string;
  @Field(() => ImpactProgress) progress!: ImpactProgress;
  @Field(() => GraphQLJSONObject, { description: 'The proposal as asked.' }) proposal!: Record<string, unknown>;
  @Field(() => Int, { description: 'The bank settings version today\'s decisions rest on.' }) settingsVersion!: number;
  @Field(() => DateTimeScalar) asOf!: Date;
  @Field(() => String) requestedBy!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'FAILED: why.' }) error!: string | null;
}

@ObjectType('SettingChange', { description: 'A bank setting change: who, why, before and after, and the impact report it rested on.' })
export class SettingChange {
  @Field(() => String) key!: string;
  @Field(() => GraphQLJSON, { nullable: true }) oldValue!: unknown;
  @Field(() => GraphQLJSON) newValue!: unknown;
  @Field(() => String) reason!: string;
  @Field(() => ID) impactReportId!: string;
  @Field(() => String) changedBy!: string;
  @Field(() => DateTimeScalar) changedAt!: Date;
  @Field(() => Int, { description: 'The settings version it made (decision records cite it).' }) version!: number;
}
