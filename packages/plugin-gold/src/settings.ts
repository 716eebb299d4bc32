import { z } from 'zod';
import { text, type SettingDefinition } from '@finmart/sdk';
import { TRADING_TIMEZONES, type WeeklyWindow } from './trading-window.js';

/** A non-negative decimal string (never a float). */
const decimal = z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a decimal string such as "1" or "0.1"');
const positiveDecimal = decimal.refine((s) => Number(s) > 0, 'must be greater than 0');
const riskLevel = z.enum(['C1', 'C2', 'C3', 'C4', 'C5']);
const weekTime = z.object({
  /** 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
  day: z.number().int().min(0).max(6),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
});

/** Bank-wide minimum for account gold purchases. */
export interface AccountGoldMinimum {
  /** Smallest purchase in grams (grams-based purchases). */
  grams: string;
  /** Smallest contribution in CNY (amount-based savings-plan contributions). */
  amountCny: string;
  /** Grams must be a multiple of this. */
  gramStep: string;
}

export const SETTING_REQUIRED_LEVEL = 'gold.accountGoldRequiredRiskLevel';
export const SETTING_MINIMUM = 'gold.accountGoldMinimum';
export const SETTING_TRADING_HOURS = 'gold.tradingHours';

/** The gold line's bank settings. */
export const goldSettings: SettingDefinition[] = [
  {
    key: SETTING_REQUIRED_LEVEL,
    description: text(
      '积存金/账户金开户、买入及新签定投所需的最低客户风险等级（2026 年工行 C3，农行 C2，建行 C4）',
      'Lowest customer risk level for opening, buying and new savings plans of account gold (2026: ICBC C3, ABC C2, CCB C4)',
    ),
    schema: riskLevel,
    default: 'C3',
  } satisfies SettingDefinition<string>,
  {
    key: SETTING_MINIMUM,
    description: text(
      '账户金起购：按克数买入不低于 grams 克且为 gramStep 克的整数倍；按金额定投每次不低于 amountCny 元',
      'Account gold minimum: grams-based purchases at least `grams` g in multiples of `gramStep` g; amount-based savings-plan contributions at least `amountCny` CNY',
    ),
    schema: z.object({ grams: positiveDecimal, amountCny: decimal, gramStep: positiveDecimal }),
    default: { grams: '1', amountCny: '200', gramStep: '0.1' },
  } satisfies SettingDefinition<AccountGoldMinimum>,
  {
    key: SETTING_TRADING_HOURS,
    description: text(
      '账户金交易时间（每周窗口，day 0=周日…6=周六，固定时区）',
      'Account gold trading hours: a weekly window (day 0 = Sunday … 6 = Saturday) in a fixed-offset time zone',
    ),
    schema: z
      .object({ timezone: z.enum(TRADING_TIMEZONES), opens: weekTime, closes: weekTime })
      .refine((w) => w.opens.day !== w.closes.day || w.opens.time !== w.closes.time, 'opens and closes must differ'),
    default: { timezone: 'Asia/Shanghai', opens: { day: 1, time: '07:00' }, closes: { day: 6, time: '04:00' } },
  } satisfies SettingDefinition<WeeklyWindow>,
] as SettingDefinition[];
