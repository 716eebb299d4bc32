import { Decimal } from 'decimal.js';
import { sql, type SQL } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import type { SettingsReader } from '../../settings/reader.js';
import { contributionRates, rateFor, sizeClassThresholds } from './classification.js';
import { resultRows } from '../../db/result-rows.js';

/**
 * Contribution to the bank (按照客户对银行的贡献度) over a trailing window
 * (setting core.contributionRates, 12 months by default), in CNY:
 *
 *   fee income        Σ over the customer's orders placed in the window and not cancelled
 *                     (either side) of amount × reference rate to CNY × the line's fee rate;
 *   interest margin   Σ over open positions of market value in CNY × the line's annual
 *                     margin rate — an estimate of what the balances earn the bank in a year
 *                     (the bank keeps no balance history to average over the window).
 *
 * Fee income is read from orders in SQL (the same expression for the field, the
 * page's look-ahead and the filter); the margin is valued with the positions,
 * kept in `customers.margin_cny` with `assets_cny` for the filter.
 */

const DAY = 86_400_000;

/** An order aliased `o`: its amount in CNY (CNY itself at 1; an order in a currency without a reference rate counts as nothing). */
export const AMOUNT_CNY = sql.raw(
  `o.amount * case when o.currency = 'CNY' then 1 else (select r.rate_to_cny from exchange_rates r where r.currency = o.currency) end`,
);

/** `case o.line when … then rate … else default end` from a rate-by-line setting. */
function rateCase(byLine: Record<string, string>): SQL {
  const whens = Object.entries(byLine)
    .filter(([line]) => line !== 'default')
    .map(([line, rate]) => sql` when ${line} then ${rate}::numeric`);
  return sql`(case o.line${sql.join(whens, sql``)} else ${rateFor(byLine, 'default')}::numeric end)`;
}

/** The windows' starts, from `now`. */
function windows(settings: SettingsReader, now: Date) {
  return {
    feeSince: new Date(now.getTime() - contributionRates(settings).windowDays * DAY),
    volumeSince: new Date(now.getTime() - sizeClassThresholds(settings).windowDays * DAY),
  };
}

/** Fee income and business volume sums over orders aliased `o` (rounded to cents), and the rows they read. */
function orderSums(settings: SettingsReader, now: Date) {
  const { feeSince, volumeSince } = windows(settings, now);
  // Instants as ISO text cast in SQL: every driver passes a string the same way.
  const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const fee = sql`coalesce(round(sum(${AMOUNT_CNY} * ${rateCase(contributionRates(settings).feeRateByLine)}) filter (where o.placed_at > ${at(feeSince)}), 2), 0)`;
  const volume = sql`coalesce(round(sum(${AMOUNT_CNY}) filter (where o.placed_at > ${at(volumeSince)}), 2), 0)`;
  const since = feeSince < volumeSince ? feeSince : volumeSince;
  const rows = sql`o.status <> 'CANCELLED' and o.placed_at > ${at(since)} and o.placed_at <= ${at(now)}`;
  return { fee, volume, rows };
}

/** Fee income of the customer row `customers` (a correlated sub-query, for filters). */
export function feeIncomeSql(settings: SettingsReader, now: Date): SQL {
  const s = orderSums(settings, now);
  return sql`(select ${s.fee} from orders o where o.customer_id = customers.id and ${s.rows})`;
}

/** Business volume of the customer row `customers` in the size-class window (a correlated sub-query, for filters). */
export function volumeSql(settings: SettingsReader, now: Date): SQL {
  const s = orderSums(settings, now);
  return sql`(select ${s.volume} from orders o where o.customer_id = customers.id and ${s.rows})`;
}

/** Per customer of `ids` (an SQL array): customer_id, fee, volume — customers without orders in the windows are absent. */
export function orderStatsSql(ids: SQL, settings: SettingsReader, now: Date): SQL {
  const s = orderSums(settings, now);
  return sql`select o.customer_id, ${s.fee} as fee, ${s.volume} as volume from orders o where o.customer_id = any(${ids}) and ${s.rows} group by o.customer_id`;
}

export interface OrderStats {
  feeCny: string;
  volumeCny: string;
}

export const NO_ORDERS: OrderStats = { feeCny: '0.00', volumeCny: '0.00' };

/** Decodes order stats rows (json or driver rows) into a map by customer id. */
export function decodeOrderStats(rows: { customer_id: unknown; fee: unknown; volume: unknown }[]): Map<number, OrderStats> {
  return new Map(
    rows.map((r) => [Number(r.customer_id), { feeCny: new Decimal(String(r.fee)).toFixed(2), volumeCny: new Decimal(String(r.volume)).toFixed(2) }]),
  );
}

/** Order stats by customer id, batched: one statement for every customer a request asks about. */
export const orderStatsLoader = (ctx: HostContext) =>
  ctx.loader<number, OrderStats>('core.orderStats', async (ids) => {
    const arr = sql`array[${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}]::int[]`;
    const found = decodeOrderStats(resultRows(await ctx.db.execute(orderStatsSql(arr, ctx.settings, ctx.now))) as never);
    return ids.map((id) => found.get(id) ?? NO_ORDERS);
  });

/** Annual interest-margin estimate of positions valued in CNY, by their lines' margin rates. */
export function marginOf(values: { line: string; amountCny: string }[], settings: SettingsReader): string {
  const rates = contributionRates(settings).marginRateByLine;
  return values.reduce((acc, v) => acc.add(new Decimal(v.amountCny).mul(rateFor(rates, v.line))), new Decimal(0)).toFixed(2);
}
