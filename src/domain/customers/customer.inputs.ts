import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { GenderEnum, IdTypeEnum, InvestorTypeEnum, LegalCapacityEnum, ResidencyEnum, RiskLevelEnum, SaleChannelEnum } from '../common/enums.js';

@InputType('CreateCustomerInput')
export class CreateCustomerInput {
  @Field(() => String) name!: string;
  @Field(() => IdTypeEnum) idType!: string;
  @Field(() => String) idNumber!: string;
  @Field(() => String) phone!: string;
  @Field(() => DateScalar) birthDate!: string;
  @Field(() => GenderEnum) gender!: string;
  @Field(() => ResidencyEnum, { defaultValue: 'ONSHORE' }) residency!: string;
  @Field(() => String, { defaultValue: 'CN' }) nationality!: string;
  @Field(() => String) occupation!: string;
  @Field(() => String) employerSector!: string;
  @Field(() => DecimalScalar) personalAnnualIncome!: string;
  @Field(() => DecimalScalar) householdAnnualIncome!: string;
  @Field(() => DecimalScalar) householdFinancialAssets!: string;
  @Field(() => DecimalScalar, { nullable: true }) incomeThreeYearAverage?: string;
  @Field(() => Boolean, { defaultValue: false }) student!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'A stable income (稳定收入); default: whether the personal income is positive. Suitability counts it only with a positive income on record.' })
  hasStableIncome?: boolean;
  @Field(() => LegalCapacityEnum, { defaultValue: 'FULL' }) legalCapacity!: string;
  @Field(() => ID, { description: 'Branch; a relationship manager may only use their own.' }) branchId!: string;
  @Field(() => ID, { nullable: true }) managerId?: string;
}

@InputType('UpdateCustomerInput', { description: 'Changes to a customer; `version` must be the one you read.' })
export class UpdateCustomerInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) occupation?: string;
  @Field(() => String, { nullable: true }) employerSector?: string;
  @Field(() => DecimalScalar, { nullable: true }) personalAnnualIncome?: string;
  @Field(() => DecimalScalar, { nullable: true }) householdAnnualIncome?: string;
  @Field(() => DecimalScalar, { nullable: true }) householdFinancialAssets?: string;
  @Field(() => DecimalScalar, { nullable: true }) incomeThreeYearAverage?: string;
  @Field(() => Boolean, { nullable: true }) student?: boolean;
  @Field(() => Boolean, { nullable: true }) hasStableIncome?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only false (the document expired or was found wrong); true is refused — verifying is verifyCustomerIdentity, which records how and by whom.',
  })
  idVerified?: boolean;
  @Field(() => LegalCapacityEnum, { nullable: true }) legalCapacity?: string;
}

@InputType('RecordRiskAssessmentInput')
export class RecordRiskAssessmentInput {
  @Field(() => ID) customerId!: string;
  @Field(() => RiskLevelEnum) level!: string;
  @Field(() => Boolean, { defaultValue: false }) lowestCategory!: boolean;
  @Field(() => InvestorTypeEnum, { defaultValue: 'ORDINARY' }) investorType!: string;
  @Field(() => Int, { defaultValue: 0 }) experienceYears!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now; never in the future.' }) assessedAt?: Date;
  @Field(() => SaleChannelEnum) channel!: string;
}
