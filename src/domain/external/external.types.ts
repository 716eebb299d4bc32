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
    CREDIT_REPORT: {
      description:
        'Credit bureau (征信) report: `{ cards: [{ issuer type: CREDIT|DEBIT student }], loans: [{ lender kind monthlyPayment outstanding }], overdue: { current maxDaysLast24Months } }`; source CREDIT_BUREAU.',
    },
    FX_ANNUAL_PURCHASES: {
      description: "FX authority record of a calendar year's purchases at other banks: `{ year purchasedUsdElsewhere }`; source FX_AUTHORITY.",
    },
    INCOME: {
      description:
        'Income verified from a document: `{ annualIncome method: PAYSLIP|TAX_RECORD|BANK_STATEMENT|EMPLOYER_LETTER employer? }`; source INCOME_VERIFICATION.',
    },
  },
});

export enum ExternalSourceEnum {
  CREDIT_BUREAU = 'CREDIT_BUREAU',
  FX_AUTHORITY = 'FX_AUTHORITY',
  INCOME_VERIFICATION = 'INCOME_VERIFICATION',
}
registerEnumType(ExternalSourceEnum, {
  name: 'ExternalSource',
  description: 'Who reported it: the credit bureau (人民银行征信中心), the FX authority (外汇局), an income verification.',
  valuesConfig: {
    CREDIT_BUREAU: { description: '人民银行征信中心 / The PBOC credit reference centre (credit reports).' },
    FX_AUTHORITY: { description: '国家外汇管理局 / The State Administration of Foreign Exchange (FX purchase records).' },
    INCOME_VERIFICATION: { description: '收入证明 / An income verification from a document (payslip, tax record, bank statement, employer letter).' },
  },
});

export enum IdVerificationMethodEnum {
  ONLINE_CHECK = 'ONLINE_CHECK',
  IN_PERSON = 'IN_PERSON',
  VIDEO = 'VIDEO',
}
registerEnumType(IdVerificationMethodEnum, {
  name: 'IdVerificationMethod',
  description: 'How an identity document was verified: 联网核查 against the public security system, in person at the counter, or by video.',
  valuesConfig: {
    ONLINE_CHECK: { description: "联网核查 / Checked online against the public security system's citizen ID records." },
    IN_PERSON: { description: '临柜核验 / The document was seen and checked at the counter.' },
    VIDEO: { description: '视频核验 / Verified on a video call.' },
  },
});

@ObjectType('ExternalReport', { description: '外部信息 / A report from outside the bank, with its provenance. Visible exactly when its customer is.' })
export class ExternalReport {
  @Field(() => ID, { description: 'Opaque global id of the report.' }) id!: string;
  @Field(() => ExternalSourceEnum, { description: '信息来源 / Who reported it.' }) source!: string;
  @Field(() => ExternalReportKindEnum, { description: "信息类型 / What kind of report it is (it sets the payload's shape)." }) kind!: string;
  @Field(() => DateTimeScalar, { description: 'As of when the source reported it.' }) reportedAt!: Date;
  @Field(() => Int, { description: 'Whole days since reportedAt.' }) ageDays!: number;
  @Field(() => GraphQLJSONObject, { description: 'What it says, as validated for its kind.' }) payload!: Record<string, unknown>;
  @Field(() => String, { description: "The source's reference for it." }) reference!: string;
  @Field(() => String, { description: 'Who recorded it here.' }) recordedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When it was recorded here.' }) recordedAt!: Date;
}

@ObjectType('IdentityVerification', { description: "身份核验 / A verification of the customer's identity document: who, how, when." })
export class IdentityVerification {
  @Field(() => IdVerificationMethodEnum, { description: '核验方式 / How the document was verified.' }) method!: string;
  @Field(() => String, { description: "The check's reference (the online check's serial number, the counter slip…)." }) reference!: string;
  @Field(() => String, { description: "Who verified it (the staff member's subject)." }) verifiedBy!: string;
  @Field(() => DateTimeScalar, { description: '核验时间 / When it was verified.' }) verifiedAt!: Date;
}

@InputType('RecordExternalReportInput', { description: 'A report from outside the bank for a customer in your book; the payload is validated for its kind.' })
export class RecordExternalReportInput {
  @Field(() => ID, { description: 'The customer the report is about.' }) customerId!: string;
  @Field(() => ExternalSourceEnum, { description: 'Who reported it; must fit the kind (see ExternalReportKind).' }) source!: string;
  @Field(() => ExternalReportKindEnum, { description: 'What kind of report it is.' }) kind!: string;
  @Field(() => DateTimeScalar, { description: 'As of when the source reported it; never in the future.' }) reportedAt!: Date;
  @Field(() => GraphQLJSONObject, {
    description: 'What the report says, in the shape its kind describes (validated; BAD_USER_INPUT naming the path otherwise).',
  })
  payload!: Record<string, unknown>;
  @Field(() => String, { description: "The source's reference (report number…), 1–100 characters." }) reference!: string;
}

@InputType('VerifyCustomerIdentityInput', { description: "Records that the customer's identity document was verified." })
export class VerifyCustomerIdentityInput {
  @Field(() => ID, { description: 'The customer whose identity was verified.' }) customerId!: string;
  @Field(() => IdVerificationMethodEnum, { description: 'How it was verified.' }) method!: string;
  @Field(() => String, { description: "The check's reference (the online check's serial number, the counter slip…), 1–100 characters." }) reference!: string;
}
