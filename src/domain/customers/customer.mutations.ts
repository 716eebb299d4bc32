import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../app/runtime.js';
import { requireRole } from '../../auth/guards.js';
import { customerScope } from '../../access/scope.js';
import { customers, managers, riskAssessments } from '../../db/schema/index.js';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { CreateCustomerInput, RecordRiskAssessmentInput, UpdateCustomerInput } from './customer.inputs.js';
import type { CustomerRecord } from './customer.record.js';
import { Customer } from './customer.type.js';
import { checkAmount, checkBirthDate, checkPhone, checkText, isValidResidentId } from './customer.validation.js';

const customerNotFound = () => notFound(text('客户', 'customer'));

@Resolver()
export class CustomerMutationResolver {
  @Mutation(() => Customer, { description: 'Opens a customer record.' })
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: HostContext): Promise<CustomerRecord> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const p = ctx.principal;
    const branchId = numericIdOf(input.branchId, 'Branch');
    if (!branchId) throw badInput(text('网点编号无效', 'branchId is not a branch id'), 'branchId');
    let managerId = input.managerId ? numericIdOf(input.managerId, 'CustomerManager') : null;
    if (input.managerId && !managerId) throw badInput(text('客户经理编号无效', 'managerId is not a manager id'), 'managerId');
    if (p.role === 'RELATIONSHIP_MANAGER') {
      if (managerId && managerId !== p.managerId) throw forbidden();
      managerId = p.managerId!;
    }
    if (p.role === 'BRANCH_MANAGER' && branchId !== p.branchId) throw forbidden();
    const idNumber = input.idNumber.trim().toUpperCase();
    const birthDate = checkBirthDate(input.birthDate, ctx.now);
    if (input.idType === 'RESIDENT_ID' && !isValidResidentId(idNumber, birthDate)) {
      throw badInput(text('身份证号码无效或与出生日期不符', 'idNumber is not a valid resident ID for this birth date'), 'idNumber');
    }
    if (input.idType !== 'RESIDENT_ID' && !/^[A-Z0-9]{5,20}$/.test(idNumber)) {
      throw badInput(text('证件号码格式不正确', 'idNumber is not a valid document number'), 'idNumber');
    }
    if (!/^[A-Z]{2}$/.test(input.nationality)) throw badInput(text('国籍须为两位字母代码', 'nationality must be ISO 3166-1 alpha-2'), 'nationality');
    if (input.residency === 'ONSHORE' && input.nationality !== 'CN' && input.idType !== 'FOREIGN_PERMANENT_RESIDENT') {
      throw badInput(text('境内居民的国籍应为 CN', 'onshore residents have nationality CN'), 'nationality');
    }
    return ctx.db.transaction(async (tx) => {
      if (managerId) {
        const [m] = await tx.select().from(managers).where(eq(managers.id, managerId));
        if (!m || m.branchId !== branchId) throw badInput(text('客户经理不属于该网点', 'the manager does not belong to this branch'), 'managerId');
      }
      const personal = checkAmount(input.personalAnnualIncome, 'personalAnnualIncome');
      const [row] = await tx
        .insert(customers)
        .values({
          name: checkText(input.name, 'name', 60),
          idType: input.idType,
          idNumber,
          phone: checkPhone(input.phone),
          birthDate,
          gender: input.gender,
          residency: input.residency,
          nationality: input.nationality,
          occupation: checkText(input.occupation, 'occupation', 40),
          employerSector: checkText(input.employerSector, 'employerSector', 40),
          personalAnnualIncome: personal,
          householdAnnualIncome: checkAmount(input.householdAnnualIncome, 'householdAnnualIncome'),
          householdFinancialAssets: checkAmount(input.householdFinancialAssets, 'householdFinancialAssets'),
          incomeThreeYearAverage: checkAmount(input.incomeThreeYearAverage ?? personal, 'incomeThreeYearAverage'),
          student: input.student,
          legalCapacity: input.legalCapacity,
          branchId,
          managerId,
          idVerified: false,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      return row;
    });
  }

  @Mutation(() => Customer, { description: 'Changes a customer; fails with CONFLICT when `version` is stale.' })
  async updateCustomer(@Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput, @Ctx() ctx: HostContext): Promise<CustomerRecord> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE');
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
    if (input.idVerified != null) changes.idVerified = input.idVerified;
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
    throw conflict(text(`客户信息已被他人修改（当前版本 ${current.version}），请刷新后重试`, `The customer changed meanwhile (now version ${current.version}); reload and retry`), {
      currentVersion: current.version,
    });
  }

  @Mutation(() => Customer, { description: 'Records a risk assessment; the newest one becomes the risk profile.' })
  async recordRiskAssessment(@Arg('input', () => RecordRiskAssessmentInput) input: RecordRiskAssessmentInput, @Ctx() ctx: HostContext): Promise<CustomerRecord> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const id = numericIdOf(input.customerId, 'Customer');
    if (!id || !(await customerLoader(ctx).load(id))) throw customerNotFound();
    const assessedAt = input.assessedAt ?? ctx.now;
    if (assessedAt.getTime() > ctx.now.getTime() + 60_000) throw badInput(text('测评时间不能晚于当前时间', 'assessedAt cannot be in the future'), 'assessedAt');
    if (input.lowestCategory && input.level !== 'C1') throw badInput(text('最低类别客户的风险等级必须为 C1', 'lowest-category customers are C1'), 'lowestCategory');
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

  @Mutation(() => Customer, { description: 'Assigns a customer to a manager of their branch (branch head or head office).' })
  async assignManager(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('managerId', () => ID) managerId: string,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerRecord> {
    requireRole(ctx, 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const id = numericIdOf(customerId, 'Customer');
    const current = id ? await customerLoader(ctx).load(id) : null;
    if (!current) throw customerNotFound();
    const mId = numericIdOf(managerId, 'CustomerManager');
    const [m] = mId ? await ctx.db.select().from(managers).where(eq(managers.id, mId)) : [];
    if (!m) throw notFound(text('客户经理', 'relationship manager'));
    if (m.branchId !== current.branchId) throw badInput(text('客户经理须与客户属于同一网点', 'the manager must work at the customer’s branch'), 'managerId');
    const [row] = await ctx.db
      .update(customers)
      .set({ managerId: m.id, version: sql`${customers.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(customers.id, current.id), customerScope(ctx.principal)))
      .returning();
    return row;
  }
}
