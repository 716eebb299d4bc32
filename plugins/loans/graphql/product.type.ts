import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, Product } from '../../../src/sdk/index.js';

export enum LoanKind {
  HOUSING = 'HOUSING',
  PLEDGE = 'PLEDGE',
  CONSUMER = 'CONSUMER',
  BUSINESS = 'BUSINESS',
}
registerEnumType(LoanKind, {
  name: 'LoanKind',
  description: '贷款种类 / Kind of loan',
  valuesConfig: {
    HOUSING: { description: '个人住房贷款 / Housing loan (first, second home, provident-fund combination)' },
    PLEDGE: { description: '个人质押贷款 / Loan pledged against deposits, wealth products or bonds held here' },
    CONSUMER: { description: '个人消费贷款 / Consumer loan (car, education, renovation, general)' },
    BUSINESS: { description: '个人经营贷款 / Small-business owner loan' },
  },
});

export enum RepaymentMethod {
  EQUAL_INSTALMENT = 'EQUAL_INSTALMENT',
  EQUAL_PRINCIPAL = 'EQUAL_PRINCIPAL',
}
registerEnumType(RepaymentMethod, {
  name: 'RepaymentMethod',
  description: '还款方式 / Repayment method',
  valuesConfig: {
    EQUAL_INSTALMENT: { description: '等额本息 / Level monthly payments' },
    EQUAL_PRINCIPAL: { description: '等额本金 / Equal principal each month, interest on the balance (payments fall)' },
  },
});

/** A personal loan product (个人贷款). */
@ObjectType('LoanProduct', { implements: Product, description: '个人贷款产品 / Personal loan product' })
export class LoanProduct extends Product {
  @Field(() => LoanKind, { description: '贷款品种 / The kind of loan.' }) loanKind!: string;
  @Field(() => String, {
    description: 'FIRST_HOME, SECOND_HOME, PROVIDENT_COMBINATION; DEPOSIT, WEALTH, BOND; CAR, EDUCATION, RENOVATION, GENERAL; SMALL_BUSINESS.',
  })
  category!: string;
  @Field(() => Float, { description: 'Annual interest rate, a fraction (0.0305 = 3.05 %).' }) annualRate!: number;
  @Field(() => Int, { description: 'Shortest term, months.' }) minTermMonths!: number;
  @Field(() => Int, { description: 'Longest term, months.' }) maxTermMonths!: number;
  @Field(() => Money, { description: 'Smallest loan.' }) minLoanAmount!: Money;
  @Field(() => Money, { description: 'Largest loan.' }) maxLoanAmount!: Money;
  @Field(() => [RepaymentMethod], { description: 'Repayment methods offered.' }) repaymentMethods!: string[];
  @Field(() => String, { description: 'What secures it: PROPERTY, PLEDGE, VEHICLE or NONE.' }) collateral!: string;
}
