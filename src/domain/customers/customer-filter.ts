import { and, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { activityCaseSql, activitySince } from './activity.js';
import { nextDueSql, overBusiness } from './contact-plan.js';
import { Field, ID, InputType } from 'type-graphql';
import { customers, managers } from '../../db/schema/index.js';
import { gradesBelow, minimumGradeFor } from '../organisation/grades.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import type { SettingsReader } from '../../settings/reader.js';
import { ActivityEnum, IncomeBandEnum, LifeStageEnum, RiskAttitudeEnum, RiskLevelEnum, SizeClassEnum, TierEnum } from '../common/enums.js';
import { incomeBandSql, nearNextTierSql, riskAttitudeSql, sizeClassSql, tierSql } from './customer-filter-classes.js';
import { customerSearchSql, parseCustomerSearch } from './customer-search.js';
import { beijingYmd } from '../common/beijing-time.js';
import { TIERS } from './derived.js';

@InputType('CustomerFilter', { description: 'Filters for the customer book; all given filters must match.' })
export class CustomerFilter {
  @Field(() => TierEnum, {
    nullable: true,
    description:
      'As the `tier` field computes it (setting core.tierBasis): assets valued at the latest prices and rates (the valuation is refreshed by orders and whenever a price or rate is published), contribution from orders and that valuation.',
  })
  tier?: string;
  @Field(() => SizeClassEnum, { nullable: true, description: 'As the `sizeClass` field computes it (setting core.sizeClass).' }) sizeClass?: string;
  @Field(() => RiskAttitudeEnum, { nullable: true, description: 'As the `riskAttitude` field: by the risk level (never assessed customers match none).' })
  riskAttitude?: string;
  @Field(() => IncomeBandEnum, { nullable: true, description: 'As the `incomeBand` field (setting bundles.incomeBandsCny).' }) incomeBand?: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: customers within setting core.nearNextTier (a share of the next threshold, or an amount per measure) of the tier above theirs on a basis measure (临界客户); false: every other customer, the top tier included.',
  })
  nearNextTier?: boolean;
  @Field(() => RiskLevelEnum, {
    nullable: true,
    description: 'Customers at this risk level (from their newest risk assessment; never assessed customers match none).',
  })
  riskLevel?: string;
  @Field(() => ID, { nullable: true, description: 'Customers assigned to this manager (CustomerManager id).' }) managerId?: string;
  @Field(() => ID, { nullable: true, description: 'Customers of this branch (Branch id).' }) branchId?: string;
  @Field(() => ActivityEnum, { nullable: true, description: 'By frequency of business, exactly as the activity field (setting core.activityByBusiness).' })
  activity?: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Customers whose contact plan is due before this instant (contactPlan.nextDueAt < contactDueBefore); pass now for the overdue ones.',
  })
  contactDueBefore?: Date;
  @Field(() => LifeStageEnum, { nullable: true, description: 'As the `lifeStage` field: by age today (setting core.lifeStageAges).' }) lifeStage?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Name contains (1–50 characters, case-insensitive). A term with a digit is an identifier search: it matches a phone (digits, optional leading +; spaces, dashes and +86 ignored) ' +
      'or an ID number (letters upper-cased) only on the whole value — part of the digits matches nothing — and each such search is audited as PII_SEARCH (the term itself is never stored). ' +
      'Identifier search is for the roles that may reveal identities (relationship manager, branch manager, head office); anyone else gets FORBIDDEN.',
  })
  search?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: customers whose assigned manager is below the grade their tier needs (setting core.minimumManagerGradeByTier, 对等配置); ' +
      'false: every other customer (no manager, or a manager of the grade or above). The tier is read as the tier filter reads it.',
  })
  assignmentMismatch?: boolean;
}

/**
 * Customers whose manager's grade is below their tier's minimum, as one set-based
 * condition (an EXISTS on the manager row, never one statement per customer):
 * for each tier that needs more than the lowest grade, "in that tier (tierSql)
 * and served by a grade below it". EXISTS is never NULL, so its negation is exact
 * for customers without a manager.
 */
export function assignmentMismatchSql(settings: SettingsReader, now: Date): SQL {
  const perTier = TIERS.map((tier) => {
    const below = gradesBelow(minimumGradeFor(tier, settings));
    return below.length === 0 ? undefined : and(tierSql(tier, settings, now), inArray(managers.grade, below));
  }).filter((c): c is SQL => c !== undefined);
  if (perTier.length === 0) return sql`false`;
  return sql`exists (select 1 from ${managers} where ${managers.id} = ${customers.managerId} and (${or(...perTier)}))`;
}

/** The birth date `years` before `now` (China date), as YYYY-MM-DD. */
function yearsAgo(now: Date, years: number): string {
  const { y, m, d } = beijingYmd(now);
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** SQL for a customer filter, from the same settings the derived fields use. */
export function customerFilterSql(f: CustomerFilter | undefined | null, settings: SettingsReader, now: Date): SQL | undefined {
  if (!f) return undefined;
  const parts: (SQL | undefined)[] = [];
  if (f.riskLevel) parts.push(eq(customers.riskLevel, f.riskLevel));
  if (f.managerId) {
    const id = numericIdOf(f.managerId, 'CustomerManager');
    if (!id) throw badInput(text('客户经理编号无效', 'managerId is not a customer manager id'), 'managerId');
    parts.push(eq(customers.managerId, id));
  }
  if (f.branchId) {
    const id = numericIdOf(f.branchId, 'Branch');
    if (!id) throw badInput(text('网点编号无效', 'branchId is not a branch id'), 'branchId');
    parts.push(eq(customers.branchId, id));
  }
  if (f.tier) parts.push(tierSql(f.tier, settings, now));
  if (f.sizeClass) parts.push(sizeClassSql(f.sizeClass, settings, now));
  if (f.riskAttitude) parts.push(riskAttitudeSql(f.riskAttitude));
  if (f.incomeBand) parts.push(incomeBandSql(f.incomeBand, settings));
  if (f.nearNextTier != null) {
    const near = nearNextTierSql(settings, now);
    parts.push(f.nearNextTier ? near : not(near));
  }
  if (f.assignmentMismatch != null) {
    const mismatch = assignmentMismatchSql(settings, now);
    parts.push(f.assignmentMismatch ? mismatch : not(mismatch));
  }
  if (f.activity) {
    // The field's count and thresholds, per row in one FROM sub-query (see overBusiness).
    parts.push(sql`${overBusiness(activityCaseSql(sql`x.n`, settings), activitySince(now, settings))} = ${f.activity}`);
  }
  if (f.contactDueBefore) {
    parts.push(sql`${overBusiness(nextDueSql(sql`x.n`, sql`x.r`, settings), activitySince(now, settings))} < ${f.contactDueBefore.toISOString()}::timestamptz`);
  }
  if (f.lifeStage) {
    const b = settings.get<{ middleAged: number; senior: number }>('core.lifeStageAges');
    // age ≥ N  ⇔  born on or before the date N years ago.
    const middleBorn = yearsAgo(now, b.middleAged);
    const seniorBorn = yearsAgo(now, b.senior);
    if (f.lifeStage === 'YOUNG') parts.push(sql`${customers.birthDate} > ${middleBorn}`);
    else if (f.lifeStage === 'MIDDLE_AGED') parts.push(sql`${customers.birthDate} <= ${middleBorn} and ${customers.birthDate} > ${seniorBorn}`);
    else parts.push(sql`${customers.birthDate} <= ${seniorBorn}`);
  }
  if (f.search !== undefined && f.search !== null) parts.push(customerSearchSql(parseCustomerSearch(f.search)));
  return and(...parts);
}
