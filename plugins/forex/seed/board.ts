import { Decimal, type Random } from '../../../src/sdk/index.js';
import type { forexRates } from '../schema.js';
import { BOARD } from './catalog.js';

const DAY = 86_400_000;
/** Days of board rates the demo keeps. */
export const HISTORY_DAYS = 120;

/** One day of the board: middle and selling rates by currency (CNY per 100 units). */
export interface BoardDay {
  at: Date;
  middle: Record<string, string>;
  sell: Record<string, string>;
}

const fix4 = (n: number) => new Decimal(n).toDecimalPlaces(4).toFixed(4);

/** Daily board rates, oldest first, the last at `now`: a log-normal walk of each middle rate. */
export function boardHistory(now: Date, random: Random) {
  const rows: (typeof forexRates.$inferInsert)[] = [];
  const days: BoardDay[] = [];
  const level = Object.fromEntries(BOARD.map((c) => [c.code, c.startMiddle]));
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    const at = new Date(now.getTime() - i * DAY);
    const day: BoardDay = { at, middle: {}, sell: {} };
    for (const c of BOARD) {
      const m = level[c.code]!;
      const row = { currency: c.code, at, middleRate: fix4(m), buyRate: fix4(m * (1 - c.halfSpread)), sellRate: fix4(m * (1 + c.halfSpread)) };
      rows.push(row);
      day.middle[c.code] = row.middleRate;
      day.sell[c.code] = row.sellRate;
      level[c.code] = m * Math.exp(c.dailyVol * random.normal());
    }
    days.push(day);
  }
  return { rows, days };
}
