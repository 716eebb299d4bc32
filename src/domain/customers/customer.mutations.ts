import { WRITER_ROLES } from '../../auth/principal.js';
import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { customerScope } from '../../access/scope.js';
import { customers, riskAssessments } from '../../db/schema/index.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { CreateCustomerInput, RecordRiskAssessmentInput, UpdateCustomerInput } from './customer.inputs.js';
import { insertCustomer, prepareCustomer } from './open-customer.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';
import { checkAmount, checkPhone, checkText } from './customer.validation.js';

import { assignManager } from './assign-manager.js';
import { heldOr } from '../../controls/maker-checker/approval.types.js';

const AssignManagerResult = heldOr(
  'AssignManagerResult',
  'The customer with the manager assigned, or the Approval holding an override (maker-checker).',
  () => Customer,
  'Customer',
);
const customerNotFound = () => notFound(text('客户', 'customer'));

@Resolver()
export class CustomerMutationResolver {
  @Mutation(() => Customer, { description: 'Opens a customer record.' })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput, { description: "The new customer's details." }) input: CreateCustomerInput,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerRecord> {
    requireRole(ctx, ...WRITER_ROLES);
    const prepared = prepareCustomer(ctx, input);
    return ctx.db.transaction((tx) => insertCustomer(tx, prepared));
  }

  @Mutation(() => Customer, { description: 'Changes a customer; fails with CONFLICT when `version` is stale.' })
  async updateCustomer(
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer, the version read and the fields to change.' }) input: UpdateCustomerInput,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerRecord> {
    requireRole(ctx, ...WRITER_ROLES);
    const id = numericIdOf(input.id, 'Customer');
    if (!id) throw customerNotFound();
    const changes: Partial<typeof customers.$inferInsert> = {};
    if (input.name != null) changes.name = checkText(input.name, 'name', 60);
    if (input.phone != null) changes.phone = checkPhone(input.phone);
    if (input.occupation != null) changes.occupation = checkText(input.occupation, 'occupation', 40);
    if (input.employerSector != null) changes.employerSector = checkText(input.employerSector, 'employerSector', 40);
    for (const k of ['personalAnnualIncome', 'householdAnnualIncome', 'householdFinancialAssets', 'incomeThreeYearAverage'] as const) {
      if (input[k] != null) changes[k] = checkAmount(input[k]!, k);
    }
    if (input.student != null) changes.student = input.student;
    if (input.hasStableIncome != null) changes.hasStableIncome = input.hasStableIncome;
    if (input.idVerified === true) {
      // Verification is a step with a record (who, how, when), not a flag anyone sets.
      throw badInput(
        text('身份核验请使用 verifyCustomerIdentity（记录核验方式与经办人）', 'Verify the identity with verifyCustomerIdentity (it records how and by whom)'),
        'idVerified',
      );
    }
    if (input.idVerified === false) changes.idVerified = false;
    if (input.legalCapacity != null) changes.legalCapacity = input.legalCapacity;
    if (Object.keys(changes).length === 0) throw badInput(text('没有需要修改的字段', 'nothing to change'));
    const [row] = await ctx.db
      .update(customers)
      .set({ ...changes, version: sql`${customers.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(customers.id, id), eq(customers.version, input.version), customerScope(ctx.principal)))
      .returning();
    if (row) return row;
    const current = await customerLoader(ctx).load(id);
    if (!current) throw customerNotFound();
    throw conflict(
      text(
        `客户信息已被他人修改（当前版本 ${current.version}），请刷新后重试`,
        `The customer changed meanwhile (now version ${current.version}); reload and retry`,
      ),
      {
        currentVersion: current.version,
      },
    );
  }

  @Mutation(() => Customer, { description: 'Records a risk assessment; the newest one becomes the risk profile.' })
  async recordRiskAssessment(
    @Arg('input', () => RecordRiskAssessmentInput, { description: "The assessment's result." }) input: RecordRiskAssessmentInput,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerRecord> {
    requireRole(ctx, ...WRITER_ROLES);
    const id = numericIdOf(input.customerId, 'Customer');
    if (!id || !(await customerLoader(ctx).load(id))) throw customerNotFound();
    const assessedAt = input.assessedAt ?? ctx.now;
    if (assessedAt.getTime() > ctx.now.getTime() + 60_000) throw badInput(text('测评时间不能晚于当前时间', 'assessedAt cannot be in the future'), 'assessedAt');
    if (input.lowestCategory && input.level !== 'C1')
      throw badInput(text('最低类别客户的风险等级必须为 C1', 'lowest-category customers are C1'), 'lowestCategory');
    if (!Number.isInteger(input.experienceYears) || input.experienceYears < 0 || input.experienceYears > 80) {
      throw badInput(text('投资经验年限无效', 'experienceYears must be 0 to 80'), 'experienceYears');
    }
    return ctx.db.transaction(async (tx) => {
      // Lock the customer so two assessments recorded at once leave the newest one mirrored.
      const [locked] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
      await tx.insert(riskAssessments).values({
        customerId: id,
        level: input.level,
        lowestCategory: input.lowestCategory,
        investorType: input.investorType,
        experienceYears: input.experienceYears,
        channel: input.channel,
        assessedAt,
        recordedBy: ctx.principal.subject,
      });
      const newer = !locked.riskAssessedAt || locked.riskAssessedAt.getTime() <= assessedAt.getTime();
      const [row] = await tx
        .update(customers)
        .set({
          ...(newer ? { riskLevel: input.level, riskAssessedAt: assessedAt, investorType: input.investorType } : {}),
          version: sql`${customers.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(eq(customers.id, id))
        .returning();
      return row;
    });
  }

  @Mutation(() => AssignManagerResult, {
    description:
      'Assigns a customer to a manager of their branch (branch manager of that branch, or head office), audited as MANAGER_ASSIGNMENT. ' +
      'A manager below the grade the customer’s current tier needs (setting core.minimumManagerGradeByTier, 对等配置) is refused with BAD_USER_INPUT naming that grade, ' +
      'unless head office gives overrideReason: then the assignment is made and audited as MANAGER_ASSIGNMENT_OVERRIDE with the reason. ' +
      'Confirming the manager the customer already has is never refused (nothing changes hands). A customer or manager outside your scope is NOT_FOUND. ' +
      'An override is held for a second person (an Approval) when core.makerChecker lists ASSIGNMENT_OVERRIDE.',
  })
  assignManager(
    @Arg('customerId', () => ID, { description: 'The customer to assign.' }) customerId: string,
    @Arg('managerId', () => ID, { description: 'The manager who takes the customer; must work at the customer’s branch.' }) managerId: string,
    @Ctx() ctx: HostContext,
    @Arg('overrideReason', () => String, {
      nullable: true,
      description:
        'Head office only: the written reason for assigning a manager below the required grade (1–500 characters, audited). Ignored when the grade suffices.',
    })
    overrideReason?: string | null,
  ) {
    return assignManager(ctx, { customerId, managerId, overrideReason: overrideReason ?? null });
  }
}
