import { Decimal } from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { customers, managers } from '../../db/schema/index.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import type { CreateCustomerInput } from './customer.inputs.js';
import type { CustomerRecord } from './customer.record.js';
import { checkAmount, checkBirthDate, checkPhone, checkText, isValidResidentId } from './customer.validation.js';

/** A new customer, checked and ready to insert: every check that needs no statement is done. */
export interface PreparedCustomer {
  values: typeof customers.$inferInsert;
  managerId: number | null;
  branchId: number;
}

/**
 * Checks a CreateCustomerInput for the caller (a relationship manager opens
 * customers for themselves, a branch manager in their branch) and builds the
 * row; throws BAD_USER_INPUT or FORBIDDEN before any statement runs. Used by
 * createCustomer and by convertLead (a lead that becomes a new customer).
 */
export function prepareCustomer(ctx: HostContext, input: CreateCustomerInput): PreparedCustomer {
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
  const personal = checkAmount(input.personalAnnualIncome, 'personalAnnualIncome');
  return {
    managerId,
    branchId,
    values: {
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
      // Never assumed: stated, or read from the income recorded.
      hasStableIncome: input.hasStableIncome ?? new Decimal(personal).gt(0),
      legalCapacity: input.legalCapacity,
      branchId,
      managerId,
      idVerified: false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  };
}

/** Inserts a prepared customer in `tx` (after checking the manager belongs to the branch). */
export async function insertCustomer(tx: Tx, c: PreparedCustomer): Promise<CustomerRecord> {
  const { managerId, branchId } = c;
  if (managerId) {
    const [m] = await tx.select().from(managers).where(eq(managers.id, managerId));
    if (!m || m.branchId !== branchId) throw badInput(text('客户经理不属于该网点', 'the manager does not belong to this branch'), 'managerId');
  }
  const [row] = await tx.insert(customers).values(c.values).returning();
  return row;
}
