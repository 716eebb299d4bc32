import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars.js';
import { ProductLineValues } from '../common/enums.js';
import { Money } from '../common/money.type.js';

@ObjectType('LineSales', { description: 'Sales of one product line in the period: orders placed and not cancelled.' })
export class LineSales {
  @Field(() => ProductLineValues, { description: 'The product line.' }) line!: string;
  @Field(() => Int, { description: 'Orders placed in the period and not cancelled (buys and sells).' }) count!: number;
  @Field(() => Money, { description: "Their amounts, each at today's reference rate to CNY, summed and rounded to cents." }) amount!: Money;
}

@ObjectType('Kpis', {
  description:
    '考核指标 / KPIs of a manager or a branch over a reporting period. Stocks compare two books: the start book is the end-of-day close (日终) before the ' +
    "period's first day; the end book the close of its last day (the latest close up to it) for a period that has ended, or the books as they " +
    "stand now for the current one. Flows (contacts, sales, complaints, satisfaction responses) count what happened from the period's start to its end, or to now. " +
    "A manager's book: the customers assigned to them; a branch's: the customers of the branch. Rates are fractions (0.9512 = 95.12 %), 4 decimals.",
})
export class Kpis {
  @Field(() => DateScalar, { description: 'First day of the period (Beijing calendar).' }) firstDay!: string;
  @Field(() => DateScalar, { description: 'Last day of the period.' }) lastDay!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The close the start book is: the latest before firstDay; null when none was taken (every customer then counts as new).',
  })
  startClosedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The close the end book is; null when the period has not ended and the end book is live.' })
  endClosedOn!: string | null;
  @Field(() => DateTimeScalar, { description: 'Flows are counted up to here: the end of the period, or now.' }) asOf!: Date;
  @Field(() => Int, { description: 'Customers in the start book (存量客户).' }) customersAtStart!: number;
  @Field(() => Int, { description: 'Customers in the end book.' }) customersAtEnd!: number;
  @Field(() => Int, { description: 'In the end book and not the start book: onboarded or assigned here in the period (新增客户).' }) newCustomers!: number;
  @Field(() => Int, { description: 'In the start book and not the end book: reassigned away or gone (流失客户).' }) lostCustomers!: number;
  @Field(() => Float, {
    nullable: true,
    description: '存量客户保有率: (customersAtStart − lostCustomers) / customersAtStart; null when the start book is empty.',
  })
  retentionRate!: number | null;
  @Field(() => Money, { description: "Assets under management at the start: the start book's customers' valued positions, CNY." }) aumAtStart!: Money;
  @Field(() => Money, { description: 'Assets under management at the end (end book), CNY.' }) aum!: Money;
  @Field(() => Money, { description: 'aum − aumAtStart.' }) aumGrowth!: Money;
  @Field(() => Float, { nullable: true, description: 'aumGrowth / aumAtStart; null when aumAtStart is 0.' }) aumGrowthRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '产品覆盖度: product lines with an open position per customer of the end book, on average (2 decimals); null for an empty book.',
  })
  coverageAverage!: number | null;
  @Field(() => Int, {
    description:
      "Contacts due in the period for the end book's customers: each due date of their contact plan falling in it — the last reach before the period " +
      'plus the cadence, then each reach in the period plus the cadence (a customer never reached is due the day they became one). Cadence: the ' +
      "plan's at the end book.",
  })
  contactsDue!: number;
  @Field(() => Int, { description: 'Of contactsDue, those met on time: the customer was reached no later than the end of the due day (Beijing).' })
  contactsOnTime!: number;
  @Field(() => Float, { nullable: true, description: '客户联系计划覆盖率: contactsOnTime / contactsDue; null when none was due.' }) contactPlanCoverage!:
    number | null;
  @Field(() => Int, { description: "End book customers whose contact is overdue at asOf (the plan's next due date has passed unreached)." })
  contactsOverdue!: number;
  @Field(() => [LineSales], {
    description:
      "Sales by line, by line code: orders placed in the period and not cancelled, by the manager (a manager's KPIs) or at the branch (a branch's: its managers' and branch manager's sales).",
  })
  salesByLine!: LineSales[];
  @Field(() => Int, { description: 'Complaints filed in the period with this manager (or branch) responsible, as recorded at filing.' }) complaints!: number;
  @Field(() => Float, { nullable: true, description: 'complaints × 1000 / customersAtEnd (2 decimals); null for an empty end book.' }) complaintsPer1000!:
    number | null;
  @Field(() => Int, {
    description:
      'High-value customers served: end book customers of tier core.kpis.highValueFromTier or above (at the end book) reached by a contact or with an order in the period.',
  })
  highValueCustomersServed!: number;
  @Field(() => Int, { description: 'Leads given to the manager (or to a manager of the branch) in the period: claimed or distributed to them.' })
  leadsAssigned!: number;
  @Field(() => Int, { description: 'Leads held by the manager (or of the branch pool) converted in the period.' }) leadsConverted!: number;
  @Field(() => Float, {
    nullable: true,
    description: "leadsConverted / leadsAssigned (a period's conversions may come from leads assigned before it); null when none was assigned.",
  })
  leadConversionRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Days from collection to conversion, on average over the leads converted in the period (1 decimal); null when none converted.',
  })
  averageDaysToConvert!: number | null;
  @Field(() => Int, {
    description:
      '客户满意度调查 / Satisfaction responses recorded in the period (recordSatisfaction) about a contact, complaint or order this manager (or branch) was ' +
      'responsible for when it happened — as recorded on the response, so a later reassignment does not move them.',
  })
  satisfactionResponses!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'CSAT (客户满意度): of satisfactionResponses, the share scoring 4 or 5 on the 1–5 scale (a fraction, like every rate here); null when none.',
  })
  csat!: number | null;
  @Field(() => Float, { nullable: true, description: 'The mean score of satisfactionResponses (1–5, 2 decimals); null when none.' })
  averageSatisfactionScore!: number | null;
  @Field(() => Int, { description: 'Of satisfactionResponses, those with a recommend value (0–10): the base of nps.' }) npsResponses!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'NPS (净推荐值): promoters (recommend 9–10) minus detractors (0–6), as a percentage of npsResponses, from −100 to 100 (2 decimals; a score, not a ' +
      'fraction); null when no response carries a recommend value.',
  })
  nps!: number | null;
}
