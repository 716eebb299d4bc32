import { registerEnumType } from 'type-graphql';

/** Debit or credit. */
export enum CardKindEnum {
  DEBIT = 'DEBIT',
  CREDIT = 'CREDIT',
}

/** 银发〔2016〕302号 account classes of a debit account. */
export enum AccountClassEnum {
  CLASS_I = 'CLASS_I',
  CLASS_II = 'CLASS_II',
  CLASS_III = 'CLASS_III',
}

/** Kinds of credit card. */
export enum CreditCardTypeEnum {
  STANDARD = 'STANDARD',
  CO_BRANDED = 'CO_BRANDED',
  STUDENT = 'STUDENT',
  PLATINUM = 'PLATINUM',
}

registerEnumType(CardKindEnum, {
  name: 'CardKind',
  description: '银行卡种类 / Card kind: debit or credit',
  valuesConfig: {
    DEBIT: { description: '借记卡 / A debit card on a personal account (with its account class).' },
    CREDIT: { description: '信用卡 / A credit card with a credit limit.' },
  },
});
registerEnumType(AccountClassEnum, {
  name: 'AccountClass',
  description: '个人银行账户类别（Ⅰ/Ⅱ/Ⅲ类户，银发〔2016〕302号） / Personal account class (Class I/II/III)',
  valuesConfig: {
    CLASS_I: { description: 'Ⅰ类户：全功能账户 / full-function account' },
    CLASS_II: { description: 'Ⅱ类户：限额的电子账户 / limited electronic account' },
    CLASS_III: { description: 'Ⅲ类户：小额支付账户 / small-payment account with a balance cap' },
  },
});
registerEnumType(CreditCardTypeEnum, {
  name: 'CreditCardType',
  description: '信用卡类型 / Credit card type',
  valuesConfig: {
    STANDARD: { description: '普通卡 / A standard credit card.' },
    CO_BRANDED: { description: '联名卡 / Co-branded with a partner (airline, retailer…).' },
    STUDENT: { description: '学生卡 / For full-time students (low limits, special issuing rules).' },
    PLATINUM: { description: '白金卡 / Platinum: higher limits and services, for higher tiers.' },
  },
});
