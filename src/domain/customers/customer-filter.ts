import { and, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { Field, ID, InputType } from 'type-graphql';
import { customers } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import type { SettingsReader } from '../../suitability/types.js';
import { ActivityEnum, LifeStageEnum, RiskLevelEnum, TierEnum } from '../common/enums.js';
import { customerSearchSql, parseCustomerSearch } from './customer-search.js';
import { chinaDate, TIERS } from './derived.js';

@InputType('CustomerFilter', { description: 'Filters for the customer book; all given filters must match.' })
export class CustomerFilter {
  @Field(() => TierEnum, { nullable: true, description: 'By the last valuation of total assets.' }) tier?: string;
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel?: string;
  @Field(() => ID, { nullable: true }) managerId?: string;
  @Field(() => ID, { nullable: true }) branchId?: string;
  @Field(() => ActivityEnum, { nullable: true }) activity?: string;
  @Field(() => LifeStageEnum, { nullable: true }) lifeStage?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Name contains (1–50 characters, case-insensitive). A term with a digit is an identifier search: it matches a phone (digits, optional leading +; spaces, dashes and +86 ignored) ' +
      'or an ID number (letters upper-cased) only on the whole value — part of the digits matches nothing — and each such search is audited as PII_SEARCH (the term itself is never stored). ' +
      'Identifier search is for the roles that may reveal identities (relationship manager, branch manager, head office); anyone else gets FORBIDDEN.',
  })
  search?: string;
}

const DAY = 86_400_000;

/** The birth date `years` before `now` (China date), as YYYY-MM-DD. */
function yearsAgo(now: Date, years: number): string {
  const { y, m, d } = chinaDate(now);
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
  if (f.tier) {
    const t = settings.get<Record<string, string>>('core.tierThresholdsCny');
    const i = TIERS.indexOf(f.tier as (typeof TIERS)[number]);
    const lower = i > 0 ? t[TIERS[i]] : undefined;
    const upper = i < TIERS.length - 1 ? t[TIERS[i + 1]] : undefined;
    parts.push(lower ? gte(customers.assetsCny, lower) : undefined, upper ? lt(customers.assetsCny, upper) : undefined);
  }
  if (f.activity) {
    const w = settings.get<{ frequent: number; occasional: number }>('core.activityWindowsDays');
    const frequentSince = new Date(now.getTime() - w.frequent * DAY);
    const occasionalSince = new Date(now.getTime() - w.occasional * DAY);
    if (f.activity === 'FREQUENT') parts.push(gte(customers.lastActivityAt, frequentSince));
    else if (f.activity === 'OCCASIONAL') parts.push(and(gte(customers.lastActivityAt, occasionalSince), lt(customers.lastActivityAt, frequentSince)));
    else parts.push(or(isNull(customers.lastActivityAt), lt(customers.lastActivityAt, occasionalSince)));
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
