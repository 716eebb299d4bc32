/**
 * The bank's clock for plugins: Beijing time (UTC+8, no daylight saving).
 *
 * Why the SDK exports it: lines typed the +08:00 offset themselves (funds' NAV
 * dates and publication times, forex's quota year). The host keeps one
 * definition (`src/domain/common/beijing-time.ts`); the SDK names it in the
 * bank's vocabulary, beside `bankDay` (the bank's calendar day of an instant).
 */
export { beijingMidnight as bankDayStart, beijingYear as bankYear } from '../domain/common/beijing-time.js';
