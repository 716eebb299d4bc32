import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, GraphQLScalarType, Kind, parse, type GraphQLSchema } from 'graphql';
import type { SettingsReader } from '../../../src/sdk/index.js';
import type { Catalogue, PartnerProduct } from './catalogue.js';
import { contract, evaluate, type EvaluationRequest } from './evaluate.js';

/**
 * The insurer's subgraph. `InsuranceProduct` is the bank's entity (`@key(fields: "code")`): the bank lists the
 * product, the insurer adds the policy's own terms. `suitabilityContract` and `evaluateSuitability` are for the
 * bank's host only: `@inaccessible`, so the gateway never exposes them to clients.
 */
export const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])

  "A decimal number as a string (money, rates): never a float."
  scalar Decimal

  "银行代理销售的保险产品 / An insurance policy sold by the bank as agent (bancassurance); the insurer's own terms."
  type InsuranceProduct @key(fields: "code") {
    "Product code, unique across lines."
    code: String!
    "The insurer's partner code (e.g. \`pingan-life\`); its name is \`issuer\`."
    insurer: String!
    "险种 / The kind of insurance."
    insuranceType: InsuranceType!
    "Benefits fixed by contract (traditional, health, accident, annuity); false for participating, universal and investment-linked."
    guaranteedBenefits: Boolean!
    "Cover term in years; null = whole life (终身)."
    coverTermYears: Int
    "缴费方式 / How premiums may be paid."
    premiumModes: [PremiumMode!]!
    "Payment periods offered, in years (1 = single premium)."
    paymentYearsOptions: [Int!]!
    "Youngest insurable age."
    insuredAgeMin: Int!
    "Oldest insurable age."
    insuredAgeMax: Int!
    "犹豫期: days after receipt of the policy to cancel for a full refund (0 = none)."
    coolingOffDays: Int!
    "Pays on the insured's death."
    providesDeathCover: Boolean!
    "Premium rates per 1,000 of sum assured by sex, age band and payment years (a fixed table, not a growing list)."
    rateTable: [InsuranceRate!]!
  }

  "险种 / The kinds of policy the line sells."
  enum InsuranceType {
    "传统型 / Traditional"
    TRADITIONAL
    "分红型（利益不确定） / Participating, non-guaranteed"
    PARTICIPATING
    "万能型（利益不确定） / Universal, non-guaranteed"
    UNIVERSAL
    "投资连结型（利益不确定） / Investment-linked, non-guaranteed"
    INVESTMENT_LINKED
    "健康保险 / Health"
    HEALTH
    "意外伤害保险 / Accident"
    ACCIDENT
    "年金保险 / Annuity"
    ANNUITY
  }

  "缴费方式 / How premiums are paid."
  enum PremiumMode {
    "趸交（一次交清） / Single premium"
    SINGLE
    "期交（按年交费） / Regular yearly premiums"
    REGULAR
  }

  "One premium rate of a product's table."
  type InsuranceRate {
    "Sex of the insured: MALE or FEMALE (the \`Gender\` values)."
    sex: String!
    "Youngest insured age of the band (inclusive)."
    ageFrom: Int!
    "Oldest insured age of the band (inclusive)."
    ageTo: Int!
    "Payment period in years (1 = single premium)."
    paymentYears: Int!
    "Premium per 1,000 of sum assured, per year of payment."
    ratePerThousand: Decimal!
  }

  "What the insurer's subgraph answers."
  type Query {
    "The insurer's product by its code; the gateway adds the bank's listing (name, risk rating, price…)."
    insuranceProductByCode("The product code." code: String!): InsuranceProduct
    "For the bank's host: the facts the line's rules read and every reason they can give."
    suitabilityContract: SuitabilityContract! @inaccessible
    "For the bank's host: the line's rules over a batch of (customer, product, sale) facts; one verdict per request key."
    evaluateSuitability("At most 1,000 requests." requests: [SuitabilityRequest!]!): [SuitabilityVerdict!]! @inaccessible
  }

  "What the line's rules read, and what they can say."
  type SuitabilityContract @inaccessible {
    "The bank's ProductLine value of this line."
    line: String!
    "Fact names from the bank's vocabulary (docs/federation.md) the rules need."
    facts: [String!]!
    "Every reason code the line can give."
    reasons: [ContractReason!]!
  }

  "A reason code the line can give."
  type ContractReason @inaccessible {
    "The code, prefixed with the line (INSURANCE_…)."
    code: String!
    "ALLOW, WARN, REQUIRE or BLOCK."
    outcome: String!
    "For a REQUIRE: the step that lifts it."
    step: String
    "The message template in Chinese."
    messageZh: String!
    "The message template in English."
    messageEn: String!
  }

  "One (customer, product, sale) to judge: only the facts the contract declares, never who the customer is."
  input SuitabilityRequest @inaccessible {
    "An opaque key the bank chose for this request; the verdict carries it back."
    key: String!
    "The product's code."
    productCode: String!
    "The evaluation instant (ISO 8601), when declared."
    now: String
    "Derived facts about the customer."
    customer: CustomerFactsInput!
    "The sale."
    sale: SaleFactsInput!
  }

  "Derived facts about the customer; each only when declared."
  input CustomerFactsInput @inaccessible {
    "Whole years."
    age: Int
    "C1–C5, or null."
    riskLevel: String
    "Whether the risk assessment has lapsed."
    riskAssessmentExpired: Boolean
    "ONSHORE or FOREIGN."
    residency: String
    "FULL, LIMITED or NONE."
    legalCapacity: String
    "ORDINARY or PROFESSIONAL."
    investorType: String
    "Whether the customer is a student."
    student: Boolean
    "CNY a year."
    personalAnnualIncome: String
    "CNY a year."
    householdAnnualIncome: String
    "CNY."
    householdFinancialAssets: String
  }

  "The sale; each only when declared."
  input SaleFactsInput @inaccessible {
    "BUY or SELL."
    side: String
    "The amount charged, or null in an eligibility listing."
    amount: String
    "ISO 4217."
    currency: String
    "COUNTER, WEALTH_CENTER, ONLINE or MOBILE."
    channel: String
    "CUSTOMER or STAFF."
    initiator: String
    "The line's order details, JSON text."
    details: String
    "Steps already recorded."
    completedSteps: [String!]
  }

  "The verdict for one request."
  type SuitabilityVerdict @inaccessible {
    "The request's key."
    key: String!
    "Every reason the rules gave (none: nothing to say)."
    hits: [VerdictHit!]!
  }

  "One reason in a verdict."
  type VerdictHit @inaccessible {
    "The code, prefixed with the line."
    code: String!
    "ALLOW, WARN, REQUIRE or BLOCK."
    outcome: String!
    "The message in Chinese, filled in."
    messageZh: String!
    "The message in English, filled in."
    messageEn: String!
  }
`);

const decimal = new GraphQLScalarType({
  name: 'Decimal',
  description: 'A decimal number as a string (money, rates): never a float.',
  serialize: (v) => String(v),
  parseValue: (v) => String(v),
  parseLiteral: (ast) => (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : null),
});

/** The entity as the schema reads it. */
function productView(p: PartnerProduct) {
  const d = p.details;
  return {
    code: p.code,
    insurer: d.insurer,
    insuranceType: d.insuranceType,
    guaranteedBenefits: d.guaranteed,
    coverTermYears: d.coverTermYears,
    premiumModes: d.premiumModes,
    paymentYearsOptions: d.paymentYearsOptions,
    insuredAgeMin: d.insuredAgeMin,
    insuredAgeMax: d.insuredAgeMax,
    coolingOffDays: d.coolingOffDays,
    providesDeathCover: d.deathCover,
    rateTable: p.rates,
  };
}

/** Counts what the subgraph evaluated (for its log: numbers only). */
export interface EvaluationStats {
  batches: number;
  requests: number;
}

/** The executable subgraph schema over the insurer's catalogue. */
export function insuranceSubgraphSchema(catalogue: Catalogue, settings: SettingsReader, stats: EvaluationStats = { batches: 0, requests: 0 }): GraphQLSchema {
  const contractAnswer = contract();
  return buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Decimal: decimal,
      Query: {
        insuranceProductByCode: (_: unknown, { code }: { code: string }) => {
          const p = catalogue.byCode.get(code);
          return p ? productView(p) : null;
        },
        suitabilityContract: () => contractAnswer,
        evaluateSuitability: (_: unknown, { requests }: { requests: EvaluationRequest[] }) => {
          if (requests.length > 1000) throw new GraphQLError('At most 1,000 requests per call', { extensions: { code: 'BAD_USER_INPUT' } });
          stats.batches++;
          stats.requests += requests.length;
          return requests.map((r) => evaluate(catalogue, settings, r));
        },
      },
      InsuranceProduct: {
        __resolveReference: (ref: { code?: unknown }) => {
          const p = typeof ref.code === 'string' ? catalogue.byCode.get(ref.code) : undefined;
          return p ? productView(p) : null;
        },
      },
    } as never,
  });
}
