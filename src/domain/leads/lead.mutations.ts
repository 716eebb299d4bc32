import { Decimal } from 'decimal.js';
import { and, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { branchOfManagerSql } from '../../access/scope.js';
import { ownBranchOf } from '../../access/own-branch.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { leadContacts, leadEvents, leads, managers, orders } from '../../db/schema/index.js';
import { badInput, conflict, notFound } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { customerLoader } from '../core-loaders.js';
import { checkAmount, checkPhone, checkText } from '../customers/customer.validation.js';
import { applyMove, findLead, moveLead, requireMayMove } from './lead-move.js';
import { insertCustomer, prepareCustomer } from '../customers/open-customer.js';
import { LEAD_WRITERS } from './lead-roles.js';
import { OPEN_STAGES, stageRank, type LeadStage } from './lead.enums.js';
import type { LeadRow } from './lead.resolver.js';
import { leadIndustries } from './lead.settings.js';
import { AdvanceLeadInput, ConvertLeadInput, CreateLeadInput, DropLeadInput, Lead } from './lead.types.js';

const optionalText = (v: string | undefined | null, field: string, max: number) => (v == null || v.trim() === '' ? null : checkText(v, field, max));

/** The branch pool a new lead goes to: the caller's own; head office names it. */
async function poolOf(ctx: HostContext, given: string | undefined): Promise<number> {
  const p = ctx.principal;
  if (p.role === 'RELATIONSHIP_MANAGER' || p.role === 'BRANCH_MANAGER') {
    const own = await ownBranchOf(ctx);
    if (own === null) throw notFound(text('客户经理', 'relationship manager'));
    return own;
  }
  const id = given ? numericIdOf(given, 'Branch') : null;
  if (!id) throw badInput(text('总行录入线索须指定网点 branchId', 'Head office must give the branch pool (branchId)'), 'branchId');
  return id;
}

function checkStageOpen(lead: LeadRow): void {
  if (!OPEN_STAGES.includes(lead.stage as LeadStage)) {
    throw badInput(text(`线索已是 ${lead.stage}，不能再推进`, `The lead is ${lead.stage}; it cannot move any more`), 'leadId');
  }
}

@Resolver()
export class LeadMutationResolver {
  @Mutation(() => Lead, {
    description: '信息收集: records a lead in a branch pool (stage COLLECTED); audited (LEAD_COLLECTED). Personal data is never written to the audit trail.',
  })
  async createLead(
    @Arg('input', () => CreateLeadInput, { description: 'The prospect and where the lead came from.' }) input: CreateLeadInput,
    @Ctx() ctx: HostContext,
  ): Promise<LeadRow> {
    requireRole(ctx, ...LEAD_WRITERS);
    // Every check before any statement.
    if (!leadIndustries(ctx.settings)[input.industry])
      throw badInput(text('行业代码不在 core.leadIndustries 中', 'industry is not a code of core.leadIndustries'), 'industry');
    if (!(Math.abs(input.latitude) <= 90) || !(Math.abs(input.longitude) <= 180))
      throw badInput(text('坐标超出范围', 'latitude/longitude out of range'), 'latitude');
    const name = checkText(input.prospect.name, 'prospect.name', 60);
    const company = optionalText(input.prospect.company, 'prospect.company', 100);
    if (input.prospect.kind === 'BUSINESS_OWNER' && !company)
      throw badInput(text('企业主线索须填写企业名称', 'A business owner needs the company'), 'prospect.company');
    const phone = input.prospect.phone ? checkPhone(input.prospect.phone) : null;
    const value = checkAmount(input.estimatedValue, 'estimatedValue');
    const district = checkText(input.district, 'district', 40);
    const sourceDetail = optionalText(input.sourceDetail, 'sourceDetail', 100);
    const notes = input.notes == null ? '' : input.notes.trim().slice(0, 1000);
    if (input.source === 'CUSTOMER_REFERRAL' && !input.referrerCustomerId)
      throw badInput(text('客户推荐须指明推荐客户', 'A referral names the referring customer'), 'referrerCustomerId');
    const referrer = input.referrerCustomerId ? numericIdOf(input.referrerCustomerId, 'Customer') : null;
    if (input.referrerCustomerId && !referrer) throw badInput(text('推荐客户编号无效', 'referrerCustomerId is not a customer id'), 'referrerCustomerId');
    if (referrer && !(await customerLoader(ctx).load(referrer))) throw notFound(text('推荐客户', 'referring customer'));
    const branchId = await poolOf(ctx, input.branchId);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(leads)
        .values({
          source: input.source,
          sourceDetail,
          referrerCustomerId: referrer,
          prospectKind: input.prospect.kind,
          prospectName: name,
          companyName: company,
          prospectPhone: phone,
          industry: input.industry,
          district,
          latitude: input.latitude.toFixed(6),
          longitude: input.longitude.toFixed(6),
          estimatedValue: value,
          notes,
          branchId,
          createdBy: ctx.principal.subject,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      await tx.insert(leadEvents).values({
        leadId: row.id,
        fromStage: null,
        toStage: 'COLLECTED',
        managerId: null,
        branchId,
        actor: ctx.principal.subject,
        reason: 'collected',
        at: ctx.now,
      });
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'LEAD_COLLECTED',
          targetType: 'Lead',
          targetId: toGlobalId('Lead', row.id),
          details: { source: input.source, industry: input.industry, branchId: toGlobalId('Branch', branchId) },
        },
      );
      return row;
    });
  }

  @Mutation(() => Lead, {
    description:
      '优先领认: a relationship manager claims a lead of their branch pool nobody holds (COLLECTED or published DISTRIBUTED → DISTRIBUTED, held by them); audited. ' +
      'The first claim wins: a lead already held → CONFLICT naming the holder (extensions.heldBy).',
  })
  async claimLead(
    @Arg('id', () => ID, { description: "The lead to claim (unassigned, in the caller's branch)." }) id: string,
    @Ctx() ctx: HostContext,
  ): Promise<LeadRow> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER');
    const me = ctx.principal.managerId!;
    // Any lead of the claimer's branch, held or not: a manager who lost the race learns who holds it.
    const key = numericIdOf(id, 'Lead');
    if (!key) throw badInput(text('线索编号无效', 'id is not a lead id'), 'id');
    const [lead] = await ctx.db
      .select()
      .from(leads)
      .where(and(eq(leads.id, key), sql`${leads.branchId} = ${branchOfManagerSql(me)}`));
    if (!lead) throw notFound(text('线索', 'lead'));
    checkStageOpen(lead);
    // The version read is the guard: of two simultaneous claims, one update finds it and wins; the other finds none and learns the holder below.
    const won =
      lead.managerId === null && (lead.stage === 'COLLECTED' || lead.stage === 'DISTRIBUTED')
        ? await ctx.db.transaction((tx) => applyMove(ctx, tx, lead, { to: 'DISTRIBUTED', managerId: me, reason: 'claimed (优先领认)', action: 'LEAD_CLAIMED' }))
        : null;
    if (won) return won;
    const [now] = await ctx.db
      .select({ managerId: leads.managerId, code: managers.code, name: managers.name })
      .from(leads)
      .leftJoin(managers, eq(managers.id, leads.managerId))
      .where(eq(leads.id, lead.id));
    if (now?.managerId != null) {
      throw conflict(text(`线索已由客户经理 ${now.code}（${now.name}）领认`, `The lead is already held by manager ${now.code} (${now.name})`), {
        heldBy: toGlobalId('CustomerManager', now.managerId),
      });
    }
    throw conflict(text('线索已被他人更新，请刷新后重试', 'The lead changed meanwhile; reload and retry'));
  }

  @Mutation(() => Lead, {
    description:
      'Moves a held lead one step forward (DISTRIBUTED → FEEDBACK → REFINED), with a note kept in its history; audited. FEEDBACK records the people found (at least one). ' +
      'Backward or skipping moves → BAD_USER_INPUT; by someone other than the holder, their branch manager or head office → FORBIDDEN.',
  })
  async advanceLead(
    @Arg('input', () => AdvanceLeadInput, { description: 'The lead and the stage to move it to.' }) input: AdvanceLeadInput,
    @Ctx() ctx: HostContext,
  ): Promise<LeadRow> {
    requireRole(ctx, ...LEAD_WRITERS);
    const note = checkText(input.note, 'note', 1000);
    const people = (input.contacts ?? []).map((c) => ({
      role: c.role,
      name: checkText(c.name, 'contacts.name', 60),
      title: optionalText(c.title, 'contacts.title', 60),
      phone: c.phone ? checkPhone(c.phone) : null,
    }));
    const value = input.estimatedValue == null ? undefined : checkAmount(input.estimatedValue, 'estimatedValue');
    const lead = await findLead(ctx, input.leadId);
    requireMayMove(ctx, lead);
    checkStageOpen(lead);
    const to = input.toStage as LeadStage;
    if (!['FEEDBACK', 'REFINED'].includes(to) || stageRank(to) !== stageRank(lead.stage) + 1 || lead.managerId === null) {
      throw badInput(
        text(`线索只能逐级向前推进：当前 ${lead.stage}，不能到 ${to}`, `A lead moves one step forward only: it is ${lead.stage}, it cannot go to ${to}`),
        'toStage',
      );
    }
    if (to === 'FEEDBACK' && people.length === 0)
      throw badInput(text('信息反馈须至少记录一位相关人员', 'Feedback records at least one person found'), 'contacts');
    return moveLead(
      ctx,
      lead,
      { to, reason: note, set: value === undefined ? {} : { estimatedValue: value }, details: { contacts: people.length } },
      async (tx) => {
        if (people.length) await tx.insert(leadContacts).values(people.map((p) => ({ ...p, leadId: lead.id, recordedAt: ctx.now })));
      },
    );
  }

  @Mutation(() => Lead, {
    description:
      'Gives up a lead that is not converted, with the reason; audited (LEAD_DROPPED). The holder, their branch manager or head office (a pool lead: branch manager or head office).',
  })
  async dropLead(
    @Arg('input', () => DropLeadInput, { description: 'The lead and why it is dropped.' }) input: DropLeadInput,
    @Ctx() ctx: HostContext,
  ): Promise<LeadRow> {
    requireRole(ctx, ...LEAD_WRITERS);
    const reason = checkText(input.reason, 'reason', 500);
    const lead = await findLead(ctx, input.leadId);
    requireMayMove(ctx, lead);
    checkStageOpen(lead);
    return moveLead(ctx, lead, { to: 'DROPPED', reason, set: { dropReason: reason } });
  }

  @Mutation(() => Lead, {
    description:
      '信息转换: a held lead (DISTRIBUTED, FEEDBACK or REFINED) becomes CONVERTED, linked to an existing customer of your book (and optionally their first order) ' +
      'or to a customer opened for the prospect in the same transaction; its value and conversion time feed the KPIs. Audited (LEAD_CONVERTED).',
  })
  async convertLead(
    @Arg('input', () => ConvertLeadInput, { description: 'The lead and the customer it became (an existing one or one to create).' }) input: ConvertLeadInput,
    @Ctx() ctx: HostContext,
  ): Promise<LeadRow> {
    requireRole(ctx, ...LEAD_WRITERS);
    if (!input.customerId === !input.newCustomer)
      throw badInput(text('customerId 与 newCustomer 须且只能给出一个', 'Give exactly one of customerId and newCustomer'), 'customerId');
    const existing = input.customerId ? numericIdOf(input.customerId, 'Customer') : null;
    if (input.customerId && !existing) throw badInput(text('客户编号无效', 'customerId is not a customer id'), 'customerId');
    // A new customer is checked in full before any statement, as createCustomer checks it.
    const opening = input.newCustomer ? prepareCustomer(ctx, input.newCustomer) : null;
    const orderId = input.orderId ? numericIdOf(input.orderId, 'Order') : null;
    if (input.orderId && !orderId) throw badInput(text('订单编号无效', 'orderId is not an order id'), 'orderId');
    if (orderId && opening) throw badInput(text('新开户客户尚无订单', 'A customer opened here has no order yet'), 'orderId');
    const note = input.note ? checkText(input.note, 'note', 500) : 'converted';
    const lead = await findLead(ctx, input.leadId);
    requireMayMove(ctx, lead);
    checkStageOpen(lead);
    if (lead.managerId === null) throw badInput(text('线索须先领认或分配才能转换', 'A lead is claimed or distributed before it converts'), 'leadId');
    if (existing !== null) {
      if (!(await customerLoader(ctx).load(existing))) throw notFound(text('客户', 'customer'));
      if (orderId) {
        const [o] = await ctx.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
        if (!o || o.customerId !== existing) throw badInput(text('订单不属于该客户', "The order is not this customer's"), 'orderId');
      }
    }
    const row = await ctx.db.transaction(async (tx) => {
      // Opened and linked together: a conversion that loses a race leaves no customer behind.
      const customerId = opening ? (await insertCustomer(tx, opening)).id : existing!;
      const moved = await applyMove(ctx, tx, lead, {
        to: 'CONVERTED',
        reason: note,
        set: { customerId, orderId, convertedAt: ctx.now },
        details: { customerId: toGlobalId('Customer', customerId), opened: opening !== null, value: new Decimal(lead.estimatedValue).toFixed(2) },
      });
      if (!moved) throw conflict(text('线索已被他人更新，请刷新后重试', 'The lead changed meanwhile; reload and retry'));
      return moved;
    });
    return row;
  }
}
