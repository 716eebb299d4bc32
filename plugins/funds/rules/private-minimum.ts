import { Decimal, text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { ASSET_CLASSES } from '../domain.js';
import { FUNDS_SETTINGS, type PrivateMinimumsCny } from '../settings.js';
import { fundView, plain, saleAmountIn } from './fund-facts.js';
import { ASSET_CLASS_LABELS, labelParams } from './labels.js';
import { REGULATIONS } from './regulations.js';

const UNKNOWN_CLASS = text('未知（按最高类别起点）', 'unknown (highest class minimum applied)');

/**
 * A single investment in a private product must reach the minimum of its asset
 * class. A product whose asset class is unknown gets the highest minimum.
 * Without an amount (a what-if check) there is nothing to compare.
 */
export const privateMinimum: SuitabilityRule = {
  id: 'funds.private-minimum',
  version: '1.0.0',
  regulation: REGULATIONS.assetManagementGuidelines,
  description: text('私募产品单笔投资不得低于所属资产类别的起点金额', 'A private product investment must reach the minimum of its asset class'),
  reasons: {
    PRIVATE_BELOW_MINIMUM: {
      outcome: 'BLOCK',
      message: text(
        '私募产品（{assetClassZh}）单笔投资不得低于 {minimum} 元人民币，本次金额 {amount} {currency}',
        'A private {assetClassEn} product needs at least CNY {minimum} per investment; this one is {currency} {amount}',
      ),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const fund = fundView(facts);
    if (!fund.isPrivate) return [];
    const amount = saleAmountIn(facts, 'CNY');
    if (amount === null) return [];

    const minimums = ctx.settings.get<PrivateMinimumsCny>(FUNDS_SETTINGS.privateMinimumsCny);
    const minimum = fund.assetClass ? new Decimal(minimums[fund.assetClass]) : Decimal.max(...ASSET_CLASSES.map((c) => new Decimal(minimums[c])));
    if (amount.gte(minimum)) return [];

    return [
      {
        code: 'PRIVATE_BELOW_MINIMUM',
        params: {
          minimum: plain(minimum),
          amount: facts.sale.amount ?? '',
          currency: facts.sale.currency,
          ...labelParams('assetClass', fund.assetClass ? ASSET_CLASS_LABELS[fund.assetClass] : UNKNOWN_CLASS),
        },
        saw: {
          isPrivate: fund.isPrivate,
          assetClass: fund.assetClass,
          amount: facts.sale.amount,
          currency: facts.sale.currency,
          minimumCny: plain(minimum),
        },
      },
    ];
  },
};
