import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { ownBranchOf } from '../../access/own-branch.js';
import { recordAuditBatch } from '../../audit/record.js';
import { jsonValue } from '../../db/json-rows.js';
import { auditEvents, branchVisits, bundles, complaints, customers, holdings, managers, orders } from '../../db/schema/index.js';
import { cardHolderSql, cardNumbersEnabled, normaliseCardNumber } from './card-number.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { text, type LocalizedText } from '../../i18n/localized.js';
import { offeredAt } from '../../bundles/offers.js';
import { checkTarget, type BundleTarget } from '../../bundles/targeting.js';
import type { CustomerRecord } from '../customers/customer.record.js';
import { normaliseIdNumber } from '../customers/customer-search.js';
import { tierUnderBasisSql } from '../customers/customer-filter-classes.js';
import type { Tier } from '../customers/derived.js';
import { complaintOpenSql, coolingOffEndingSql, productMaturingSql } from '../workbench/work-queue.sql.js';
import type { WorkQueueSetting } from '../workbench/work-item-kinds.js';
import { assessmentExpiry } from '../customers/derived.js';
import { counterConfig } from './counter.settings.js';
import { alertOfItem, birthdayMessage, orderAlerts, queuePriority, upcomingBirthday, type CounterAlert, type QueuePriority } from './counter-view.js';

/** What the counter is told about the person at it. */
export type Identification =
  | { identified: false }
  | {
      identified: true;
      customer: CustomerRecord;
      tier: Tier;
      /** The assigned manager's roster row; null when none is assigned. */
      manager: typeof managers.$inferSelect | null;
      queuePriority: QueuePriority;
      alerts: CounterAlert[];
    };

/** What the person at the counter presents: an ID (type and number) or a card of the bank. */
export type PresentedCredential =
  { idType: string; idNumber: string; cardNumber?: undefined } | { cardNumber: string; idType?: undefined; idNumber?: undefined };

/**
 * The customer a credential names, as a SQL condition on customers — checked before any statement: a
 * malformed ID number or card number is BAD_USER_INPUT. A card is found by its keyed hash among the live
 * cards the bank issued (card look-up off when no CARD_NUMBER_HASH_KEY is configured).
 */
function presentedCustomerSql(c: PresentedCredential): SQL {
  if (c.cardNumber !== undefined) {
    const pan = normaliseCardNumber(c.cardNumber);
    if (!cardNumbersEnabled()) throw badInput(text('未启用按卡号识别客户', 'Identification by card number is not configured'), 'cardNumber');
    return sql`${customers.id} = ${cardHolderSql(pan)}`;
  }
  const idNumber = normaliseIdNumber(c.idNumber);
  if (idNumber === null) throw badInput(text('证件号码格式不正确', 'The ID number is not well formed'), 'idNumber');
  return and(eq(customers.idType, c.idType), eq(customers.idNumber, idNumber))!;
}

/** How the customer was identified, for the audit trail (never the number itself). */
const credentialKind = (c: PresentedCredential): 'CARD' | 'ID' => (c.cardNumber !== undefined ? 'CARD' : 'ID');

/** Rows a correlated list brings: the record and when it falls due. */
type Listed = { id: number; due: string }[];

const DAY_MS = 86_400_000;

/** A bundle on offer, as far as the counter reads it. */
type OfferedBundle = BundleTarget & { id: number; nameZh: string; nameEn: string };

/** Why branch staff identify a customer: recorded as the audit purpose. */
export const IDENTIFY_PURPOSE = 'BRANCH_COUNTER';

/**
 * 网点客户识别: who is at the counter of `branchId`, from the ID or the bank card they present. Any customer of the bank is
 * identified (a customer may walk into any branch), but only with what the counter needs — tier, manager, queue
 * lane, alerts — never the 360. Unknown: `identified: false`, the same answer whatever the ID (nothing says
 * whether it exists anywhere). Either way the look-up is audited (CUSTOMER_IDENTIFIED, purpose BRANCH_COUNTER,
 * no ID number in it) and, when identified, the visit is recorded — the assigned manager's queue shows it
 * (CUSTOMER_AT_BRANCH). Two statements: the customer with tier, manager, what the alerts need and the bundles
 * on offer; the visit with its audit entry.
 */
export async function identifyCustomer(ctx: HostContext, input: PresentedCredential & { branchId: number }): Promise<Identification> {
  const who = presentedCustomerSql(input);
  // Only branch staff identify customers, at their own branch's counter.
  const branch = await ownBranchOf(ctx);
  if (branch === null) throw forbidden(text('只有网点员工可以在本网点识别客户', 'Only branch staff identify customers, at their own branch'));
  if (branch !== input.branchId) throw forbidden(text('只能在本人所在网点识别客户', 'You identify customers at your own branch only'));
  const settings = counterConfig(ctx.settings);

  const tier = tierUnderBasisSql(ctx.settings, ctx.now);
  const queue = ctx.settings.get<WorkQueueSetting>('core.workQueue');
  // One statement: the customer with tier and manager, and beside it — correlated on the customer, by the
  // work queue's own predicates — open complaints, cooling-off periods ending, positions maturing, and the
  // bundles on offer (the counter mentions the first whose segment fits).
  const listed = (alias: string, from: SQL, where: SQL, due: SQL) =>
    sql`(select coalesce(json_agg(json_build_object('id', ${sql.raw(alias)}.id, 'due', ${due}) order by ${sql.raw(alias)}.id), '[]') from ${from} ${sql.raw(alias)} where ${sql.raw(alias)}.customer_id = ${customers.id} and ${where})`;
  const offeredSql = sql`(select coalesce(json_agg(json_build_object('id', ${bundles.id}, 'nameZh', ${bundles.nameZh}, 'nameEn', ${bundles.nameEn},
    'targetRiskAttitudes', ${bundles.targetRiskAttitudes}, 'targetLifeStages', ${bundles.targetLifeStages}, 'targetIncomeBands', ${bundles.targetIncomeBands},
    'minimumTier', ${bundles.minimumTier}) order by ${bundles.id}), '[]') from ${bundles} where ${offeredAt(ctx.now)})`;
  const [row] = await ctx.db
    .select({
      customer: customers,
      tier: sql<Tier>`${tier}`,
      manager: managers,
      complaints: sql<Listed>`${listed('k', sql`${complaints}`, complaintOpenSql(), sql`k.respond_by`)}`,
      coolingOff: sql<Listed>`${listed('o', sql`${orders}`, coolingOffEndingSql(ctx.now, queue), sql`o.cooling_off_ends_at`)}`,
      maturing: sql<Listed>`${listed('h', sql`${holdings}`, productMaturingSql(ctx.now, queue), sql`(h.attributes->>'maturesAt')::timestamptz`)}`,
      offered: sql<OfferedBundle[]>`${offeredSql}`,
    })
    .from(customers)
    .leftJoin(managers, eq(managers.id, customers.managerId))
    .where(who)
    .limit(1);

  if (!row) {
    await recordAuditBatch(ctx, [
      {
        action: 'CUSTOMER_IDENTIFIED',
        targetType: 'CustomerSearch',
        targetId: '-',
        purpose: IDENTIFY_PURPOSE,
        details: { identified: false, by: credentialKind(input), branchId: toGlobalId('Branch', branch) },
      },
    ]);
    return { identified: false };
  }
  const c = row.customer;

  const alerts: CounterAlert[] = [];
  // The assessment as riskProfile reads it (expired when its expiry has passed), expiring within the queue's look-ahead.
  if (c.riskAssessedAt) {
    const expires = assessmentExpiry(c.riskAssessedAt, ctx.settings);
    if (expires.getTime() <= ctx.now.getTime()) alerts.push(alertOfItem('RISK_ASSESSMENT_EXPIRED', expires, c.id));
    else if (expires.getTime() <= ctx.now.getTime() + queue.assessmentExpiringWithinDays * DAY_MS)
      alerts.push(alertOfItem('RISK_ASSESSMENT_EXPIRING', expires, c.id));
  }
  for (const [kind, list] of [
    ['COMPLAINT_OPEN', row.complaints],
    ['COOLING_OFF_ENDING', row.coolingOff],
    ['PRODUCT_MATURING', row.maturing],
  ] as const) {
    for (const x of jsonValue<Listed>(list)) alerts.push(alertOfItem(kind, new Date(x.due), x.id));
  }
  const birthday = upcomingBirthday(c.birthDate, ctx.now, settings.birthdayWithinDays);
  if (birthday) alerts.push({ kind: 'BIRTHDAY', message: birthdayMessage(birthday, ctx.now), dueAt: birthday, subjectId: c.id });

  // The bundle to mention: the first on offer whose target segment the customer is in (tier on the snapshot).
  // Its items' suitability is judged when it is offered (Customer.bundleOffers) or ordered (placeBundleOrder):
  // judging every item of every bundle here would cost the counter more than the rest of the answer.
  const offered = jsonValue<OfferedBundle[]>(row.offered);
  const best = offered.find((b) => checkTarget(b, c, row.tier, ctx.settings, ctx.now).every((t) => t.matched));
  if (best) alerts.push({ kind: 'BUNDLE_OFFER', message: offerMessage(best.nameZh, best.nameEn), dueAt: ctx.now, subjectId: best.id });

  const lane = queuePriority(row.tier, settings);
  const ordered = orderAlerts(alerts);
  // The visit and the audit entry in one statement (atomic), before anything is answered: no record, no answer.
  const details = {
    identified: true,
    by: credentialKind(input),
    branchId: toGlobalId('Branch', branch),
    queuePriority: lane,
    alerts: ordered.map((a) => a.kind),
  };
  await ctx.db.execute(sql`with visit as (
      insert into ${branchVisits} (customer_id, branch_id, manager_id, identified_by, identified_at)
      values (${c.id}, ${branch}, ${c.managerId}, ${ctx.principal.subject}, ${ctx.now.toISOString()}::timestamptz))
    insert into ${auditEvents} (actor, role, request_id, action, target_type, target_id, purpose, details)
    values (${ctx.principal.subject}, ${ctx.principal.role}, ${ctx.requestId}, 'CUSTOMER_IDENTIFIED', 'Customer', ${toGlobalId('Customer', c.id)}, ${IDENTIFY_PURPOSE}, ${JSON.stringify(details)}::jsonb)`);
  return { identified: true, customer: c, tier: row.tier, manager: row.manager, queuePriority: lane, alerts: ordered };
}

const offerMessage = (zh: string, en: string): LocalizedText => text(`可向客户推荐「${zh}」`, `Worth offering the customer "${en}"`);
