import { sql, type SQL } from 'drizzle-orm';
import { intArray } from '../../db/int-array.js';
import { customers } from '../../db/schema/index.js';
import type { SettingsReader } from '../../settings/reader.js';
import { reachedSql } from '../customers/activity.js';
import { AMOUNT_CNY } from '../customers/contribution.js';
import { bookNowSql } from './day-close.js';
import { highValueTiers } from './kpi.settings.js';
import { satisfactionAggregates } from '../satisfaction/satisfaction.definitions.js';

/**
 * KPIs (考核) of several managers or several branches over one period, in one
 * statement whatever their number or the number of customers in their books:
 * every figure is an aggregate grouped by the manager (or branch), never a
 * statement per customer or per manager.
 *
 * Stocks (customers, AUM, product lines, tiers) compare two books: the close
 * before the period starts (the latest `customer_day_closes` day before its
 * first day) and its end — the close of its last day for a period that has
 * ended (the latest close up to that day), or the books as they stand now
 * (`bookNowSql`) for the current period. Flows (contacts, sales, complaints,
 * satisfaction responses) count what happened in [start, asOf), asOf being the period's end or now; leads count
 * their moves (lead_events) and conversions in it.
 */

/** What a KPI row is grouped by: the column of each source holding the manager or the branch. */
export type KpiLevel = 'MANAGER' | 'BRANCH';

const COLUMNS: Record<KpiLevel, { close: string; customers: SQL; complaints: string; seller: string; satisfaction: string }> = {
  MANAGER: { close: 'manager_id', customers: sql`${customers.managerId}`, complaints: 'manager_id', seller: 'seller_manager_id', satisfaction: 'manager_id' },
  BRANCH: { close: 'branch_id', customers: sql`${customers.branchId}`, complaints: 'branch_id', seller: 'seller_branch_id', satisfaction: 'branch_id' },
};

export interface KpiQuery {
  level: KpiLevel;
  ids: number[];
  /** First and last Beijing day of the period, and its instants [start, end). */
  firstDay: string;
  lastDay: string;
  start: Date;
  /** min(end, now): flows are counted up to here. */
  asOf: Date;
  /** The period has not ended: its end book is the live one. */
  live: boolean;
  now: Date;
  settings: SettingsReader;
}

/** Beijing midnight as a date_bin origin: due dates are whole Beijing days. */
const BEIJING_ORIGIN = sql.raw(`timestamptz '2000-01-01 00:00:00+08'`);

/**
 * The statement. Per group (`g`): start and end books' counts and sums, new and
 * lost customers (in one book and not the other, for that group), contact-plan
 * due events, complaints, high-value customers served, and sales by line as JSON.
 */
export function kpiSql(q: KpiQuery): SQL {
  const col = COLUMNS[q.level];
  const g = sql.raw(col.close);
  const ids = intArray(q.ids);
  const start = sql`${q.start.toISOString()}::timestamptz`;
  const asOf = sql`${q.asOf.toISOString()}::timestamptz`;
  const endBook = q.live
    ? sql`select b.customer_id, b.${g} as g, b.tier, b.assets_cny, b.lines_held, b.cadence_days
        from (${bookNowSql(q.settings, q.now, sql`${col.customers} = any(${ids})`)}) b`
    : sql`select k.customer_id, k.${g} as g, k.tier, k.assets_cny, k.lines_held, k.cadence_days
        from customer_day_closes k where k.day = (select d from e_day) and k.${g} = any(${ids})`;
  const highValue = sql.join(
    highValueTiers(q.settings).map((t) => sql`${t}`),
    sql`, `,
  );
  const inPeriod = (column: string) => sql`${sql.raw(column)} >= ${start} and ${sql.raw(column)} < ${asOf}`;
  const dueInPeriod = sql`c.due >= ${start} and c.due < ${asOf}`;
  return sql`with
    s_day as (select max(day) as d from customer_day_closes where day < ${q.firstDay}::date),
    e_day as (select max(day) as d from customer_day_closes where day <= ${q.lastDay}::date),
    start_book as (select k.customer_id, k.${g} as g, k.assets_cny from customer_day_closes k where k.day = (select d from s_day) and k.${g} = any(${ids})),
    end_book as materialized (${endBook}),
    -- Who is in which book, by one hash full join (not a per-row look-up of the other book).
    membership as (
      select coalesce(s.g, e.g) as g, s.customer_id is not null as in_start, e.customer_id is not null as in_end
      from start_book s full join end_book e on e.customer_id = s.customer_id and e.g = s.g),
    membership_figures as (
      select m.g, (count(*) filter (where m.in_end and not m.in_start))::int as gained, (count(*) filter (where m.in_start and not m.in_end))::int as lost
      from membership m group by m.g),
    start_figures as (select s.g, count(*)::int as at_start, sum(s.assets_cny) as aum_start from start_book s group by s.g),
    end_figures as (
      select e.g, count(*)::int as at_end, sum(e.assets_cny) as aum_end, round(avg(e.lines_held), 2)::float8 as coverage,
        (count(*) filter (where e.tier in (${highValue}) and (
          exists (select 1 from contacts k where k.customer_id = e.customer_id and ${reachedSql('k')} and ${inPeriod('k.occurred_at')})
          or exists (select 1 from orders o where o.customer_id = e.customer_id and o.status <> 'CANCELLED' and ${inPeriod('o.placed_at')}))))::int as high_value_served
      from end_book e group by e.g),
    anchors as (
      select e.g, e.customer_id, e.cadence_days, k.occurred_at as at, true as reach
        from end_book e join contacts k on k.customer_id = e.customer_id and ${reachedSql('k')} and ${inPeriod('k.occurred_at')}
      union all
      select e.g, e.customer_id, e.cadence_days, coalesce(p.last, cu.created_at), p.last is not null
        from end_book e join customers cu on cu.id = e.customer_id
        -- The last reach before the period matters only while its next contact falls due in the period: a reach
        -- older than one cadence is due before the period, as the customer's opening is. Bounded so, the look-up
        -- reads the contacts partitions of one cadence back (pruned at run time), not every month ever.
        left join lateral (select max(k.occurred_at) as last from contacts k where k.customer_id = e.customer_id and ${reachedSql('k')}
          and k.occurred_at < ${start} and k.occurred_at >= ${start} - make_interval(days => e.cadence_days)) p on true),
    chain as (
      select a.g, case when a.reach then a.at + make_interval(days => a.cadence_days) else a.at end as due,
        lead(a.at) over (partition by a.customer_id order by a.at) as next_at
      from anchors a),
    contact_figures as (
      select c.g, (count(*) filter (where ${dueInPeriod}))::int as due,
        (count(*) filter (where ${dueInPeriod} and c.next_at < date_bin('1 day', c.due, ${BEIJING_ORIGIN}) + interval '1 day'))::int as on_time,
        (count(*) filter (where c.next_at is null and c.due < ${asOf}))::int as overdue
      from chain c group by c.g),
    complaint_figures as (
      select x.${sql.raw(col.complaints)} as g, count(*)::int as n from complaints x
      where x.${sql.raw(col.complaints)} = any(${ids}) and ${inPeriod('x.recorded_at')} group by 1),
    sales as (
      select o.${sql.raw(col.seller)} as g, o.line, count(*)::int as n, coalesce(round(sum(${AMOUNT_CNY}), 2), 0) as amount from orders o
      where o.${sql.raw(col.seller)} = any(${ids}) and o.status <> 'CANCELLED' and ${inPeriod('o.placed_at')} group by 1, 2),
    lead_assigned as (
      select e.${g} as g, count(distinct e.lead_id)::int as n from lead_events e
      where e.to_stage = 'DISTRIBUTED' and e.manager_id is not null and e.${g} = any(${ids}) and ${inPeriod('e.at')} group by 1),
    lead_converted as (
      select l.${g} as g, count(*)::int as n, round(avg(extract(epoch from l.converted_at - l.created_at) / 86400)::numeric, 1)::float8 as days from leads l
      where l.stage = 'CONVERTED' and l.${g} = any(${ids}) and ${inPeriod('l.converted_at')} group by 1),
    -- Satisfaction responses recorded in the period, by the manager (or branch) responsible for their subject (satisfaction.definitions.ts).
    satisfaction_figures as (
      select r.${sql.raw(col.satisfaction)} as g, ${satisfactionAggregates('r')} from satisfaction_responses r
      where r.${sql.raw(col.satisfaction)} = any(${ids}) and ${inPeriod('r.recorded_at')} group by 1),
    sales_figures as (select s.g, json_agg(json_build_object('line', s.line, 'count', s.n, 'amount', s.amount::text) order by s.line) as lines from sales s group by s.g)
  select i.g, (select d from s_day)::text as start_closed_on, ${q.live ? sql`null` : sql`(select d from e_day)`}::text as end_closed_on,
    coalesce(sf.at_start, 0) as at_start, coalesce(ef.at_end, 0) as at_end, coalesce(mf.gained, 0) as gained, coalesce(mf.lost, 0) as lost,
    coalesce(sf.aum_start, 0)::text as aum_start, coalesce(ef.aum_end, 0)::text as aum_end, ef.coverage,
    coalesce(cf.due, 0) as contacts_due, coalesce(cf.on_time, 0) as contacts_on_time, coalesce(cf.overdue, 0) as contacts_overdue,
    coalesce(xf.n, 0) as complaints, coalesce(ef.high_value_served, 0) as high_value_served, coalesce(sl.lines, '[]'::json) as sales,
    coalesce(la.n, 0) as leads_assigned, coalesce(lc.n, 0) as leads_converted, lc.days as days_to_convert,
    sat.sat_n, sat.sat_satisfied, sat.sat_score_sum, sat.sat_rated, sat.sat_promoters, sat.sat_detractors
  from unnest(${ids}) as i(g)
    left join membership_figures mf on mf.g = i.g left join start_figures sf on sf.g = i.g left join end_figures ef on ef.g = i.g left join contact_figures cf on cf.g = i.g
    left join complaint_figures xf on xf.g = i.g left join sales_figures sl on sl.g = i.g
    left join lead_assigned la on la.g = i.g left join lead_converted lc on lc.g = i.g left join satisfaction_figures sat on sat.g = i.g`;
}
