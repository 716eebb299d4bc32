import { registerEnumType } from 'type-graphql';

/** Kinds of policy; GraphQL `InsuranceType`. */
export enum InsuranceTypeEnum {
  TRADITIONAL = 'TRADITIONAL',
  PARTICIPATING = 'PARTICIPATING',
  UNIVERSAL = 'UNIVERSAL',
  INVESTMENT_LINKED = 'INVESTMENT_LINKED',
  HEALTH = 'HEALTH',
  ACCIDENT = 'ACCIDENT',
  ANNUITY = 'ANNUITY',
}

/** How premiums are paid; GraphQL `PremiumMode`. */
export enum PremiumModeEnum {
  SINGLE = 'SINGLE',
  REGULAR = 'REGULAR',
}

registerEnumType(InsuranceTypeEnum, {
  name: 'InsuranceType',
  description: '保险类型 / Kind of insurance policy',
  valuesConfig: {
    TRADITIONAL: { description: '传统型（保单利益确定） / Traditional, guaranteed benefits' },
    PARTICIPATING: { description: '分红型（利益不确定） / Participating, non-guaranteed' },
    UNIVERSAL: { description: '万能型（利益不确定） / Universal, non-guaranteed' },
    INVESTMENT_LINKED: { description: '投资连结型（利益不确定） / Investment-linked, non-guaranteed' },
    HEALTH: { description: '健康保险 / Health' },
    ACCIDENT: { description: '意外伤害保险 / Accident' },
    ANNUITY: { description: '年金保险 / Annuity' },
  },
});

registerEnumType(PremiumModeEnum, {
  name: 'PremiumMode',
  description: '交费方式 / Premium payment mode',
  valuesConfig: {
    SINGLE: { description: '趸交（一次交清） / Single premium' },
    REGULAR: { description: '期交（按年交费） / Regular yearly premiums' },
  },
});
