import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import type { KpiGranularity } from './kpi-period.js';

export enum KpiGranularityEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
  DEKAD = 'DEKAD',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(KpiGranularityEnum, {
  name: 'KpiGranularity',
  description:
    '考核周期 / Reporting period: DAY; WEEK (Monday–Sunday); DEKAD (旬: days 1–10, 11–20, 21–month end); MONTH; QUARTER (from Jan, Apr, Jul, Oct); YEAR. Boundaries are Beijing midnights.',
  valuesConfig: {
    DAY: { description: '日 / One calendar day.' },
    WEEK: { description: '周 / Monday to Sunday.' },
    DEKAD: { description: "旬 / Days 1–10, 11–20, or 21 to the month's end." },
    MONTH: { description: '月 / A calendar month.' },
    QUARTER: { description: '季 / A calendar quarter, from January, April, July or October.' },
    YEAR: { description: '年 / A calendar year.' },
  },
});

@InputType('KpiPeriodInput', {
  description:
    'A reporting period: the one of this granularity that contains `date` (Beijing calendar), as [first day 00:00, day after the last 00:00) Beijing time.',
})
export class KpiPeriodInput {
  @Field(() => KpiGranularityEnum, { description: 'DAY, WEEK, DEKAD (旬), MONTH, QUARTER or YEAR.' }) granularity!: KpiGranularity;
  @Field(() => DateScalar, { description: 'Any day inside the period.' }) date!: string;
}
