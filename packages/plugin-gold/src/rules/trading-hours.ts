import { text, type SuitabilityRule } from '@finmart/sdk';
import { SETTING_TRADING_HOURS } from '../settings.js';
import { isAccountGold, readGoldDetails } from '../domain.js';
import { describeWindow, isWithinWindow, localTime, type WeeklyWindow } from '../trading-window.js';

/**
 * Account gold and savings plans trade at the live price, so only inside the
 * bank's weekly trading window (buying and redeeming alike). Reads the
 * evaluation instant from `facts.now`.
 */
export const goldTradingHours: SuitabilityRule = {
  id: 'gold.trading-hours',
  version: '1.0.0',
  lines: ['GOLD'],
  regulation: text('银行积存金业务章程：交易时间', 'Bank account gold terms: trading hours'),
  description: text('积存金仅在交易时间内买卖', 'Account gold trades only within trading hours'),
  reasons: {
    OUTSIDE_TRADING_HOURS: {
      outcome: 'BLOCK',
      message: text(
        '当前（{localTime}）不在积存金交易时间内，交易时间为 {windowZh}',
        'Account gold is not traded now ({localTime}); trading hours are {windowEn}',
      ),
    },
  },
  evaluate(facts, ctx) {
    const details = readGoldDetails(facts.product.details);
    if (!isAccountGold(details.goldType)) return [];
    const window = ctx.settings.get<WeeklyWindow>(SETTING_TRADING_HOURS);
    const now = new Date(facts.now);
    if (isWithinWindow(now, window)) return [];
    const words = describeWindow(window);
    const local = localTime(now, window.timezone);
    return [
      {
        code: 'OUTSIDE_TRADING_HOURS',
        params: { localTime: local, windowZh: words['zh-CN'], windowEn: words.en },
        saw: { goldType: details.goldType, now: facts.now, localTime: local, tradingHours: window },
      },
    ];
  },
};
