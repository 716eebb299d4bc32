import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { GenderEnum, IdTypeEnum, InvestorTypeEnum, LegalCapacityEnum, ResidencyEnum, RiskLevelEnum, SaleChannelEnum } from '../common/enums.js';

@InputType('CreateCustomerInput', {
  description: 'A new customer (开户): identity, contact, declared income and assets, branch and manager. The identity starts unverified.',
})
export class CreateCustomerInput {
  @Field(() => String, { description: 'Name as on the ID, 1–60 characters.' }) name!: string;
  @Field(() => IdTypeEnum, { description: 'Type of the ID presented.' }) idType!: string;
  @Field(() => String, {
    description:
      'ID number: a resident ID must be valid (check digit) and match birthDate; other documents 5–20 letters or digits. Stored in full, shown masked.',
  })
  idNumber!: string;
  @Field(() => String, { description: 'Mobile number: 11 digits starting 13–19, or + and 7–15 digits. Shown masked.' }) phone!: string;
  @Field(() => DateScalar, { description: 'Date of birth (a past date, from 1900).' }) birthDate!: string;
  @Field(() => GenderEnum, { description: 'Gender.' }) gender!: string;
  @Field(() => ResidencyEnum, { defaultValue: 'ONSHORE', description: 'Residency (default ONSHORE).' }) residency!: string;
  @Field(() => String, {
    defaultValue: 'CN',
    description: 'Nationality, ISO 3166-1 alpha-2 (default CN; onshore residents are CN unless they hold a foreign permanent resident ID).',
  })
  nationality!: string;
  @Field(() => String, { description: 'Occupation, 1–40 characters.' }) occupation!: string;
  @Field(() => String, { description: "The employer's sector, 1–40 characters." }) employerSector!: string;
  @Field(() => DecimalScalar, { description: 'Personal annual income in CNY (non-negative).' }) personalAnnualIncome!: string;
  @Field(() => DecimalScalar, { description: 'Household annual income in CNY (non-negative).' }) householdAnnualIncome!: string;
  @Field(() => DecimalScalar, { description: 'Household financial assets in CNY (non-negative).' }) householdFinancialAssets!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Average annual income over the last three years, in CNY (professional-investor test); default: personalAnnualIncome.',
  })
  incomeThreeYearAverage?: string;
  @Field(() => Boolean, { defaultValue: false, description: 'The customer is a student (default false).' }) student!: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'A stable income (稳定收入); default: whether the personal income is positive. Suitability counts it only with a positive income on record.',
  })
  hasStableIncome?: boolean;
  @Field(() => LegalCapacityEnum, { defaultValue: 'FULL', description: 'Legal capacity (default FULL).' }) legalCapacity!: string;
  @Field(() => ID, { description: 'Branch; a relationship manager may only use their own.' }) branchId!: string;
  @Field(() => ID, { nullable: true, description: 'The manager to assign (of that branch); a relationship manager always assigns themselves. Omitted: none.' })
  managerId?: string;
}

@InputType('UpdateCustomerInput', { description: 'Changes to a customer; `version` must be the one you read.' })
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer.' }) id!: string;
  @Field(() => Int, { description: 'The version read (Customer.version): a stale one is refused (CONFLICT).' }) version!: number;
  @Field(() => String, { nullable: true, description: 'New name, 1–60 characters; omitted: unchanged (as every field below).' }) name?: string;
  @Field(() => String, { nullable: true, description: 'New mobile number (as in CreateCustomerInput.phone).' }) phone?: string;
  @Field(() => String, { nullable: true, description: 'New occupation, 1–40 characters.' }) occupation?: string;
  @Field(() => String, { nullable: true, description: 'New employer sector, 1–40 characters.' }) employerSector?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'New personal annual income, CNY.' }) personalAnnualIncome?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'New household annual income, CNY.' }) householdAnnualIncome?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'New household financial assets, CNY.' }) householdFinancialAssets?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'New three-year average annual income, CNY.' }) incomeThreeYearAverage?: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer is a student.' }) student?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Whether the customer has a stable income (稳定收入).' }) hasStableIncome?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only false (the document expired or was found wrong); true is refused — verifying is verifyCustomerIdentity, which records how and by whom.',
  })
  idVerified?: boolean;
  @Field(() => LegalCapacityEnum, { nullable: true, description: 'New legal capacity.' }) legalCapacity?: string;
}

@InputType('RecordRiskAssessmentInput', {
  description:
    "The result of a risk assessment questionnaire (风险测评); it becomes the customer's risk profile, valid for setting core.riskAssessmentValidityDays.",
})
export class RecordRiskAssessmentInput {
  @Field(() => ID, { description: 'The customer assessed.' }) customerId!: string;
  @Field(() => RiskLevelEnum, { description: 'The risk level the questionnaire gave.' }) level!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'In the lowest category (最低类别), who may never buy above their level; only with level C1.' })
  lowestCategory!: boolean;
  @Field(() => InvestorTypeEnum, { defaultValue: 'ORDINARY', description: 'Investor type (default ORDINARY).' }) investorType!: string;
  @Field(() => Int, { defaultValue: 0, description: 'Years of investment experience, 0–80.' }) experienceYears!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; never in the future.' }) assessedAt?: Date;
  @Field(() => SaleChannelEnum, { description: 'Where the assessment was taken.' }) channel!: string;
}
