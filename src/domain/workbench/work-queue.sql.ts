import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.js';
import { customerScope } from '../../access/scope.js';
import { intArray } from '../../db/int-array.js';
import { branchVisits, complaints, customers, holdings, leads, managers, orders } from '../../db/schema/index.js';
import { counterConfig } from '../branch-floor/counter.settings.js';
import { leadScope } from '../leads/lead.scope.js';
import { leadConfig } from '../leads/lead.settings.js';
import type { SettingsReader } from '../../settings/reader.js';
import { activityCaseSql, activitySince, businessCountSql, lastReachedSql } from '../customers/activity.js';
import { basisMeasures } from '../customers/classification.js';
import { measureSql, nearNextTierSql } from '../customers/customer-filter-classes.js';
import { nextDueSql } from '../customers/contact-plan.js';
import type { LineWorkItems } from '../../sdk/manifest.js';
import { startOfBeijingDay } from '../common/beijing-time.js';
import { WORK_ITEM_KINDS, type QueueKind, type WorkItemKind, type WorkQueueSetting } from './work-item-kinds.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One work item as the queue statement returns it. */
export interface WorkItemRow {
  managerId: number;
  /** A host kind, or a line's kind (LINE_ITEM items: e.g. LOANS_OVERDUE). */
  kind: WorkItemKind | string;
  /** What the item is about: the customer (contact, assessment, unassigned), the complaint, the order, the position or the lead. */
  subjectId: number;
  /** Null for lead items (the prospect is no customer yet). */
  customerId: number | null;
  dueAt: Date;
  priority: number;
  /** NEAR_NEXT_TIER: the measures (valuation snapshot) the filter compared, for the next tier and gap; else null. */
  assetsCny: string | null;
  contributionCny: string | null;
}

/** Where a page starts: after the item with this rank (priority, due date, kind, subject). */
export interface WorkQueueCursor {
  priority: number;
  dueAt: Date;
  kind: string;
  subjectId: number;
}

export interface WorkQueueQuery {
  /** The managers whose queues to build, together (a page of the roster costs what one manager does). */
  managerIds: readonly number[];
  principal: Principal;
  kinds: readonly QueueKind[];
  /** The product lines that raise items (LINE_ITEM). */
  lines: readonly LineWorkItems[];
  now: Date;
  settings: SettingsReader;
}

/** An instant as Date.toISOString writes it (UTC, milliseconds): such strings sort as their instants. */
const ISO_INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A complaint (alias `k`) still waiting for feedback to the customer. The queue raises it once overdue. */
export const complaintOpenSql = (): SQL => sql`k.feedback_at is null`;

/** A pending order (alias `o`) whose cooling-off period ends within the look-ahead: COOLING_OFF_ENDING. */
export const coolingOffEndingSql = (now: Date, s: WorkQueueSetting): SQL =>
  sql`o.status = 'PENDING' and o.cooling_off_ends_at > ${at(now)} and o.cooling_off_ends_at <= ${at(new Date(now.getTime() + s.coolingOffEndingWithinHours * HOUR_MS))}`;

/**
 * An open position (alias `h`) maturing within the look-ahead: PRODUCT_MATURING. maturesAt as Date.toISOString
 * writes it: compared as text (same order as the instants), cast only once in range.
 */
export const productMaturingSql = (now: Date, s: WorkQueueSetting): SQL =>
  sql`h.status in ('ACTIVE', 'PENDING') and h.attributes->>'maturesAt' ~ ${ISO_INSTANT} and h.attributes->>'maturesAt' > ${now.toISOString()} and h.attributes->>'maturesAt' <= ${new Date(now.getTime() + s.productMaturingWithinDays * DAY_MS).toISOString()}`;

/**
 * Every work item of the managers' books as one UNION ALL (no statement per customer
 * or per manager): the book (the managers' customers, within the caller's scope) with
 * each customer's business counted once per row, then one branch per kind, each item
 * tagged with the manager whose queue it is in. Kinds not asked for are left out.
 */
export function workItemsSql(q: WorkQueueQuery): SQL {
  const s = q.settings.get<WorkQueueSetting>('core.workQueue');
  const want = new Set(q.kinds);
  const now = q.now;
  const since = activitySince(now, q.settings);
  const validityDays = q.settings.get<number>('core.riskAssessmentValidityDays');
  const branches: SQL[] = [];

  if (want.has('CONTACT_DUE') || want.has('CONTACT_OVERDUE') || want.has('DORMANT_REACTIVATION')) {
    // A customer has one contact item: a dormant customer's due contact is a reactivation call.
    // `offset 0` keeps the lateral counts a subquery run once per customer: flattened, PostgreSQL copied the
    // count into every branch of the activity and cadence CASEs (tier × activity) and ran it dozens of times a row.
    const kind = sql`(case when b.activity = 'DORMANT' then 'DORMANT_REACTIVATION' when b.next_due < ${at(now)} then 'CONTACT_OVERDUE' else 'CONTACT_DUE' end)`;
    branches.push(sql`select * from (select b.manager_id, ${kind} as kind, b.id as subject_id, b.id as customer_id, b.next_due as due_at from (
      select ${customers.id} as id, ${customers.managerId} as manager_id, ${activityCaseSql(sql`x.n`, q.settings)} as activity, ${nextDueSql(sql`x.n`, sql`x.r`, q.settings)} as next_due
      from book ${customers} cross join lateral (select ${businessCountSql(sql`${customers.id}`, since)} as n, ${lastReachedSql(sql`${customers.id}`)} as r offset 0) x
    ) b where b.next_due <= ${at(new Date(now.getTime() + s.contactDueWithinDays * DAY_MS))}) c
      where c.kind in (${sql.join(
        [...want].filter((k) => k.startsWith('CONTACT_') || k === 'DORMANT_REACTIVATION').map((k) => sql`${k}`),
        sql`, `,
      )})`);
  }
  if (want.has('RISK_ASSESSMENT_EXPIRED') || want.has('RISK_ASSESSMENT_EXPIRING')) {
    const expires = sql`(b.risk_assessed_at + make_interval(days => ${validityDays}::int))`;
    // Expired exactly as riskProfile.expired: expiresAt <= now.
    const kind = sql`(case when ${expires} <= ${at(now)} then 'RISK_ASSESSMENT_EXPIRED' else 'RISK_ASSESSMENT_EXPIRING' end)`;
    branches.push(sql`select * from (select b.manager_id, ${kind} as kind, b.id as subject_id, b.id as customer_id, ${expires} as due_at from book b
      where b.risk_assessed_at is not null and ${expires} <= ${at(new Date(now.getTime() + s.assessmentExpiringWithinDays * DAY_MS))}) a
      where a.kind in (${sql.join(
        [...want].filter((k) => k.startsWith('RISK_')).map((k) => sql`${k}`),
        sql`, `,
      )})`);
  }
  if (want.has('COMPLAINT_OPEN')) {
    // Open (no feedback yet) and past its response deadline: Complaint.overdue.
    branches.push(sql`select b.manager_id, 'COMPLAINT_OPEN' as kind, k.id as subject_id, k.customer_id, k.respond_by as due_at
      from ${complaints} k join book b on b.id = k.customer_id where ${complaintOpenSql()} and k.respond_by < ${at(now)}`);
  }
  if (want.has('COOLING_OFF_ENDING')) {
    branches.push(sql`select b.manager_id, 'COOLING_OFF_ENDING' as kind, o.id as subject_id, o.customer_id, o.cooling_off_ends_at as due_at
      from ${orders} o join book b on b.id = o.customer_id where ${coolingOffEndingSql(now, s)}`);
  }
  if (want.has('PRODUCT_MATURING')) {
    branches.push(sql`select b.manager_id, 'PRODUCT_MATURING' as kind, h.id as subject_id, h.customer_id, (h.attributes->>'maturesAt')::timestamptz as due_at
      from ${holdings} h join book b on b.id = h.customer_id where ${productMaturingSql(now, s)}`);
  }
  if (want.has('CUSTOMER_AT_BRANCH')) {
    // Customers identified at a branch counter lately: the manager assigned at the visit goes to greet them.
    const since = new Date(now.getTime() - counterConfig(q.settings).visitNoticeHours * HOUR_MS);
    branches.push(sql`select b.manager_id, 'CUSTOMER_AT_BRANCH' as kind, v.id::int as subject_id, v.customer_id, v.identified_at as due_at
      from ${branchVisits} v join book b on b.id = v.customer_id where v.identified_at > ${at(since)} and v.identified_at <= ${at(now)}`);
  }
  if (want.has('UNASSIGNED') && (q.principal.role === 'BRANCH_MANAGER' || q.principal.role === 'HEAD_OFFICE')) {
    // Customers of the manager's branch nobody serves: for those who may assign them.
    branches.push(sql`select ${managers.id} as manager_id, 'UNASSIGNED' as kind, ${customers.id} as subject_id, ${customers.id} as customer_id, ${customers.createdAt} as due_at
      from ${customers} join ${managers} on ${managers.branchId} = ${customers.branchId}
      where ${and(inArray(managers.id, [...q.managerIds]), sql`${customers.managerId} is null`, customerScope(q.principal))}`);
  }
  if (want.has('LEAD_NEW') || want.has('LEAD_FEEDBACK_OVERDUE')) {
    // Leads the managers hold and have not reported back on: no customer yet (customer_id null).
    const due = sql`(l.assigned_at + make_interval(days => ${leadConfig(q.settings).feedbackDueDays}::int))`;
    const kind = sql`(case when ${due} < ${at(now)} then 'LEAD_FEEDBACK_OVERDUE' else 'LEAD_NEW' end)`;
    branches.push(sql`select * from (select l.manager_id, ${kind} as kind, l.id as subject_id, null::int as customer_id, ${due} as due_at
      from ${leads} l where l.manager_id = any(${intArray(q.managerIds)}) and l.stage = 'DISTRIBUTED' and l.assigned_at is not null
        and l.id in (select ${leads.id} from ${leads} where ${leadScope(q.principal)})) n
      where n.kind in (${sql.join(
        [...want].filter((k) => k.startsWith('LEAD_')).map((k) => sql`${k}`),
        sql`, `,
      )})`);
  }
  if (want.has('LINE_ITEM')) {
    // Each line's own items, for the customers of the book only (the line's SQL is handed the book's ids), tagged with their manager here.
    for (const line of q.lines) {
      branches.push(
        sql`select b.manager_id, x.kind, x.subject_id, x.customer_id, x.due_at from (${line.sql(sql`select id from book`, now, q.settings)}) x join book b on b.id = x.customer_id`,
      );
    }
  }
  // Every branch above has five columns; the measures of NEAR_NEXT_TIER ride along as two more.
  const unioned = branches.map((b) => sql`select x.*, null::numeric as assets_cny, null::numeric as contribution_cny from (${b}) x`);
  if (want.has('NEAR_NEXT_TIER')) {
    // The customer filter's predicate itself (no second definition of "near"); the book is read under the name
    // `customers` so that the filter's column references resolve to it. Contribution is summed only when the basis reads it.
    const contribution = basisMeasures(q.settings).includes('CONTRIBUTION') ? measureSql('CONTRIBUTION', q.settings, now) : sql`null::numeric`;
    // Due at the start of the bank's day: nothing happened at a particular hour, the customer is simply near today.
    unioned.push(sql`select ${customers.managerId} as manager_id, 'NEAR_NEXT_TIER' as kind, ${customers.id} as subject_id, ${customers.id} as customer_id,
      ${at(startOfBeijingDay(now))} as due_at, ${measureSql('ASSETS', q.settings, now)}::numeric as assets_cny, ${contribution} as contribution_cny
      from book ${customers} where ${nearNextTierSql(q.settings, now)}`);
  }
  if (unioned.length === 0)
    unioned.push(
      sql`select null::int as manager_id, null::text as kind, null::int as subject_id, null::int as customer_id, null::timestamptz as due_at, null::numeric as assets_cny, null::numeric as contribution_cny where false`,
    );

  const lineKinds = q.lines.flatMap((l) => Object.entries(l.kinds).map(([k, d]) => sql`when ${k} then ${d.priority(q.settings)}::int`));
  const priority = sql`(case i.kind ${sql.join([...WORK_ITEM_KINDS.map((k) => sql`when ${k} then ${s.priorities[k]}::int`), ...lineKinds], sql` `)} end)`;
  const book = sql`select * from ${customers} where ${and(inArray(customers.managerId, [...q.managerIds]), customerScope(q.principal))}`;
  return sql`with book as (${book}), items as (select i.manager_id, i.kind, i.subject_id, i.customer_id, i.due_at, i.assets_cny, i.contribution_cny, ${priority} as priority from (${sql.join(unioned, sql` union all `)}) i)`;
}

/**
 * A page of each manager's queue, ranked: priority (highest first), then due date,
 * kind and subject; at most `limit` per manager, after the same cursor.
 */
export function workQueuePageSql(q: WorkQueueQuery, after: WorkQueueCursor | undefined, limit: number): SQL {
  const start = after
    ? sql`where (-priority, due_at, kind, subject_id) > (${-after.priority}::int, ${at(after.dueAt)}, ${after.kind}::text, ${after.subjectId}::int)`
    : sql``;
  return sql`${workItemsSql(q)} select manager_id, kind, subject_id, customer_id, due_at, priority, assets_cny, contribution_cny from (
    select items.*, row_number() over (partition by manager_id order by priority desc, due_at asc, kind asc, subject_id asc) as rn from items ${start}
  ) r where rn <= ${limit} order by manager_id, rn`;
}

/** How many items each manager's queue holds. */
export function workQueueCountSql(q: WorkQueueQuery): SQL {
  return sql`${workItemsSql(q)} select manager_id, count(*)::int as n from items group by manager_id`;
}
