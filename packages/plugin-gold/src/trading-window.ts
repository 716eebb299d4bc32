import { text, type LocalizedText } from '@finmart/sdk';

/**
 * Time zones a trading window may be set in. All have a fixed offset (no daylight
 * saving), so plain UTC arithmetic is exact and no tz database is needed.
 */
export const TRADING_TIMEZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'UTC'] as const;
export type TradingTimezone = (typeof TRADING_TIMEZONES)[number];

const OFFSET_MINUTES: Record<TradingTimezone, number> = {
  'Asia/Shanghai': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Singapore': 480,
  UTC: 0,
};

/** A point in the week: day 0 = Sunday … 6 = Saturday, time `HH:MM`. */
export interface WeekTime {
  day: number;
  time: string;
}

/** A weekly trading window; it may wrap over the week's end (e.g. Sunday 20:00 – Friday 02:00). */
export interface WeeklyWindow {
  timezone: TradingTimezone;
  opens: WeekTime;
  closes: WeekTime;
}

const MINUTES_PER_DAY = 1440;

const minuteOf = (w: WeekTime): number => {
  const [h, m] = w.time.split(':').map(Number) as [number, number];
  return w.day * MINUTES_PER_DAY + h * 60 + m;
};

/** Minute of the week (0 = Sunday 00:00) of an instant, in a fixed-offset zone. */
export function minuteOfWeek(instant: Date, timezone: TradingTimezone): number {
  const local = new Date(instant.getTime() + OFFSET_MINUTES[timezone] * 60_000);
  return local.getUTCDay() * MINUTES_PER_DAY + local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Whether `instant` falls inside the window: opening minute included, closing minute excluded. */
export function isWithinWindow(instant: Date, window: WeeklyWindow): boolean {
  const t = minuteOfWeek(instant, window.timezone);
  const open = minuteOf(window.opens);
  const close = minuteOf(window.closes);
  return open < close ? t >= open && t < close : t >= open || t < close;
}

/** Local wall-clock time of an instant, `YYYY-MM-DD HH:MM`, for evidence and messages. */
export function localTime(instant: Date, timezone: TradingTimezone): string {
  const local = new Date(instant.getTime() + OFFSET_MINUTES[timezone] * 60_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

const DAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZONE_ZH: Record<TradingTimezone, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Singapore': '新加坡时间',
  UTC: 'UTC',
};

/** The window in words, e.g. `周一 07:00 至 周六 04:00（北京时间）`. */
export function describeWindow(w: WeeklyWindow): LocalizedText {
  return text(
    `${DAYS_ZH[w.opens.day]} ${w.opens.time} 至 ${DAYS_ZH[w.closes.day]} ${w.closes.time}（${ZONE_ZH[w.timezone]}）`,
    `${DAYS_EN[w.opens.day]} ${w.opens.time} to ${DAYS_EN[w.closes.day]} ${w.closes.time} (${w.timezone})`,
  );
}
