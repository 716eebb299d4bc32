import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { describePurposes, PURPOSE_NAMES } from '../purposes.js';
import { SETTING_CURRENT_ACCOUNT, SETTING_PROHIBITED } from '../settings.js';
import { directionOf, isExchange, readForexDetails } from '../domain.js';

/**
 * A purchase of FX needs a declared current-account purpose; capital-account
 * purposes (overseas property, securities, life and investment-return
 * insurance) are refused even within the quota. An eligibility check, with
 * no purpose and no size (amount, units or FX amount), only warns that a
 * purpose will be needed, so that FX stays in eligible-product lists and bundles.
 */
export const forexProhibitedPurpose: SuitabilityRule = {
  id: 'forex.prohibited-purpose',
  version: '1.0.0',
  lines: ['FOREX'],
  regulation: text(
    '《个人购汇申请书》及《个人外汇管理办法实施细则》：个人购汇不得用于境外买房、证券投资、购买人寿保险和投资性返还分红类保险等资本项目',
    'SAFE individual FX purchase declaration and the Implementing Rules on Individual Foreign Exchange: no purchases for overseas property, securities, life or investment-return insurance',
  ),
  description: text('购汇须申报经常项目用途，禁止用途不予办理', 'FX purchases need a current-account purpose; prohibited purposes are refused'),
  reasons: {
    PROHIBITED_PURPOSE: {
      outcome: 'BLOCK',
      message: text('购汇用途“{purposeZh}”属于禁止用途，即使在年度额度内也不得办理', 'FX may not be bought for "{purposeEn}", even within the annual quota'),
    },
    PURPOSE_TO_DECLARE: {
      outcome: 'WARN',
      message: text('购汇时须申报以下用途之一：{allowedZh}', 'Buying FX will need one of these purposes: {allowedEn}'),
    },
    PURPOSE_REQUIRED: {
      outcome: 'BLOCK',
      message: text('购汇须申报以下用途之一：{allowedZh}（本次：{given}）', 'An FX purchase must declare one of these purposes: {allowedEn} (given: {given})'),
    },
  },
  evaluate(facts, ctx) {
    const d = readForexDetails(facts.product.details);
    if (!isExchange(d.kind) || directionOf(facts.sale.side) !== 'BUY_FX') return [];
    const prohibited = ctx.settings.get<string[]>(SETTING_PROHIBITED);
    const allowed = ctx.settings.get<string[]>(SETTING_CURRENT_ACCOUNT);
    const raw = facts.sale.details.purpose;
    const purpose = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
    const saw = { purpose: raw ?? null, prohibitedPurposes: prohibited, currentAccountPurposes: allowed };
    if (purpose && prohibited.includes(purpose)) {
      const name = PURPOSE_NAMES[purpose];
      return [{ code: 'PROHIBITED_PURPOSE', params: { purposeZh: name?.['zh-CN'] ?? purpose, purposeEn: name?.en ?? purpose }, saw }];
    }
    if (purpose && allowed.includes(purpose)) return [];
    const list = describePurposes(allowed);
    // An eligibility check (no purpose and no size at all: no amount, no units, no FX amount) is not a
    // purchase yet: say what it will need. Anything sized is a purchase and needs its purpose.
    const unsized = facts.sale.amount === null && facts.sale.quantity === null && facts.sale.details.fxAmount === undefined;
    if (!purpose && unsized) {
      return [{ code: 'PURPOSE_TO_DECLARE', params: { allowedZh: list['zh-CN'], allowedEn: list.en }, saw }];
    }
    return [
      {
        code: 'PURPOSE_REQUIRED',
        params: { allowedZh: list['zh-CN'], allowedEn: list.en, given: purpose || '—' },
        saw,
      },
    ];
  },
};
