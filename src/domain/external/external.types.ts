import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

export enum ExternalReportKindEnum {
  CREDIT_REPORT = 'CREDIT_REPORT',
  FX_ANNUAL_PURCHASES = 'FX_ANNUAL_PURCHASES',
  INCOME = 'INCOME',
}
registerEnumType(ExternalReportKindEnum, {
  name: 'ExternalReportKind',
  description: '外部信息类型 / Kind of external report',
  valuesConfig: {
    CREDIT_REPORT: { description: 'Credit bureau (征信) report: `{ cards: [{ issuer type: CREDIT|DEBIT student }], loans: [{ lender kind monthlyPayment outstanding }], overdue: { current maxDaysLast24Months } }`; source CREDIT_BUREAU.' },
    FX_ANNUAL_PURCHASES: { description: 'FX authority record of a calendar year\'s purchases at other banks: `{ year purchasedUsdElsewhere }`; source FX_AUTHORITY.' },
    INCOME: { description: 'Income verified from a document: `{ annualIncome method: PAYSLIP|TAX_RECORD|BANK_STATEMENT|EMPLOYER_LETTER employer? }`; source INCOME_VERIFICATION.' },
  },
});

export enum ExternalSourceEnum {
  CREDIT_BUREAU = 'CREDIT_BUREAU',
  FX_AUTHORITY = 'FX_AUTHORITY',
  INCOME_VERIFICATION = 'INCOME_VERIFICATION',
}
registerEnumType(ExternalSourceEnum, { name: 'ExternalSource', description: 'Who reported it: the credit bureau (人民银行征信中心), the FX authority (外汇局), an income verification.' });

export enum IdVerificationMethodEnum {
  ONLINE_CHECK = 'ONLINE_CHECK',
  IN_PERSON = 'IN_PERSON',
  VIDEO = 'VIDEO',
}
registerEnumType(IdVerificationMethodEnum, {
  name: 'IdVerificationMethod',
  description: 'How an identity document was verified: 联网核查 against the public security system, in person at the counter, or by video.',
});

@ObjectType('ExternalReport', { description: '外部信息 / A report from outside the bank, with its provenance. Visible exactly when its customer is.' })
export class ExternalReport {
  @Field(() => ID) id!: string;
  @Field(() => ExternalSourceEnum) source!: string;
  @Field(() => ExternalReportKindEnum) kind!: string;
  @Field(() => DateTimeScalar, { description: 'As of when the source reported it.' }) reportedAt!: Date;
  @Field(() => Int, { description: 'Whole days since reportedAt.' }) ageDays!: number;
  @Field(() => GraphQLJSONObject, { description: 'What it says, as validated for its kind.' }) payload!: Record<string, unknown>;
  @Field(() => String, { description: 'The source\'s reference for it.' }) reference!: string;
  @Field(() => String, { description: 'Who recorded it here.' }) recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
}

@ObjectType('IdentityVerification', { description: '身份核验 / A verification of the customer\'s identity document: who, how, when.' })
export class IdentityVerification {
  @Field(() => IdVerificationMethodEnum) method!: string;
  @Field(() => String) reference!: string;
  @Field(() => String) verifiedBy!: string;
  @Field(() => DateTimeScalar) verifiedAt!: Date;
}

@InputType('RecordExternalReportInput', { description: 'A report from outside the bank for a customer in your book; the payload is validated for its kind.' })
export class RecordExternalReportInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ExternalSourceEnum) source!: string;
  @Field(() => ExternalReportKindEnum) kind!: string;
  @Field(() => DateTimeScalar, { description: 'As of when the source reported it; never in the future.' }) reportedAt!: Date;
  @Field(() => GraphQLJSONObject) payload!: Record<string, unknown>;
  @Field(() => String, { description: 'The source\'s reference (report number…), 1–100 characters.' }) reference!: string;
}

@InputType('VerifyCustomerIdentityInput', { description: 'Records that the customer\'s identity document was verified.' })
export class VerifyCustomerIdentityInput {
  @Field(() => ID) customerId!: string;
  @Field(() => IdVerificationMethodEnum) method!: string;
  @Field(() => String, { description: 'The check\'s reference (the online check\'s serial number, the counter slip…), 1–100 characters.' }) reference!: string;
}
