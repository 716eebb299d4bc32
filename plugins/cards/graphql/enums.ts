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

registerEnumType(CardKindEnum, { name: 'CardKind', description: '银行卡种类 / Card kind: debit or credit' });
registerEnumType(AccountClassEnum, {
  name: 'AccountClass',
  description: '个人银行账户类别（Ⅰ/Ⅱ/Ⅲ类户，银发〔2016〕302号） / Personal account class (Class I/II/III)',
  valuesConfig: {
    CLASS_I: { description: 'Ⅰ类户：全功能账户 / full-function account' },
    CLASS_II: { description: 'Ⅱ类户：限额的电子账户 / limited electronic account' },
    CLASS_III: { description: 'Ⅲ类户：小额支付账户 / small-payment account with a balance cap' },
  },
});
registerEnumType(CreditCardTypeEnum, { name: 'CreditCardType', description: '信用卡类型 / Credit card type' });
