import { asc, inArray } from 'drizzle-orm';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { maskPhone } from '../../access/masking.js';
import { leadContacts, leadEvents, type leads } from '../../db/schema/index.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { Money, money } from '../common/money.type.js';
import { branchLoader, customerLoader, managerLoader } from '../core-loaders.js';
import { Customer } from '../customers/customer.type.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { leadIndustries } from './lead.settings.js';
import { Lead, LeadContactPerson, LeadEvent, LeadLocation, LeadProspect } from './lead.types.js';

export type LeadRow = typeof leads.$inferSelect;

/** Only the manager holding the lead reads phones in clear: the pool and the branch see them masked. */
const holds = (ctx: HostContext, l: LeadRow) => ctx.principal.role === 'RELATIONSHIP_MANAGER' && ctx.principal.managerId === l.managerId;
const phoneFor = (ctx: HostContext, l: LeadRow, phone: string | null) => (phone === null ? null : holds(ctx, l) ? phone : maskPhone(phone));

const byLead = <T extends { leadId: number }>(ids: readonly number[], rows: T[]) => ids.map((id) => rows.filter((r) => r.leadId === id));

@Resolver(() => Lead)
export class LeadResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Lead.' })
  id(@Root() l: LeadRow): string {
    return toGlobalId('Lead', l.id);
  }

  @FieldResolver(() => LeadProspect, { description: 'The prospect (person, or business owner with company).' })
  prospect(@Root() l: LeadRow, @Ctx() ctx: HostContext): LeadProspect {
    return { kind: l.prospectKind, name: l.prospectName, company: l.companyName, phone: phoneFor(ctx, l, l.prospectPhone) };
  }

  @FieldResolver(() => LeadLocation, { description: 'District and coordinates.' })
  location(@Root() l: LeadRow): LeadLocation {
    return { district: l.district, latitude: Number(l.latitude), longitude: Number(l.longitude) };
  }

  @FieldResolver(() => String)
  industryName(@Root() l: LeadRow, @Ctx() ctx: HostContext): string {
    const names = leadIndustries(ctx.settings)[l.industry];
    return names ? (ctx.lang === 'en' ? names.en : names.zh) : l.industry;
  }

  @FieldResolver(() => Money)
  estimatedValue(@Root() l: LeadRow) {
    return money(l.estimatedValue, 'CNY');
  }

  @FieldResolver(() => CustomerManager, { nullable: true, description: 'The manager holding it (null: in the shared pool).' })
  manager(@Root() l: LeadRow, @Ctx() ctx: HostContext) {
    return l.managerId === null ? null : managerLoader(ctx).load(l.managerId);
  }

  @FieldResolver(() => Branch, { description: 'The branch whose pool it is shared in.' })
  branch(@Root() l: LeadRow, @Ctx() ctx: HostContext) {
    return branchLoader(ctx).load(l.branchId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer it became (CONVERTED), when in your book.' })
  customer(@Root() l: LeadRow, @Ctx() ctx: HostContext) {
    return l.customerId === null ? null : customerLoader(ctx).load(l.customerId);
  }

  @FieldResolver(() => ID, { nullable: true, description: "The converted customer's first order, when linked." })
  orderId(@Root() l: LeadRow): string | null {
    return l.orderId === null ? null : toGlobalId('Order', l.orderId);
  }

  @FieldResolver(() => [LeadContactPerson], { description: 'People found in feedback, in the order recorded.' })
  async contacts(@Root() l: LeadRow, @Ctx() ctx: HostContext): Promise<LeadContactPerson[]> {
    const rows = await ctx
      .loader<number, (typeof leadContacts.$inferSelect)[]>('core.leadContacts', async (ids) =>
        byLead(
          ids,
          await ctx.db
            .select()
            .from(leadContacts)
            .where(inArray(leadContacts.leadId, [...ids]))
            .orderBy(asc(leadContacts.id)),
        ),
      )
      .load(l.id);
    return rows.map((c) => ({ role: c.role, name: c.name, title: c.title, phone: phoneFor(ctx, l, c.phone) }));
  }

  @FieldResolver(() => [LeadEvent], { description: 'Every move, oldest first: who moved it, when, why.' })
  async history(@Root() l: LeadRow, @Ctx() ctx: HostContext): Promise<LeadEvent[]> {
    const rows = await ctx
      .loader<number, (typeof leadEvents.$inferSelect)[]>('core.leadEvents', async (ids) =>
        byLead(
          ids,
          await ctx.db
            .select()
            .from(leadEvents)
            .where(inArray(leadEvents.leadId, [...ids]))
            .orderBy(asc(leadEvents.id)),
        ),
      )
      .load(l.id);
    return rows.map((e) => ({
      fromStage: e.fromStage,
      toStage: e.toStage,
      managerId: e.managerId === null ? null : toGlobalId('CustomerManager', e.managerId),
      actor: e.actor,
      reason: e.reason,
      at: e.at,
    }));
  }
}
