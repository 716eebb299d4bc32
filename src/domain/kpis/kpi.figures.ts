import { Decimal } from 'decimal.js';
import { jsonValue } from '../../db/json-rows.js';
import { money } from '../common/money.type.js';
import type { Kpis } from './kpi.types.js';
import { satisfactionFiguresOf } from '../satisfaction/satisfaction.definitions.js';

/** One row of kpiSql, as either driver returns it. */
export type KpiRow = Record<string, unknown>;

/** A fraction to 4 decimals, or null over nothing. */
const rate = (part: Decimal.Value, whole: Decimal.Value): number | null =>
  new Decimal(whole).isZero() ? null : new Decimal(part).div(whole).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();

const cny = (v: Decimal.Value) => money(new Decimal(v).toFixed(2), 'CNY');

/** The Kpis of one row: the statement's counts and sums, and the ratios derived from them exactly. */
export function kpisOf(r: KpiRow, period: { firstDay: string; lastDay: string; asOf: Date }): Kpis {
  const atStart = Number(r.at_start);
  const atEnd = Number(r.at_end);
  const lost = Number(r.lost);
  const aumStart = new Decimal(String(r.aum_start));
  const aumEnd = new Decimal(String(r.aum_end));
  const due = Number(r.contacts_due);
  const onTime = Number(r.contacts_on_time);
  const complaints = Number(r.complaints);
  const satisfaction = satisfactionFiguresOf(r);
  const sales = jsonValue<{ line: string; count: number; amount: string | number }[]>(r.sales);
  return {
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    asOf: period.asOf,
    startClosedOn: r.start_closed_on == null ? null : String(r.start_closed_on),
    endClosedOn: r.end_closed_on == null ? null : String(r.end_closed_on),
    customersAtStart: atStart,
    customersAtEnd: atEnd,
    newCustomers: Number(r.gained),
    lostCustomers: lost,
    retentionRate: rate(atStart - lost, atStart),
    aumAtStart: cny(aumStart),
    aum: cny(aumEnd),
    aumGrowth: cny(aumEnd.sub(aumStart)),
    aumGrowthRate: rate(aumEnd.sub(aumStart), aumStart),
    coverageAverage: r.coverage == null ? null : Number(r.coverage),
    contactsDue: due,
    contactsOnTime: onTime,
    contactPlanCoverage: rate(onTime, due),
    contactsOverdue: Number(r.contacts_overdue),
    salesByLine: sales.map((s) => ({ line: s.line, count: Number(s.count), amount: cny(String(s.amount)) })),
    complaints,
    complaintsPer1000: atEnd === 0 ? null : new Decimal(complaints).mul(1000).div(atEnd).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
    highValueCustomersServed: Number(r.high_value_served),
    leadsAssigned: Number(r.leads_assigned),
    leadsConverted: Number(r.leads_converted),
    leadConversionRate: rate(Number(r.leads_converted), Number(r.leads_assigned)),
    averageDaysToConvert: r.days_to_convert == null ? null : Number(r.days_to_convert),
    satisfactionResponses: satisfaction.responses,
    csat: satisfaction.csat,
    averageSatisfactionScore: satisfaction.averageScore,
    npsResponses: satisfaction.npsResponses,
    nps: satisfaction.nps,
  };
}
