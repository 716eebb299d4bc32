import { text, type SuitabilityRule } from '@finmart/sdk';
import { readGoldDetails } from '../domain.js';

/** Physical gold is an ordinary retail sale: no risk matching, but a verified identity (both directions). */
export const goldPhysicalIdentity: SuitabilityRule = {
  id: 'gold.physical-identity',
  version: '1.0.0',
  lines: ['GOLD'],
  regulation: text(
    '《金融机构客户尽职调查和客户身份资料及交易记录保存管理办法》',
    'Rules on customer due diligence and record keeping of financial institutions',
  ),
  description: text('实物金买卖须核实客户身份', 'Physical gold sales need a verified identity'),
  reasons: {
    IDENTITY_NOT_VERIFIED: {
      outcome: 'BLOCK',
      message: text('客户身份尚未核实，不能办理实物金买卖', 'The customer identity is not verified; physical gold cannot be sold or bought back'),
    },
  },
  evaluate(facts) {
    const details = readGoldDetails(facts.product.details);
    if (details.goldType !== 'PHYSICAL_BAR' || facts.customer.idVerified) return [];
    return [{ code: 'IDENTITY_NOT_VERIFIED', saw: { goldType: details.goldType, idVerified: facts.customer.idVerified } }];
  },
};
