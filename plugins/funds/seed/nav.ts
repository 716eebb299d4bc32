import { bankDay, bankDayStart, Decimal, type Random } from '../../../src/sdk/index.js';
import type { FundSeedDef } from './catalog.js';

const DAY_MS = 86_400_000;
/** NAVs are published in the evening of their valuation date (20:00 Beijing). */
const PUBLISH_HOUR_CST = 20;

/** A NAV point of the demo history. */
export interface SeedNav {
  date: string;
  nav: string;
  accumulatedNav: string;
}

/** The instant a NAV for `date` is published. */
export const publishedAt = (date: string): Date => new Date(bankDayStart(date).getTime() + PUBLISH_HOUR_CST * 3_600_000);

/**
 * The last `count` weekdays before `now`'s Beijing date, oldest first: today's
 * NAV is not out yet in the morning, and funds value only on trading days
 * (public holidays are ignored in the demo).
 */
export function tradingDates(now: Date, count: number): string[] {
  const dates: string[] = [];
  let day = Date.parse(`${bankDay(now)}T00:00:00Z`) - DAY_MS;
  while (dates.length < count) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
    day -= DAY_MS;
  }
  return dates.reverse();
}

/**
 * A deterministic NAV history on `dates`: a geometric random walk with the
 * product's volatility and drift, published to 4 decimals. Accumulated NAV adds
 * the distributions paid since inception (a constant in the demo window).
 * Money market products stay at 1.0000 (their income is paid as new units).
 * The randomness is a float; every stored value is an exact decimal.
 */
export function navSeries(def: FundSeedDef, dates: readonly string[], random: Random): SeedNav[] {
  if ('none' in def.nav) return [];
  if ('fixedNav' in def.nav) return dates.map((date) => ({ date, nav: '1.0000', accumulatedNav: '1.0000' }));
  const { start, dailyVol, annualDrift } = def.nav;
  let nav = new Decimal(start[0] + (start[1] - start[0]) * random.next()).toDecimalPlaces(4);
  const paidOut = def.establishedYearsAgo && def.establishedYearsAgo > 3 ? new Decimal(random.next() * 0.4).toDecimalPlaces(4) : new Decimal(0);
  const drift = annualDrift / 250;
  return dates.map((date, i) => {
    if (i > 0) {
      const factor = new Decimal((1 + drift + dailyVol * random.normal()).toFixed(8));
      nav = Decimal.max(nav.times(factor), '0.0100').toDecimalPlaces(4);
    }
    return { date, nav: nav.toFixed(4), accumulatedNav: nav.plus(paidOut).toFixed(4) };
  });
}
