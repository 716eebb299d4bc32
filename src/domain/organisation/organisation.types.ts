import { Field, Float, ObjectType } from 'type-graphql';
import type { branches, managers } from '../../db/schema/index.js';
import { Node } from '../../graphql/relay/types.js';
import { ManagerGradeEnum } from '../common/enums.js';

export type BranchRow = typeof branches.$inferSelect;
export type ManagerRow = typeof managers.$inferSelect;

@ObjectType('Branch', { implements: Node, description: 'A branch (网点).' })
export class Branch extends Node {
  @Field(() => String, { description: "网点代码 / The branch's code in the bank." }) code!: string;
  @Field(() => String, { description: "网点名称 / The branch's name in the request language." }) name!: string;
  @Field(() => String, { description: "中文名称 / The branch's Chinese name." }) nameZh!: string;
  @Field(() => String, { description: "英文名称 / The branch's English name." }) nameEn!: string;
  @Field(() => String, { description: '所在城市 / The city the branch is in.' }) city!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Latitude (WGS 84) of the branch, for NEAREST lead distribution; null: not set (the branch gets no nearest-branch leads).',
  })
  latitude!: number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84).' }) longitude!: number | null;
}

@ObjectType('CustomerManager', { implements: Node, description: 'A customer manager (客户经理).' })
export class CustomerManager extends Node {
  @Field(() => String, { description: "员工编号 / The manager's staff code." }) code!: string;
  @Field(() => String, { description: "姓名 / The manager's name." }) name!: string;
  @Field(() => ManagerGradeEnum, {
    description:
      'Grade (JUNIOR < INTERMEDIATE < SENIOR < PRINCIPAL); a customer of a tier needs at least the grade of setting core.minimumManagerGradeByTier (对等配置).',
  })
  grade!: string;
  @Field(() => Branch, { description: '所属网点 / The branch the manager works at.' }) branch!: Branch;
  @Field(() => [String], {
    description: 'Industry codes (core.leadIndustries) the manager covers for lead distribution (行业归类); set by setManagerIndustries.',
  })
  industries!: string[];
}
