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
  valuesConfig: {
    LOSES: { description: 'The customer could be recommended the product today (ALLOW/WARN) and no longer could (REQUIRE/BLOCK).' },
    GAINS: { description: 'The customer could not be recommended the product today (REQUIRE/BLOCK) and could under the proposal (ALLOW/WARN).' },
    CHANGES: { description: 'Same side either way, but another outcome (ALLOW ↔ WARN, REQUIRE ↔ BLOCK) or other reasons.' },
  },
});

export enum ImpactStatusEnum {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImpactStatusEnum, {
  name: 'ImpactStatus',
  description: 'The run: RUNNING (progress moves), DONE (figures final), FAILED (error says why).',
  valuesConfig: {
    RUNNING: { description: 'Being computed: progress moves; the figures are not final.' },
    DONE: { description: 'Finished: the figures are final (and the report may back a changeSetting).' },
    FAILED: { description: 'Stopped on an error: `error` says why.' },
  },
});

@InputType('SettingValueInput', { description: "A bank setting and a proposed value (validated against the setting's schema)." })
export class SettingValueInput {
  @Field(() => String, { description: "The setting's key (e.g. core.tierThresholdsCny)." }) key!: string;
  @Field(() => GraphQLJSON, { description: "The proposed value, as JSON in the setting's shape." }) value!: unknown;
}

@InputType('PreviewRuleChangeInput', { description: 'A proposed change: setting values, rules to switch off or back on, and the instant to judge at.' })
export class PreviewRuleChangeInput {
  @Field(() => [SettingValueInput], { defaultValue: [], description: 'Settings to judge with a proposed value (each key once).' })
  settings!: SettingValueInput[];
  @Field(() => [String], { defaultValue: [], description: 'Rule ids to switch off (core.risk-matching…).' }) disableRules!: string[];
  @Field(() => [String], { defaultValue: [], description: 'Rule ids switched off today (core.disabledRules) to switch back on.' }) enableRules!: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Judge as of this instant (default: now), within a year of now.' }) asOf?: Date;
}

@InputType('ChangeSettingInput', { description: 'Applies a bank setting change an impact report previewed.' })
export class ChangeSettingInput {
  @Field(() => String, { description: "The setting's key." }) key!: string;
  @Field(() => GraphQLJSON, { description: "The new value, as JSON in the setting's shape: the value the impact report judged." }) value!: unknown;
  @Field(() => String, { description: 'Why, 1–500 characters (kept with the change).' }) reason!: string;
  @Field(() => ID, { description: 'The DONE ImpactReport whose proposal set this key to this value.' }) impactReportId!: string;
}

@ObjectType('ImpactProgress', { description: 'Customers evaluated so far.' })
export class ImpactProgress {
  @Field(() => Int, { description: 'Customers judged so far.' }) done!: number;
  @Field(() => Int, { description: 'Customers the run judges in all.' }) total!: number;
}

@ObjectType('ImpactCount', { description: 'How many customer × product pairs move each way, for one key (a line, branch or manager id).' })
export class ImpactCount {
  @Field(() => String, { description: 'What is counted: "all", a product line, a Branch or CustomerManager id, or "none".' }) key!: string;
  @Field(() => Int, { description: 'Pairs that LOSE eligibility.' }) loses!: number;
  @Field(() => Int, { description: 'Pairs that GAIN eligibility.' }) gains!: number;
  @Field(() => Int, { description: 'Pairs whose outcome or reasons CHANGE on the same side.' }) changes!: number;
}

@ObjectType('ImpactProductCount', { description: 'How many customers a product is lost to, won for, or changed for.' })
export class ImpactProductCount {
  @Field(() => Product, { nullable: true, description: 'The product; null when its line is no longer loaded.' }) product!: unknown;
  @Field(() => Int, { description: 'Customers who could no longer be recommended it.' }) loses!: number;
  @Field(() => Int, { description: 'Customers who could now be recommended it.' }) gains!: number;
  @Field(() => Int, { description: 'Customers for whom the outcome or reasons change on the same side.' }) changes!: number;
}

@ObjectType('ImpactBundle', { description: 'An active bundle with an item some customers would lose.' })
export class ImpactBundle {
  @Field(() => Bundle, { nullable: true, description: 'The bundle; null when it is no longer visible.' }) bundle!: unknown;
  @Field(() => Int, { description: 'Customers who would lose at least one of its items.' }) customersLosingAnItem!: number;
}

@ObjectType('ImpactEntry', { description: 'One customer × product whose eligibility changes, with the reason codes that appear and disappear.' })
export class ImpactEntry {
  @Field(() => ID, { description: 'The customer (Customer id).' }) customerId!: string;
  @Field(() => ID, { description: 'The product (Product id).' }) productId!: string;
  @Field(() => String, { description: "The product's line (a ProductLine code)." }) line!: string;
  @Field(() => ImpactDirectionEnum, { description: 'Which way the pair moves.' }) direction!: string;
  @Field(() => String, { description: 'Outcome today.' }) before!: string;
  @Field(() => String, { description: 'Outcome under the proposal.' }) after!: string;
  @Field(() => [String], { description: 'Reason codes given under the proposal and not today.' }) codesAdded!: string[];
  @Field(() => [String], { description: 'Reason codes given today and not under the proposal.' }) codesRemoved!: string[];
  @Field(() => ID, { nullable: true, description: "The customer's branch (Branch id)." }) branchId!: string | null;
  @Field(() => ID, { nullable: true, description: "The customer's manager (CustomerManager id); null: none assigned." }) managerId!: string | null;
}
export const { Connection: ImpactEntryConnection } = connectionTypes('ImpactEntry', () => ImpactEntry);

@ObjectType('ImpactReport', {
  implements: Node,
  description:
    '规则变更影响分析 / What a proposed rule or setting change would do to the whole book × the whole catalog, judged as eligibleProducts judges (a manager recommending at the counter), over one consistent snapshot. Head office and auditors only.',
})
export class ImpactReport extends Node {
  @Field(() => ImpactStatusEnum, { description: 'Where the run is.' }) status!: string;
  @Field(() => ImpactProgress, { description: 'Customers judged so far, of how many.' }) progress!: ImpactProgress;
  @Field(() => GraphQLJSONObject, { description: 'The proposal as asked.' }) proposal!: Record<string, unknown>;
  @Field(() => Int, { description: "The bank settings version today's decisions rest on." }) settingsVersion!: number;
  @Field(() => DateTimeScalar, { description: 'The instant the book is judged as of.' }) asOf!: Date;
  @Field(() => String, { description: 'Who asked for it (the subject).' }) requestedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When it was asked for.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the run ended (DONE or FAILED); null while RUNNING.' }) finishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'FAILED: why.' }) error!: string | null;
}

@ObjectType('SettingChange', { description: 'A bank setting change: who, why, before and after, and the impact report it rested on.' })
export class SettingChange {
  @Field(() => String, { description: "The setting's key." }) key!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in force before the change (the stored override, else the default in code).' })
  oldValue!: unknown;
  @Field(() => GraphQLJSON, { description: 'The value set.' }) newValue!: unknown;
  @Field(() => String, { description: 'Why, as given.' }) reason!: string;
  @Field(() => ID, { description: 'The ImpactReport that previewed the change.' }) impactReportId!: string;
  @Field(() => String, { description: 'Who changed it (the subject).' }) changedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When it was changed.' }) changedAt!: Date;
  @Field(() => Int, { description: 'The settings version it made (decision records cite it).' }) version!: number;
}
