import { registerEnumType } from 'type-graphql';

/** 基金类型 / fund type. */
export enum FundType {
  MONEY_MARKET = 'MONEY_MARKET',
  BOND = 'BOND',
  MIXED = 'MIXED',
  EQUITY = 'EQUITY',
  QDII = 'QDII',
  PRIVATE = 'PRIVATE',
}

/** 资产类别 (资管新规) / asset class. */
export enum FundAssetClass {
  FIXED_INCOME = 'FIXED_INCOME',
  MIXED = 'MIXED',
  EQUITY = 'EQUITY',
  COMMODITY_DERIVATIVES = 'COMMODITY_DERIVATIVES',
}

/** 发行机构类型 / issuer type. */
export enum FundIssuerType {
  FUND_HOUSE = 'FUND_HOUSE',
  BANK = 'BANK',
  BANK_SUBSIDIARY = 'BANK_SUBSIDIARY',
}

registerEnumType(FundType, {
  name: 'FundType',
  description: '基金类型 / Fund type (bank wealth products use the type closest to what they invest in)',
  valuesConfig: {
    MONEY_MARKET: { description: '货币市场基金 / money market' },
    BOND: { description: '债券型 / bond' },
    MIXED: { description: '混合型 / mixed' },
    EQUITY: { description: '股票型（含指数） / equity, including index funds' },
    QDII: { description: 'QDII（投资境外） / invests abroad' },
    PRIVATE: { description: '私募基金 / private fund' },
  },
});
registerEnumType(FundAssetClass, {
  name: 'FundAssetClass',
  description: '资产类别（资管新规），决定私募产品起点金额 / Asset class under the 2018 guidelines; sets private minimums',
  valuesConfig: {
    FIXED_INCOME: { description: '固定收益类 / Fixed income: at least 80 % in deposits and bonds.' },
    MIXED: { description: '混合类 / Mixed: none of the other classes reaches its 80 % threshold.' },
    EQUITY: { description: '权益类 / Equity: at least 80 % in stocks and other equity.' },
    COMMODITY_DERIVATIVES: { description: '商品及金融衍生品类 / Commodities and derivatives: at least 80 % in them.' },
  },
});
registerEnumType(FundIssuerType, {
  name: 'FundIssuerType',
  description: '发行机构类型 / Issuer type',
  valuesConfig: {
    FUND_HOUSE: { description: '基金管理公司 / fund management company' },
    BANK: { description: '本行（自营理财，公募起点 1 万元） / the bank itself (own wealth products, public minimum applies)' },
    BANK_SUBSIDIARY: { description: '理财子公司（不设起点） / wealth management subsidiary (no minimum)' },
  },
});
