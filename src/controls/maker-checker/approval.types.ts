import { GraphQLJSON } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { RoleEnum } from '../../domain/common/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { connectionTypes, Node } from '../../graphql/relay/types.js';
import { APPROVAL_ACTIONS } from './maker-checker.settings.js';

export enum ApprovalStatusEnum {
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalStatusEnum, {
  name: 'ApprovalStatus',
  description: '复核状态 / Where a held action stands',
  valuesConfig: {
    AWAITING_APPROVAL: { description: 'Made, validated and held: nothing has taken effect yet.' },
    APPROVED: { description: 'A second person approved it and it ran (re-validated at that moment).' },
    REJECTED: { description: 'A second person rejected it, with a reason; it never ran.' },
  },
});

export enum ApprovalActionEnum {
  CHANGE_SETTING = 'CHANGE_SETTING',
  CREATE_BUNDLE = 'CREATE_BUNDLE',
  UPDATE_BUNDLE = 'UPDATE_BUNDLE',
  RETIRE_BUNDLE = 'RETIRE_BUNDLE',
  CHANGE_MANAGER_GRADE = 'CHANGE_MANAGER_GRADE',
  ASSIGNMENT_OVERRIDE = 'ASSIGNMENT_OVERRIDE',
  ADJUST_POINTS = 'ADJUST_POINTS',
  PLACE_ORDER = 'PLACE_ORDER',
  PLACE_BUNDLE_ORDER = 'PLACE_BUNDLE_ORDER',
}
if (Object.keys(ApprovalActionEnum).join() !== APPROVAL_ACTIONS.join()) throw new Error('ApprovalActionEnum and APPROVAL_ACTIONS differ');
registerEnumType(ApprovalActionEnum, {
  name: 'ApprovalAction',
  description: '须复核的操作 / An action maker-checker can hold (bank setting core.makerChecker lists those it does)',
  valuesConfig: {
    CHANGE_SETTING: { description: 'changeSetting: a bank setting or the rules switched off.' },
    CREATE_BUNDLE: { description: 'createBundle.' },
    UPDATE_BUNDLE: { description: 'updateBundle: a new version of a bundle.' },
    RETIRE_BUNDLE: { description: 'retireBundle.' },
    CHANGE_MANAGER_GRADE: { description: 'changeManagerGrade.' },
    ASSIGNMENT_OVERRIDE: { description: "assignManager with an overrideReason: a manager below the grade the customer's tier needs." },
    ADJUST_POINTS: { description: 'adjustPoints.' },
    PLACE_ORDER: { description: 'placeOrder for at least core.makerChecker.orderAmountFromCny (in CNY at the reference rate).' },
    PLACE_BUNDLE_ORDER: {
      description: "placeBundleOrder whose items' amounts come to at least core.makerChecker.orderAmountFromCny (in CNY at the reference rate).",
    },
  },
});

@ObjectType('ApprovalParty', { description: 'Who made or decided a held action.' })
export class ApprovalParty {
  @Field(() => String, { description: "The principal's subject (JWT sub)." }) subject!: string;
  @Field(() => RoleEnum, { description: 'Their role when they acted.' }) role!: string;
}

@ObjectType('Approval', {
  implements: Node,
  description:
    '双人复核 / A sensitive action one person made, held until a second person approves it (then it runs, re-validated against the state of that moment) or rejects it. ' +
    'Seen by checkers in their scope, by its maker, and by auditors.',
})
export class Approval extends Node {
  @Field(() => ApprovalStatusEnum, { description: 'Where it stands.' }) status!: string;
  @Field(() => ApprovalActionEnum, { description: 'The action held.' }) action!: string;
  @Field(() => String, { description: 'What it changes: a node type (Customer, Bundle, CustomerManager…) or Setting.' }) targetType!: string;
  @Field(() => String, { description: "The target: a global id, a setting key, or a new bundle's code." }) targetId!: string;
  @Field(() => GraphQLJSON, { description: 'The validated input, exactly as it runs once approved.' }) input!: unknown;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved or rejected.' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "REJECTED: the checker's reason." }) reason!: string | null;
}
export const { Connection: ApprovalConnection } = connectionTypes('Approval', () => Approval);

@InputType('ApprovalFilter', { description: 'Which approvals to list (within what the caller sees).' })
export class ApprovalFilter {
  @Field(() => ApprovalStatusEnum, { nullable: true, description: "Only in this status (checkers' inbox: AWAITING_APPROVAL)." }) status?: string;
  @Field(() => ApprovalActionEnum, { nullable: true, description: 'Only this action.' }) action?: string;
  @Field(() => Boolean, { nullable: true, description: "true: only those the caller made; false: only others'." }) mine?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only those of this branch.' }) branchId?: string;
}

/**
 * What a mutation maker-checker may hold returns: what it made, or the Approval holding it. `T` is the
 * mutation's own result type; an approval row is told apart by its maker.
 */
export function heldOr(name: string, description: string, made: () => ClassType, madeTypeName: string) {
  return createUnionType({
    name,
    description,
    types: () => [made(), Approval] as const,
    resolveType: (value) => ('makerSubject' in (value as object) ? 'Approval' : madeTypeName),
  });
}
